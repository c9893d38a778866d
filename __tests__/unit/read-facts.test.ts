import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { parseConfig } from '../../src/domain/config.js'
import { type Digest, parseDigest } from '../../src/domain/oci/digest.js'
import { RegistryClient } from '../../src/adapters/registry/client.js'
import { silentLogger } from '../../src/adapters/registry/http.js'
import { readImageFacts } from '../../src/run/image-facts.js'

const d = (seed: string): Digest =>
  parseDigest(`sha256:${createHash('sha256').update(seed).digest('hex')}`)

describe('readImageFacts', () => {
  it('reads current digests first and at most `limit` digests, saying why the rest were not', async () => {
    const names = ['a', 'b', 'c']
    const config = parseConfig(
      'c.yml',
      `containers:\n${names.map(n => `  - name: ${n}\n    image: registry.example/team/${n}:1\n    digest: "${d(`old-${n}`)}"\n`).join('')}`,
      {}
    )
    const asked: string[] = []
    const client = new RegistryClient({
      credentials: { lookup: async () => undefined, fallback: () => undefined },
      maxAttempts: 1,
      fetch: async (url, init) => {
        const path = decodeURIComponent(new URL(url).pathname)
        if (init.method === 'GET' && path.includes('/manifests/')) asked.push(path)
        return new Response('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}', { status: 404 })
      }
    })
    const results = config.entries.map(entry => ({
      entry,
      status: 'updated',
      previous: entry.digest,
      current: d(`new-${entry.name}`)
    }))
    const facts = await readImageFacts(client, results, { logger: silentLogger }, 4)
    expect(asked.sort()).toEqual(
      [
        `/v2/team/a/manifests/${d('new-a')}`,
        `/v2/team/b/manifests/${d('new-b')}`,
        `/v2/team/c/manifests/${d('new-c')}`,
        `/v2/team/a/manifests/${d('old-a')}`
      ].sort()
    )
    const repository = (n: string) => ({ registry: 'registry.example', repository: `team/${n}` })
    expect(facts.failure(repository('c'), d('old-c'))).toBe(
      'not read: a run reads the details of at most 4 digests'
    )
    expect(facts.failure(repository('a'), d('new-a'))).toMatch(
      /team\/a@sha256:.*not found|MANIFEST_UNKNOWN|404/i
    )
    expect(facts.lookup(repository('a'), d('new-a'))).toBeUndefined()
  })
})
