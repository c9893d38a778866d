import { describe, expect, it } from '@jest/globals'
import { describeError } from '../../src/domain/errors.js'
import { INPUT_WORDS } from '../../src/action/words.js'
import { createHash } from 'node:crypto'
import type { CredentialSource } from '../../src/adapters/registry/credentials.js'
import { MEDIA_TYPES, RegistryClient } from '../../src/adapters/registry/client.js'

const anonymous: CredentialSource = {
  lookup: async () => undefined,
  fallback: () => undefined
}

const digestOf = (bytes: string) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const MANIFEST = JSON.stringify({
  schemaVersion: 2,
  mediaType: MEDIA_TYPES.ociManifest,
  config: { digest: digestOf('config') }
})
const TRUE_DIGEST = digestOf(MANIFEST)
const BOGUS = digestOf('nothing has this digest')
const REF = { registry: 'registry.example', repository: 'team/app', tag: 'v1' }

/** A registry at registry.example whose HEAD claims `headDigest`; `byDigest` answers GETs by digest. */
function registry(headDigest: string, byDigest: Record<string, string>) {
  const requests: string[] = []
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const path = decodeURIComponent(new URL(url).pathname)
    requests.push(`${init.method} ${path}`)
    if (path === '/v2/') return new Response('{}', { status: 200 })
    const manifest = /^\/v2\/team\/app\/manifests\/(.+)$/.exec(path)?.[1]
    const headers = { 'content-type': MEDIA_TYPES.ociManifest }
    if (manifest === 'v1' && init.method === 'HEAD')
      return new Response(null, {
        status: 200,
        headers: { ...headers, 'docker-content-digest': headDigest }
      })
    const body = manifest && byDigest[manifest]
    if (body !== undefined)
      return new Response(body, {
        status: 200,
        headers: { ...headers, 'docker-content-digest': manifest! }
      })
    return new Response('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}', { status: 404 })
  }
  return {
    requests,
    client: new RegistryClient({ credentials: anonymous, fetch, maxAttempts: 1 })
  }
}

describe('resolving a tag with HEAD', () => {
  it('trusts a HEAD digest equal to the pinned one: nothing would be written', async () => {
    const { client, requests } = registry(TRUE_DIGEST, {})
    await expect(client.resolveDigest(REF, undefined, TRUE_DIGEST)).resolves.toMatchObject({
      digest: TRUE_DIGEST
    })
    expect(requests.filter(r => r.startsWith('GET /v2/team'))).toEqual([])
  })

  it('verifies a moved digest by fetching the manifest by that digest and hashing it', async () => {
    const { client, requests } = registry(TRUE_DIGEST, { [TRUE_DIGEST]: MANIFEST })
    await expect(client.resolveDigest(REF, undefined, BOGUS)).resolves.toMatchObject({
      digest: TRUE_DIGEST
    })
    expect(requests).toContain(`GET /v2/team/app/manifests/${TRUE_DIGEST}`)
    // The verified manifest is kept: reading its labels later costs no second GET.
    await client.fetchManifest(REF, TRUE_DIGEST)
    expect(requests.filter(r => r.startsWith('GET /v2/team'))).toHaveLength(1)
  })

  it('fails an entry whose HEAD names a digest the registry cannot serve', async () => {
    const { client } = registry(BOGUS, {})
    await expect(client.resolveDigest(REF, undefined, TRUE_DIGEST)).rejects.toThrow(
      `registry.example/team/app:v1: registry.example names ${BOGUS} for tag "v1", but has no manifest with that digest`
    )
  })

  it('fails an entry whose HEAD digest is served with bytes of another digest', async () => {
    const { client } = registry(BOGUS, { [BOGUS]: MANIFEST })
    await expect(client.resolveDigest(REF, undefined, undefined)).rejects.toMatchObject({
      kind: 'digest-mismatch',
      message: expect.stringContaining(`the manifest bytes hash to ${TRUE_DIGEST}`)
    })
  })
})

