/**
 * The job summary: moved and failed entries first and the unchanged ones folded, then the
 * same Details and Held back sections the pull request body has.
 */
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/domain/config.js'
import { type Digest, parseDigest } from '../../src/domain/oci/digest.js'
import { renderSummary } from '../../src/action/summary.js'
import { type EntryResult, type UpdateResult, planUpdate } from '../../src/run/update.js'
import type { MoveReview } from '../../src/domain/review.js'
import { activeMarkdown } from '../support/markdown-links.js'

const IMAGE = 'ghcr.io/o/app'
const NOW = new Date('2024-05-01T08:00:00Z')
const digest = (i: number): Digest => parseDigest(`sha256:${i.toString(16).padStart(64, '0')}`)

/** A config of `n` entries, of which those in `moved` get a new digest and `failed` fail. */
function ran(n: number, moved: Set<number>, failed = new Set<number>()): UpdateResult {
  const text =
    'containers:\n' +
    Array.from(
      { length: n },
      (_, i) =>
        `  - target: t${i}\n    image_tag: tag-${i}\n    current_sha: ${digest(i).slice(7)}\n`
    ).join('')
  const config = parseConfig('c.yml', text, { defaultImage: IMAGE })
  const results: EntryResult[] = config.entries.map((entry, i) => {
    if (failed.has(i))
      return {
        entry,
        status: 'failed',
        previous: entry.digest,
        current: entry.digest,
        error: 'down'
      }
    const current = moved.has(i) ? digest(i + 100_000) : entry.digest!
    return {
      entry,
      status: moved.has(i) ? 'updated' : 'unchanged',
      previous: entry.digest,
      current
    }
  })
  return { ...planUpdate('update', config, results), written: false }
}

function reviewsFor(result: UpdateResult, extra: Partial<MoveReview> = {}): MoveReview[] {
  return result.moves
    .filter(m => m.current !== m.previous)
    .map(m => ({
      key: m.key,
      previous: m.previous,
      current: m.current,
      comparison: {
        created: { at: '2024-04-30T00:00:00Z', source: 'github-packages' },
        size: { 'linux/amd64': 2048 },
        previousSize: { 'linux/amd64': 1024 },
        platformsAdded: [],
        platformsRemoved: [],
        base: null,
        identicalLayers: true
      },
      flags: [],
      ...extra
    }))
}

const tableNames = (text: string): string[] =>
  text
    .split('\n')
    .filter(l => /^\| t\d+ \|/.test(l))
    .map(l => l.split(' | ')[0]!.slice(2))

