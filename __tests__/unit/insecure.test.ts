import { describe, expect, it } from '@jest/globals'
import type { CredentialSource } from '../../src/adapters/registry/credentials.js'
import { MEDIA_TYPES, RegistryClient } from '../../src/adapters/registry/client.js'
import { HttpTransport } from '../../src/adapters/registry/http.js'

const anonymous: CredentialSource = { lookup: async () => undefined, fallback: () => undefined }
const DIGEST = `sha256:${'a'.repeat(64)}`

/** A registry that speaks only plain HTTP: every https:// request fails as a TLS probe would. */
function plainHttpRegistry() {
  const urls: string[] = []
  const fetch = async (url: string): Promise<Response> => {
    urls.push(url)
    if (url.startsWith('https:'))
      throw Object.assign(new TypeError('fetch failed'), {
        cause: { code: 'ERR_SSL_WRONG_VERSION_NUMBER' }
      })
    if (new URL(url).pathname === '/v2/') return new Response('{}', { status: 200 })
    return new Response(null, {
      status: 200,
      headers: { 'content-type': MEDIA_TYPES.ociManifest, 'docker-content-digest': DIGEST }
    })
  }
  return { urls, fetch }
}

const resolve = (insecure: string[], registry = 'reg.internal:5000') => {
  const { urls, fetch } = plainHttpRegistry()
  const client = new RegistryClient({
    credentials: anonymous,
    fetch,
    maxAttempts: 1,
    insecureHosts: new Set(insecure)
  })
  return {
    urls,
    result: client.resolveDigest({ registry, repository: 'team/app', tag: 'v1' }, undefined, DIGEST)
  }
}

describe('plain HTTP', () => {
  it('is never tried for a host that is not loopback and not listed', async () => {
    const { urls, result } = resolve([])
    await expect(result).rejects.toMatchObject({ kind: 'tls' })
    expect(urls.every(u => u.startsWith('https:'))).toBe(true)
  })

  it.each([['reg.internal:5000'], ['reg.internal']])(
    'is tried after HTTPS fails when insecure-registries lists %s',
    async listed => {
      const { urls, result } = resolve([listed])
      await expect(result).resolves.toMatchObject({ digest: DIGEST })
      expect(urls[0]).toBe('https://reg.internal:5000/v2/')
      expect(urls[1]).toBe('http://reg.internal:5000/v2/')
    }
  )

  it('is not granted to another port of a listed host:port', async () => {
    const { urls, result } = resolve(['reg.internal:5000'], 'reg.internal:6000')
    await expect(result).rejects.toMatchObject({ kind: 'tls' })
    expect(urls.every(u => u.startsWith('https:'))).toBe(true)
  })

  it('is tried for loopback hosts without being listed', async () => {
    const { result } = resolve([], '127.0.0.1:5000')
    await expect(result).resolves.toMatchObject({ digest: DIGEST })
  })

  it('is refused for a redirect to a host that is not listed', () => {
    const transport = new HttpTransport({ insecureHosts: new Set(['reg.internal:5000']) })
    expect(transport.mayUsePlainHttp('reg.internal:5000')).toBe(true)
    expect(transport.mayUsePlainHttp('reg.internal:80')).toBe(false)
    expect(transport.mayUsePlainHttp('storage.internal')).toBe(false)
    expect(transport.mayUsePlainHttp('localhost:9000')).toBe(true)
  })
})
