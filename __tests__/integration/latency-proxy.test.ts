/**
 * The benchmark's latency proxy (scripts/testkit/latency-proxy.mjs) in front of the real registry and
 * its token service: what it counts must be what the client sent, and a client must be able
 * to authenticate through it without learning of the hosts behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type LatencyProxy, startLatencyProxy } from '../../scripts/testkit/latency-proxy.mjs'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { RegistryClient } from '../../src/adapters/registry/client.js'

const PASSWORD = 'alice-s3cret-pass'

describe('the latency proxy', () => {
  let registry: RegistryHandle
  let proxy: LatencyProxy
  const digests: string[] = []

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', anonymousPull: false })
    for (let i = 0; i < 6; i++) {
      const repository = `team/app-${i % 3}`
      digests.push((await registry.pushImage(repository, `v${i}`, { seed: `p${i}` })).digest)
    }
    proxy = await startLatencyProxy({
      upstream: registry.registryUrl,
      routes: { '/token': registry.tokenUrl! },
      delayMs: 5
    })
  })

  afterAll(async () => {
    await proxy?.stop()
    await registry?.stop()
  })

  it('relays an authenticated resolve and counts every round trip by kind and path', async () => {
    await registry.resetTokenRequests()
    proxy.reset()
    const credentials = {
      lookup: async () => ({ username: 'alice', password: PASSWORD, source: 'test' }),
      fallback: () => undefined
    }
    const client = new RegistryClient({ credentials, concurrency: 4 })
    const refs = digests.map((_, i) => ({
      registry: proxy.host,
      repository: `team/app-${i % 3}`,
      tag: `v${i}`
    }))
    await client.prepare(refs)
    // Pinned to the current digests, so the HEADs answer it all (a moved one is verified by GET).
    const resolved = await Promise.all(
      refs.map((ref, i) => client.resolveDigest(ref, undefined, digests[i]))
    )
    expect(resolved.map(r => r.digest)).toEqual(digests)

    const stats = proxy.stats()
    // The challenge's realm was rewritten to the proxy, so the credentials went there (the
    // client sends them only to the registry's own host) and the token request was counted.
    expect(stats.byClass).toEqual({ 'non-HTTP': 1, ping: 1, token: 1, 'HEAD manifest': 6 })
    expect(stats.total).toBe(9)
    expect(stats.byPath.get('HEAD /v2/team/app-1/manifests/v4')).toBe(1)
    const tokens = await registry.tokenRequests()
    expect(tokens).toEqual([
      {
        scopes: [
          'repository:team/app-0:pull',
          'repository:team/app-1:pull',
          'repository:team/app-2:pull'
        ],
        user: 'alice',
        status: 200
      }
    ])
    expect(stats.peakInFlight).toBeLessThanOrEqual(4)
    expect(stats.connections).toBeLessThan(stats.total)
  })
})