describe('renderSummary', () => {
  it('shows the 30 moves of a 300-entry config at the top and folds the rest', () => {
    const moved = new Set(Array.from({ length: 30 }, (_, i) => i * 10 + 5))
    const result = ran(300, moved, new Set([7]))
    const text = renderSummary(result, { dryRun: true, now: NOW })
    const names = tableNames(text)
    expect(names.slice(0, 30)).toEqual([...moved].map(i => `t${i}`))
    expect(names[30]).toBe('t7')
    expect(names).toHaveLength(300)
    const fold = text.indexOf('<details><summary>269 unchanged entries</summary>\n\n| Name |')
    expect(fold).toBeGreaterThan(text.indexOf('| t295 |'))
    expect(text.indexOf('| t0 |')).toBeGreaterThan(fold)
    expect(text.match(/<details>/g)).toHaveLength(1)
  })

  it('renders the Details of each move and the Held back section', () => {
    const result = ran(3, new Set([0, 2]))
    result.reviews = reviewsFor(result)
    result.held = [
      {
        name: 't1',
        image: IMAGE,
        tag: 'tag-1',
        current: digest(1),
        candidate: digest(9),
        reason: 'cooldown of 3 days',
        until: '2024-05-03T10:00:00Z',
        kind: 'held'
      }
    ]
    const text = renderSummary(result, { dryRun: true, now: NOW })
    expect(text).toContain(`### Details

#### t0

- **Age**: 2024-04-30, 1 day ago (GitHub Packages)
- **Size**:
  - \`linux/amd64\`: 1.0 KiB → 2.0 KiB (+1,024 bytes, +100.0%)
- **Content**: rebuilt with identical layers

#### t2
`)
    expect(text).toContain(
      '### Held back\n\nThis update was not proposed and keeps its current digest:\n\n- t1 (`ghcr.io/o/app:tag-1` → `sha256:000000000000`): held until 2024-05-03 10:00 UTC: cooldown of 3 days\n'
    )
    expect(text.indexOf('### Details')).toBeLessThan(text.indexOf('### Held back'))
  })

  it('lists a gone pin once, in the pin health lines, and keeps the other held updates', () => {
    const result = ran(3, new Set())
    const reason = `pinned digest ${digest(1)} is no longer served by ghcr.io: builds pinned to it will fail`
    const gone = {
      name: 't1',
      image: IMAGE,
      tag: 'tag-1',
      current: digest(1),
      candidate: digest(1),
      reason,
      until: null,
      kind: 'error' as const
    }
    const waiting = { ...gone, name: 't2', current: digest(2), candidate: digest(9) }
    result.held = [gone, { ...waiting, reason: 'cooldown of 3 days', kind: 'held' }]
    result.pinHealth = {
      checked: 3,
      gone: [{ name: 't1', line: 6, digest: digest(1), reason }],
      unchecked: []
    }
    const text = renderSummary(result, { dryRun: true, now: NOW })
    expect(text.split(reason)).toHaveLength(2)
    expect(text).toContain(`Error: t1: ${reason}.`)
    expect(text).toContain('### Held back\n\nThis update was not proposed')
    expect(text).toContain('- t2 (`ghcr.io/o/app:tag-1` → `sha256:000000000000`): held: cooldown')
  })

  it('has neither section when nothing was reviewed or held', () => {
    const text = renderSummary(ran(2, new Set([0])), { dryRun: true, now: NOW })
    expect(text).not.toContain('### Details')
    expect(text).not.toContain('### Held back')
  })

  it('keeps untrusted review text as text', () => {
    const result = ran(1, new Set([0]))
    result.reviews = reviewsFor(result, {
      unavailable: '<img src=x> @admin www.evil.example',
      flags: ['#1 [x](https://evil.example)']
    })
    const text = renderSummary(result, { dryRun: true, now: NOW })
    expect(text).toContain('- details unavailable: &lt;img src=x\\>')
    expect(activeMarkdown(text)).toEqual([])
  })
})

describe('the Signature column', () => {
  const header = (text: string) => text.split('\n').find(l => l.startsWith('| Name |'))
  const rowOf = (text: string, name: string) =>
    text.split('\n').find(l => l.startsWith(`| ${name} |`))

  it('is left out when no entry verifies signatures', () => {
    const result = ran(2, new Set([0]))
    result.reviews = reviewsFor(result)
    expect(header(renderSummary(result, { dryRun: true, now: NOW }))).toBe(
      '| Name | Reference | Previous | Current | Status |'
    )
  })

  it.each<[string, MoveReview['signature'], string]>([
    [
      'a keyless identity',
      { verified: true, identity: 'dev@example.com', issuer: 'i', same_as_previous: true },
      'verified: `dev@example.com`'
    ],
    [
      'a key',
      { verified: true, key: 'trusted.pub', same_as_previous: null },
      'verified: `trusted.pub`'
    ],
    ['no trusted signature', { verified: false, same_as_previous: false }, 'unsigned']
  ])('shows %s, and a dash for entries without a check', (_, signature, cell) => {
    const result = ran(3, new Set([0, 1]))
    result.reviews = reviewsFor(result).map((r, i) => (i === 0 ? { ...r, signature } : r))
    const text = renderSummary(result, { dryRun: true, now: NOW })
    expect(header(text)).toBe('| Name | Reference | Previous | Current | Status | Signature |')
    expect(rowOf(text, 't0')!.endsWith(` | ${cell} |`)).toBe(true)
    expect(rowOf(text, 't1')!.endsWith(' | — |')).toBe(true)
    expect(rowOf(text, 't2')!.endsWith(' | — |')).toBe(true)
  })

  it('keeps a hostile identity as text in its cell', () => {
    const result = ran(1, new Set([0]))
    const identity = '[x](https://evil) @mention <img src=x> ::error::owned |'
    result.reviews = reviewsFor(result, {
      signature: { verified: true, identity, issuer: identity, same_as_previous: false }
    })
    const text = renderSummary(result, { dryRun: true, now: NOW })
    expect(activeMarkdown(text)).toEqual([])
    expect(rowOf(text, 't0')!.split(/(?<!\\)\|/)).toHaveLength(8)
  })
})
