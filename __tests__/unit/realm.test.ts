import { describe, expect, it } from '@jest/globals'
import {
  KNOWN_TOKEN_HOSTS,
  credentialsMayGoToRealm,
  tokenWeakness
} from '../../src/adapters/registry/auth.js'
import { isLoopbackHost } from '../../src/adapters/registry/hosts.js'

const loopbackOnly = (host: string) => isLoopbackHost(host)
const verdict = (apiHost: string, realm: string, plain = loopbackOnly) =>
  credentialsMayGoToRealm(apiHost, new URL(realm), plain)

describe('where credentials may go for a token', () => {
  it('allows the registry’s own host over HTTPS', () => {
    expect(verdict('ghcr.io', 'https://ghcr.io/token')).toEqual({ allowed: true })
    expect(verdict('quay.io', 'https://QUAY.io/v2/auth')).toEqual({ allowed: true })
    expect(verdict('myreg.azurecr.io', 'https://myreg.azurecr.io/oauth2/token')).toEqual({
      allowed: true
    })
    // An explicit default port is the same origin.
    expect(verdict('ghcr.io', 'https://ghcr.io:443/token')).toEqual({ allowed: true })
  })

  it('allows the known token services and nothing else of their domains', () => {
    expect(verdict('registry-1.docker.io', 'https://auth.docker.io/token')).toEqual({
      allowed: true
    })
    expect(verdict('registry.gitlab.com', 'https://gitlab.com/jwt/auth')).toEqual({
      allowed: true
    })
    expect(verdict('registry-1.docker.io', 'https://evil.docker.io/token').allowed).toBe(false)
    expect(verdict('registry.gitlab.com', 'https://pages.gitlab.com/jwt/auth').allowed).toBe(false)
    // The table is keyed by registry: GitLab's token service gets nothing for Docker Hub.
    expect(verdict('registry-1.docker.io', 'https://gitlab.com/jwt/auth').allowed).toBe(false)
  })

  it.each([
    ['myreg.azurecr.io', 'https://attacker.azurecr.io/oauth2/token'],
    ['myreg.azurecr.io', 'https://azurecr.io/oauth2/token'],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com', 'https://evil.amazonaws.com/token'],
    ['europe-docker.pkg.dev', 'https://attacker.pkg.dev/v2/token'],
    ['registry.example.com', 'https://auth.example.com/token'],
    ['registry.example.com', 'https://example.com/token'],
    ['ghcr.io', 'https://ghcr.io.attacker.example/token'],
    ['ghcr.io', 'https://ghcr.io:8443/token']
  ])('refuses %s → %s: a shared parent domain or another port proves nothing', (api, realm) => {
    const result = verdict(api, realm)
    expect(result.allowed).toBe(false)
    expect(result).toMatchObject({ why: expect.stringMatching(/another host/) })
  })

  it('refuses plain HTTP except to the registry itself when it may use plain HTTP', () => {
    expect(verdict('registry-1.docker.io', 'http://auth.docker.io/token')).toEqual({
      allowed: false,
      why: 'it is plain HTTP'
    })
    expect(verdict('127.0.0.1:5000', 'http://127.0.0.1:5000/token')).toEqual({ allowed: true })
    expect(verdict('127.0.0.1:5000', 'http://127.0.0.2:5000/token')).toEqual({
      allowed: false,
      why: 'it is plain HTTP'
    })
    expect(verdict('reg.internal', 'http://reg.internal/token', () => false)).toEqual({
      allowed: false,
      why: 'it is plain HTTP'
    })
    expect(verdict('reg.internal', 'http://reg.internal/token', h => h === 'reg.internal')).toEqual(
      { allowed: true }
    )
  })

  it('refuses loopback, private and link-local token services that are not the registry', () => {
    for (const realm of [
      'https://127.0.0.1/token',
      'https://localhost/token',
      'https://10.0.0.8/token',
      'https://192.168.1.1/token',
      'https://169.254.169.254/latest',
      'https://[::1]/token',
      'https://[fd00::1]/token'
    ]) {
      expect(verdict('registry.example.com', realm)).toEqual({
        allowed: false,
        why: 'it is a loopback or private address'
      })
    }
  })

  it('refuses schemes other than HTTP(S)', () => {
    expect(verdict('ghcr.io', 'ftp://ghcr.io/token')).toEqual({
      allowed: false,
      why: 'it is not HTTP(S)'
    })
  })

  it('lists only token services on other hosts, each for a registry host', () => {
    for (const [registry, realms] of Object.entries(KNOWN_TOKEN_HOSTS)) {
      expect(realms.length).toBeGreaterThan(0)
      for (const realm of realms) expect(realm).not.toBe(registry)
    }
  })
})

describe('tokens too weak to be secrets', () => {
  it('refuses short tokens, which masking would blank wherever they occur', () => {
    expect(tokenWeakness('sha256')).toMatch(/of 6 characters, too short to be a secret/)
    expect(tokenWeakness('a1b2c3d4e5f6g7h')).toMatch(/of 15 characters/)
  })

  it('refuses repetitive tokens', () => {
    expect(tokenWeakness('0'.repeat(64))).toMatch(/only 1 different characters/)
    expect(tokenWeakness('abcabcabcabcabcabc')).toMatch(/only 3 different characters/)
  })

  it('takes JWTs and random strings', () => {
    expect(tokenWeakness('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')).toBeUndefined()
    expect(tokenWeakness('0123456789abcdef')).toBeUndefined()
  })
})

describe('*.localhost names', () => {
  it('are not loopback by their text alone', () => {
    expect(isLoopbackHost('localhost:5000')).toBe(true)
    expect(isLoopbackHost('reg.localhost:5000')).toBe(false)
  })
})
