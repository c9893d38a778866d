/**
 * A registry that is not on loopback or a private network must not be able to send the action
 * inward: not over plain HTTP, not to a loopback or private address. Every registry the suite
 * can start is on loopback, so this one is given a public face: the client knows it as
 * `registry.public.test`, a scripted resolver answers a documentation address (203.0.113.7)
 * for that name, and the fetch carries its requests to the fault proxy in front of the real
 * registry. Everything else (the transport, its checks, redirects, the registry's answers) is
 * real. 127.0.0.2 stands in for an internal host the registry points at.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type FaultProxy, startFaultProxy } from '../../scripts/faults/proxy.mjs'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { keepAliveFetch } from '../../src/adapters/registry/connections.js'
import { RegistryClient } from '../../src/adapters/registry/client.js'

const PUBLIC_NAME = 'registry.public.test'
const credentials = {
  lookup: async () => ({ username: 'alice', password: 'alice-s3cret-pass', source: 'test' }),
  fallback: () => undefined
}

describe('a remote registry pointing the action inward', () => {
  let registry: RegistryHandle
  let front: FaultProxy
  let internal: FaultProxy
  let host: string

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'basic' })
    await registry.pushImage('team/app', '1.0', { seed: 'remote app' })
    internal = await startFaultProxy({ upstream: registry.url, host: '127.0.0.2' })
    front = await startFaultProxy({ upstream: registry.url })
    host = `${PUBLIC_NAME}:${front.host.split(':')[1]}`
  })

  afterAll(async () => {
    await front?.stop()
    await internal?.stop()
    await registry?.stop()
  })

  function client(): RegistryClient {
    const real = keepAliveFetch()
    const options = {
      credentials,
      maxAttempts: 1,
      // Plain HTTP to the registry itself, as for a registry listed in insecure-registries:
      // the fault proxy speaks HTTP. It makes the registry no less remote.
      insecureHosts: new Set([host]),
      resolve: async (name: string) => (name === PUBLIC_NAME ? ['203.0.113.7'] : []),
      fetch: (url: string, init: RequestInit) =>
        real(url.replace(`//${PUBLIC_NAME}:`, '//127.0.0.1:'), init)
    }
    return new RegistryClient(options)
  }

  const ref = () => ({ registry: host, repository: 'team/app', tag: '1.0' })

  it.each([
    ['plain HTTP on an internal host', () => `${internal.url}/v2/team/app/manifests/1.0`],
    ['HTTPS on a loopback address', () => `https://${internal.host}/v2/team/app/manifests/1.0`],
    ['plain HTTP on localhost', () => `http://localhost:${internal.host.split(':')[1]}/x`]
  ])('refuses a redirect to %s, and sends nothing there', async (_what, location) => {
    front.setRules([
      {
        method: 'HEAD',
        path: '/v2/team/app/manifests/1.0',
        fault: { kind: 'redirect', location: location() }
      }
    ])
    const before = internal.requests().length
    await expect(client().resolveDigest(ref())).rejects.toThrow(
      /refusing (plain-HTTP|https:).*remote registry registry\.public\.test:\d+ may/
    )
    expect(internal.requests().length).toBe(before)
  })

  it('refuses a token realm on plain HTTP on an internal host, and asks it nothing', async () => {
    front.setRules([
      {
        method: 'GET',
        path: /^\/v2\/$/,
        fault: {
          kind: 'status',
          status: 401,
          headers: {
            'www-authenticate': `Bearer realm="${internal.url}/token",service="registry.public.test"`
          }
        }
      }
    ])
    const before = internal.requests().length
    await expect(client().resolveDigest(ref())).rejects.toThrow(
      /refusing plain-HTTP http:\/\/127\.0\.0\.2:\d+\/token\?…: remote registry registry\.public\.test:\d+ may only send the action to HTTPS/
    )
    expect(internal.requests().length).toBe(before)
  })

  it('still follows a redirect on its own host', async () => {
    front.setRules([
      {
        method: 'HEAD',
        path: '/v2/team/app/manifests/1.0',
        times: 1,
        fault: { kind: 'redirect', location: `http://${host}/v2/team/app/manifests/1.0?again` }
      }
    ])
    await expect(client().resolveDigest(ref())).resolves.toMatchObject({
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/)
    })
  })
})
