/**
 * Connection reuse against the real registry: resolving is a run of HEAD requests, and each
 * one that opens its own connection pays a TCP (and, on a real registry, TLS) handshake.
 * A relay in front of the registry counts the TCP connections the client opens.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { RegistryClient } from '../../src/adapters/registry/client.js'
import { type Relay, startRelay } from '../../scripts/testkit/tcp-relay.mjs'

const anonymous = { lookup: async () => undefined, fallback: () => undefined }

describe('connections to the registry', () => {
  let registry: RegistryHandle
  let relay: Relay
  const digests: string[] = []
  const TAGS = 12

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
    for (let i = 0; i < TAGS; i++) {
      const pushed =
        i % 2 === 0
          ? await registry.pushImage('team/app', `v${i}`, { seed: `c${i}` })
          : await registry.pushIndex('team/app', `v${i}`, {
              platforms: ['linux/amd64', 'linux/arm64'],
              seed: `c${i}`
            })
      digests.push(pushed.digest)
    }
    relay = await startRelay(new URL(registry.url))
  })

  afterAll(async () => {
    await relay?.stop()
    await registry?.stop()
  })

  it('are kept open across HEAD requests', async () => {
    const client = new RegistryClient({ credentials: anonymous, concurrency: 1 })
    const resolved: string[] = []
    for (let i = 0; i < TAGS; i++) {
      const { digest } = await client.resolveDigest({
        registry: relay.host,
        repository: 'team/app',
        tag: `v${i}`
      })
      resolved.push(digest)
    }
    expect(resolved).toEqual(digests)
    // One for the HTTPS attempt a loopback registry gets first, then the HTTP pool: a few
    // connections at most, never one per HEAD (undici's default closes after each HEAD).
    expect(relay.connections()).toBeLessThanOrEqual(4)
  })
})
