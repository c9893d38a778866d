/**
 * What resolving costs in requests, against the real registry with token auth: the floor the
 * README promises (one ping per registry, few token requests, one HEAD per distinct tag) and
 * no GET where a HEAD or an already fetched manifest answers. Every request the transport
 * sends is observed through `onRequest`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { parsePlatform } from '../../src/domain/oci/platform.js'
import { RegistryClient } from '../../src/adapters/registry/client.js'

const credentials = {
  lookup: async () => ({ username: 'alice', password: 'alice-s3cret-pass', source: 'test' }),
  fallback: () => undefined
}

function countingClient() {
  const sent: string[] = []
  const client = new RegistryClient({
    credentials,
    concurrency: 8,
    onRequest: (method, url) => {
      const { protocol, pathname } = new URL(url)
      sent.push(`${method} ${protocol === 'https:' ? 'https ' : ''}${pathname}`)
    }
  })
  const count = (pattern: RegExp) => sent.filter(line => pattern.test(line)).length
  return { client, sent, count }
}

describe('requests per image', () => {
  let registry: RegistryHandle
  const digests = new Map<string, string>()
  let index: { digest: string; manifests: Array<{ platform: string; digest: string }> }
  const REPOSITORIES = 30
  const TAGS = 2

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', anonymousPull: false })
    for (let r = 0; r < REPOSITORIES; r++) {
      for (let t = 0; t < TAGS; t++) {
        const pushed = await registry.pushImage(`team/svc-${r}`, `v${t}`, { seed: `${r}-${t}` })
        digests.set(`team/svc-${r}:v${t}`, pushed.digest)
      }
    }
    index = await registry.pushIndex('team/multi', '1.0', {
      platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
    })
  })

  afterAll(async () => {
    await registry?.stop()
  })

  it('is one HEAD per distinct tag, after one ping and one token request per 25 repositories', async () => {
    const { client, sent, count } = countingClient()
    const refs = [...digests.keys()].map(name => {
      const [repository, tag] = name.split(':') as [string, string]
      return { registry: registry.host, repository, tag }
    })
    // Every reference twice, as a matrix that builds two targets from one image does; each
    // pinned to its current digest, as on a run where nothing moved (a moved digest costs a
    // GET to verify it).
    const wanted = [...refs, ...refs]
    const pinned = (ref: { repository: string; tag: string }) =>
      digests.get(`${ref.repository}:${ref.tag}`)
    await client.prepare(wanted)
    const resolved = await Promise.all(
      wanted.map(ref => client.resolveDigest(ref, undefined, pinned(ref)))
    )
    expect(resolved.map(r => r.digest)).toEqual(
      wanted.map(ref => digests.get(`${ref.repository}:${ref.tag}`))
    )

    expect(count(/^HEAD \/v2\/.+\/manifests\//)).toBe(REPOSITORIES * TAGS)
    expect(count(/^GET (https )?\/v2\/$/)).toBe(2) // the HTTPS attempt a loopback host gets first, then HTTP
    expect(count(/^GET \/token$/)).toBe(Math.ceil(REPOSITORIES / 25))
    expect(count(/^GET \/v2\/.+\/manifests\//)).toBe(0)
    expect(sent).toHaveLength(REPOSITORIES * TAGS + 2 + Math.ceil(REPOSITORIES / 25))
  })

  it('reads an index once for all the platforms of its tag that the config pins', async () => {
    const { client, count } = countingClient()
    const ref = { registry: registry.host, repository: 'team/multi', tag: '1.0' }
    const platforms = ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
    await client.prepare([ref])
    const resolved = await Promise.all(
      platforms.map(p => client.resolveDigest(ref, parsePlatform(p)))
    )
    expect(resolved.map(r => r.digest)).toEqual(
      platforms.map(p => index.manifests.find(m => m.platform === p)!.digest)
    )
    expect(count(/^GET \/v2\/team\/multi\/manifests\/1\.0$/)).toBe(1)
    // Each digest moved (nothing was pinned): one HEAD by digest proves the registry serves it.
    expect(count(/^HEAD \/v2\/team\/multi\/manifests\/sha256%3A/)).toBe(platforms.length)
    expect(count(/^HEAD /)).toBe(platforms.length)
  })

  it('sends no HEAD for platform digests that did not move', async () => {
    const { client, count } = countingClient()
    const ref = { registry: registry.host, repository: 'team/multi', tag: '1.0' }
    const platforms = ['linux/amd64', 'linux/arm64']
    await client.prepare([ref])
    await Promise.all(
      platforms.map(p =>
        client.resolveDigest(
          ref,
          parsePlatform(p),
          index.manifests.find(m => m.platform === p)!.digest
        )
      )
    )
    expect(count(/^GET \/v2\/team\/multi\/manifests\/1\.0$/)).toBe(1)
    expect(count(/^HEAD /)).toBe(0)
  })
})