describe('text a registry chose, in error messages', () => {
  function answering(response: () => Response) {
    const fetch = async (url: string): Promise<Response> =>
      new URL(url).pathname === '/v2/' ? new Response('{}', { status: 200 }) : response()
    return new RegistryClient({ credentials: anonymous, fetch, maxAttempts: 1 })
  }

  it('ignores an error code that is not an upper-case word', async () => {
    const hostile = `DENIED ${'A'.repeat(5000)}](https://evil.example) <img src=x>\n::error::forged`
    const client = answering(
      () => new Response(JSON.stringify({ errors: [{ code: hostile }] }), { status: 403 })
    )
    const error = (await client.fetchManifest(REF, 'v1').catch(e => e)) as Error
    // The action words the fix as its inputs (see domain/errors.ts).
    expect(describeError(error, INPUT_WORDS)).toBe(
      'registry.example/team/app:v1: registry.example refused anonymous access (HTTP 403); the image may be private or not exist: add credentials with registry-auth or docker login'
    )
    const known = answering(() => new Response('{"errors":[{"code":"DENIED"}]}', { status: 403 }))
    await expect(known.fetchManifest(REF, 'v1')).rejects.toThrow('(HTTP 403 DENIED)')
  })

  it('shows a content type or Retry-After on one short line', async () => {
    const typed = answering(
      () =>
        new Response('{}', { status: 200, headers: { 'content-type': `text/${'x'.repeat(4000)}` } })
    )
    const error = (await typed.fetchManifest(REF, 'v1').catch(e => e)) as Error
    expect(error.message).toMatch(/unexpected content type "text\/x{94}…" for a manifest$/)
    const limited = answering(
      () => new Response('', { status: 429, headers: { 'retry-after': `soon ${'y'.repeat(300)}` } })
    )
    const rateError = (await limited.fetchManifest(REF, 'v1').catch(e => e)) as Error
    expect(rateError.message).toMatch(/retry after soon y{34}…\); authenticate/)
  })
})

describe('token realms', () => {
  it('says the credentials were kept from a token service on another host', async () => {
    const tokenRequests: Array<string | undefined> = []
    const fetch = async (url: string, init: RequestInit): Promise<Response> => {
      const { host, pathname } = new URL(url)
      if (host === 'auth.elsewhere.example') {
        tokenRequests.push((init.headers as Record<string, string>).Authorization)
        return new Response('{"token":"anonymous-token-0042"}', { status: 200 })
      }
      const challenge = {
        'www-authenticate': 'Bearer realm="https://auth.elsewhere.example/token",service="r"'
      }
      return new Response(pathname === '/v2/' ? '' : '{"errors":[{"code":"UNAUTHORIZED"}]}', {
        status: 401,
        headers: challenge
      })
    }
    const warnings: string[] = []
    const client = new RegistryClient({
      credentials: {
        lookup: async () => ({ username: 'u', password: 'p', source: 'the registry-auth input' }),
        fallback: () => undefined
      },
      fetch,
      maxAttempts: 1,
      logger: { debug() {}, info() {}, warning: m => warnings.push(m) }
    })
    const error = (await client.resolveDigest(REF).catch((e: unknown) => e)) as Error
    expect(tokenRequests.length).toBeGreaterThan(0)
    expect(tokenRequests.every(header => header === undefined)).toBe(true)
    expect(error.message).toBe(
      'registry.example/team/app:v1: registry.example refused anonymous access (HTTP 401 UNAUTHORIZED); the registry-auth input was not sent to token service auth.elsewhere.example because it is another host, not a known token service of registry.example'
    )
    expect(warnings).toHaveLength(1)
  })

  it('refuses a realm whose URL carries credentials of its own, without quoting them', async () => {
    const requests: string[] = []
    const fetch = async (url: string): Promise<Response> => {
      requests.push(url)
      return new Response('', {
        status: 401,
        headers: {
          'www-authenticate':
            'Bearer realm="https://planted:pw-in-realm@registry.example/token",service="r"'
        }
      })
    }
    const client = new RegistryClient({ credentials: anonymous, fetch, maxAttempts: 3 })
    const error = (await client.resolveDigest(REF).catch((e: unknown) => e)) as Error
    expect(error.message).toBe(
      'registry.example sent a token realm with credentials in its URL; refusing to use it'
    )
    expect(requests.some(u => u.includes('/token'))).toBe(false)
  })
})
