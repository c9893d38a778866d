import { describe, expect, it } from '@jest/globals'
import type { Digest } from '../../src/domain/oci/digest.js'
import {
  applyFirstSeen,
  formatFirstSeen,
  parseFirstSeen
} from '../../src/domain/policy/first-seen.js'

const digest = (c: string) => `sha256:${c.repeat(64)}` as Digest

describe('the first-seen file', () => {
  it('round-trips, keys sorted', () => {
    const records = new Map([
      ['b:1', { digest: digest('b'), first_seen: '2026-11-02T00:00:00Z' }],
      ['a:1', { digest: digest('a'), first_seen: '2026-11-01T00:00:00Z' }]
    ])
    const text = formatFirstSeen(records)
    expect(Object.keys((JSON.parse(text) as { tags: object }).tags)).toEqual(['a:1', 'b:1'])
    expect(parseFirstSeen(text)).toEqual(records)
  })

  it('drops what is not a digest and a time, and reads garbage as empty', () => {
    const text = JSON.stringify({
      version: 1,
      tags: {
        good: { digest: digest('a'), first_seen: '2026-11-01T00:00:00.123Z' },
        bare: { digest: 'a'.repeat(64), first_seen: '2026-11-01T00:00:00Z' },
        path: { digest: 'sha256:../../etc', first_seen: '2026-11-01T00:00:00Z' },
        time: { digest: digest('c'), first_seen: 'yesterday' },
        list: [1, 2]
      }
    })
    expect([...parseFirstSeen(text)]).toEqual([
      ['good', { digest: digest('a'), first_seen: '2026-11-01T00:00:00Z' }]
    ])
    for (const bad of ['', 'null', '[]', '{"tags": []}', '{"tags": "x"}'])
      expect(parseFirstSeen(bad).size).toBe(0)
  })

  it("applies a run's changes over a newer copy, keeping the earlier time of the same digest", () => {
    const newer = new Map([
      ['a:1', { digest: digest('a'), first_seen: '2026-11-01T00:00:00Z' }],
      ['gone:1', { digest: digest('d'), first_seen: '2026-11-01T00:00:00Z' }],
      ['other:1', { digest: digest('e'), first_seen: '2026-11-01T00:00:00Z' }]
    ])
    const next = applyFirstSeen(newer, {
      put: new Map([
        ['a:1', { digest: digest('a'), first_seen: '2026-11-03T00:00:00Z' }],
        ['b:1', { digest: digest('b'), first_seen: '2026-11-03T00:00:00Z' }]
      ]),
      remove: new Set(['gone:1'])
    })
    expect(Object.fromEntries([...next].map(([k, r]) => [k, r.first_seen]))).toEqual({
      'a:1': '2026-11-01T00:00:00Z',
      'other:1': '2026-11-01T00:00:00Z',
      'b:1': '2026-11-03T00:00:00Z'
    })
  })
})
