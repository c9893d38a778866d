import { describe, expect, it } from '@jest/globals'
import { parseWwwAuthenticate } from '../../src/adapters/registry/challenge.js'

describe('parseWwwAuthenticate', () => {
  it('parses a Docker Hub bearer challenge', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"'
      )
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/nginx:pull'
        }
      }
    ])
  })

  it('keeps commas inside quoted values and splits several challenges', () => {
    const parsed = parseWwwAuthenticate(
      'Bearer realm="https://r.example/token", scope="repository:a/b:pull,push", error="insufficient_scope", Basic realm="Registry Realm"'
    )
    expect(parsed).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://r.example/token',
          scope: 'repository:a/b:pull,push',
          error: 'insufficient_scope'
        }
      },
      { scheme: 'basic', params: { realm: 'Registry Realm' } }
    ])
  })

  it('handles unquoted values, escapes and odd spacing', () => {
    expect(parseWwwAuthenticate('basic   realm=simple ,  charset="UTF-8"')).toEqual([
      { scheme: 'basic', params: { realm: 'simple', charset: 'UTF-8' } }
    ])
    expect(parseWwwAuthenticate('Bearer realm="a\\"b"')[0]?.params.realm).toBe('a"b')
  })

  it('returns nothing for an empty header', () => {
    expect(parseWwwAuthenticate('')).toEqual([])
  })
})
