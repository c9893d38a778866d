import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/domain/config.js'
import { type Digest, parseDigest } from '../../src/domain/oci/digest.js'
import type { ImageFacts } from '../../src/domain/oci/image-facts.js'
import { DEFAULT_POLICY_SETTINGS } from '../../src/domain/policy/engine.js'
import { parseDuration } from '../../src/domain/policy/units.js'
import { entryKey } from '../../src/run/moves.js'
import {
  type FactsLookup,
  type FirstSeenChanges,
  type FirstSeenRecord,
  type FirstSeenStore,
  NO_FACTS,
  applyPolicies
} from '../../src/run/policies.js'
import type { EntryResult } from '../../src/run/update.js'

const sha = (c: string): Digest => parseDigest(`sha256:${c.repeat(64)}`)
const NOW = new Date('2026-12-01T12:00:00Z')
const TEXT = `image: ghcr.io/acme/app
containers:
  - name: x86_64
    tag: x86_64
    digest: ${sha('1')}
  - name: arm
    tag: arm
    digest: ${sha('3')}
    max_size: 100MB
  - name: steady
    tag: steady
    digest: ${sha('5')}
`

function results(moves: Record<string, Digest>): EntryResult[] {
  return parseConfig('c.yml', TEXT).entries.map(entry => {
    const current = moves[entry.name] ?? entry.digest!
    return {
      entry,
      status: current === entry.digest ? 'unchanged' : 'updated',
      previous: entry.digest,
      current
    }
  })
}

class MemoryStore implements FirstSeenStore {
  readonly location = 'memory'
  saved: FirstSeenChanges[] = []
  constructor(readonly records = new Map<string, FirstSeenRecord>()) {}
  load = async () => new Map(this.records)
  save = async (changes: FirstSeenChanges) => {
    this.saved.push(changes)
  }
}

const logger = () => {
  const lines: string[] = []
  return {
    lines,
    debug() {},
    info: (m: string) => lines.push(m),
    warning: (m: string) => lines.push(`warning: ${m}`),
    notice: (m: string) => lines.push(`notice: ${m}`)
  }
}

const options = (extra: Partial<Parameters<typeof applyPolicies>[1]> = {}) => ({
  settings: { ...DEFAULT_POLICY_SETTINGS, minAge: parseDuration('3d')! },
  now: NOW,
  facts: NO_FACTS,
  persist: true,
  ...extra
})

describe('applyPolicies', () => {
  it('keeps the old digest of a held entry and lists it', async () => {
    const store = new MemoryStore()
    const out = await applyPolicies(results({ x86_64: sha('2') }), options({ store }), logger())
    expect(out.results[0]).toMatchObject({
      status: 'held',
      previous: sha('1'),
      current: sha('1'),
      candidate: sha('2'),
      policy: 'held'
    })
    expect(out.held).toEqual([
      {
        name: 'x86_64',
        image: 'ghcr.io/acme/app',
        tag: 'x86_64',
        current: sha('1'),
        candidate: sha('2'),
        reason: 'waiting, 0 of 3 days (first seen 2026-12-01T12:00:00Z)',
        until: '2026-12-04T12:00:00Z',
        kind: 'held'
      }
    ])
    expect(store.saved).toHaveLength(1)
    expect([...store.saved[0]!.put]).toEqual([
      ['ghcr.io/acme/app:x86_64', { digest: sha('2'), first_seen: '2026-12-01T12:00:00Z' }]
    ])
    // The pins that are current need no record.
    expect([...store.saved[0]!.remove]).toEqual(['ghcr.io/acme/app:arm', 'ghcr.io/acme/app:steady'])
  })

  it('keeps the first-seen time of the same candidate and restarts it for a new one', async () => {
    const store = new MemoryStore(
      new Map([
        ['ghcr.io/acme/app:x86_64', { digest: sha('2'), first_seen: '2026-11-29T12:00:00Z' }],
        ['ghcr.io/acme/app:arm', { digest: sha('9'), first_seen: '2026-11-20T12:00:00Z' }]
      ])
    )
    const out = await applyPolicies(
      results({ x86_64: sha('2'), arm: sha('4') }),
      options({ store }),
      logger()
    )
    expect(out.held.map(h => h.reason)).toEqual([
      'waiting, 2 of 3 days (first seen 2026-11-29T12:00:00Z)',
      'waiting, 0 of 3 days (first seen 2026-12-01T12:00:00Z)'
    ])
  })

  it('proposes an old enough candidate and leaves its result as it was', async () => {
    const store = new MemoryStore(
      new Map([
        ['ghcr.io/acme/app:x86_64', { digest: sha('2'), first_seen: '2026-11-01T00:00:00Z' }]
      ])
    )
    const input = results({ x86_64: sha('2') })
    const out = await applyPolicies(input, options({ store }), logger())
    expect(out.results[0]).toBe(input[0])
    expect(out.held).toEqual([])
  })

  it('writes nothing on a dry run', async () => {
    const store = new MemoryStore()
    await applyPolicies(results({ x86_64: sha('2') }), options({ store, persist: false }), logger())
    expect(store.saved).toEqual([])
  })

  it('without a store, holds with a notice rather than proposes', async () => {
    const log = logger()
    const out = await applyPolicies(results({ x86_64: sha('2') }), options(), log)
    expect(out.held[0]).toMatchObject({
      until: null,
      reason: expect.stringContaining('no first-seen store')
    })
    expect(log.lines.join('\n')).toContain('notice: min-age: no first-seen store')
  })

  it('goes on with a warning when the store cannot be read', async () => {
    const store = new MemoryStore()
    store.load = async () => {
      throw new Error('HTTP 403')
    }
    const log = logger()
    const out = await applyPolicies(results({ x86_64: sha('2') }), options({ store }), log)
    expect(out.held).toHaveLength(1)
    expect(log.lines.join('\n')).toContain(
      'warning: min-age: cannot read the first-seen times from memory (HTTP 403)'
    )
  })

  it('fails a moved immutable entry, naming both digests', async () => {
    const out = await applyPolicies(
      results({ x86_64: sha('2') }),
      options({ settings: { ...DEFAULT_POLICY_SETTINGS, immutableTags: [/^x86_64$/] } }),
      logger()
    )
    expect(out.results[0]).toMatchObject({
      status: 'failed',
      current: sha('1'),
      policy: 'error',
      error: `immutable tag x86_64 moved from ${sha('1')} to ${sha('2')}; keeping ${sha('1')}`
    })
    expect(out.held[0]!.kind).toBe('error')
  })

  it('returns size flags keyed like the moves, from the facts lookup', async () => {
    const facts: FactsLookup = (_image, digest): ImageFacts => ({
      digest,
      isIndex: false,
      labels: {},
      platforms: [{ platform: 'linux/arm64', digest, size: 150e6, layers: [] }]
    })
    const input = results({ arm: sha('4') })
    const out = await applyPolicies(
      input,
      options({ facts, settings: DEFAULT_POLICY_SETTINGS }),
      logger()
    )
    expect(out.flags).toEqual([
      {
        key: entryKey(input[1]!.entry),
        previous: sha('3'),
        current: sha('4'),
        flags: ['size over limit: linux/arm64 150.0 MB > max_size 100.0 MB']
      }
    ])
  })
})
