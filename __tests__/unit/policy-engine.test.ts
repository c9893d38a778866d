import { describe, expect, it } from '@jest/globals'
import { type Digest, parseDigest } from '../../src/domain/oci/digest.js'
import type { CreatedTime, ImageFacts } from '../../src/domain/oci/image-facts.js'
import {
  DEFAULT_POLICY_SETTINGS,
  type PolicyCandidate,
  type PolicySettings,
  decide
} from '../../src/domain/policy/engine.js'
import {
  describeProgress,
  formatSize,
  parseDuration,
  parsePercent,
  parseSize
} from '../../src/domain/policy/units.js'

const sha = (c: string): Digest => parseDigest(`sha256:${c.repeat(64)}`)
const NOW = new Date('2026-12-01T12:00:00Z')
const DAY = 86_400_000

function facts(
  digest: Digest,
  platforms: Record<string, number>,
  created?: CreatedTime,
  isIndex = Object.keys(platforms).length > 1
): ImageFacts {
  return {
    digest,
    created,
    isIndex,
    labels: {},
    platforms: Object.entries(platforms).map(([platform, size]) => ({
      platform,
      digest,
      size,
      layers: []
    }))
  }
}

const hub = (at: string): CreatedTime => ({ at, source: 'docker-hub' })
const built = (at: string): CreatedTime => ({ at, source: 'image-config' })

function candidate(extra: Partial<PolicyCandidate> = {}): PolicyCandidate {
  return { tag: 'x86_64', policy: {}, previous: sha('1'), candidate: sha('2'), ...extra }
}

const settings = (extra: Partial<PolicySettings> = {}): PolicySettings => ({
  ...DEFAULT_POLICY_SETTINGS,
  ...extra
})

describe('the units', () => {
  it.each([
    ['3d', 3 * DAY, 'd'],
    ['72h', 72 * 3_600_000, 'h'],
    ['90m', 90 * 60_000, 'm'],
    [' 2 d ', 2 * DAY, 'd']
  ])('reads the duration %s', (text, ms, unit) => {
    expect(parseDuration(text)).toMatchObject({ ms, unit })
  })

  it.each(['', '3', '3w', '0d', '-1d', '1.5d', 'd3', '3d4h'])('refuses the duration %j', text => {
    expect(parseDuration(text)).toBeUndefined()
  })

  it.each([
    ['200MB', 200e6],
    ['1.5GiB', 1.5 * 2 ** 30],
    ['500kB', 500e3],
    ['10 mib', 10 * 2 ** 20],
    ['7B', 7]
  ])('reads the size %s', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes)
  })

  it.each(['', '200', 'MB', '200XB', '-1MB', '0MB', '1e6B'])('refuses the size %j', text => {
    expect(parseSize(text)).toBeUndefined()
  })

  it('reads percents and refuses what is none', () => {
    expect(parsePercent('20%')).toBe(20)
    expect(parsePercent('2.5 %')).toBe(2.5)
    for (const bad of ['20', '%', '0%', '-3%', 'ten%']) expect(parsePercent(bad)).toBeUndefined()
  })

  it('counts progress in the unit the duration was written in', () => {
    expect(describeProgress(1.5 * DAY, parseDuration('3d')!)).toBe('1 of 3 days')
    expect(describeProgress(-5, parseDuration('3d')!)).toBe('0 of 3 days')
    expect(describeProgress(30 * 60_000, parseDuration('1h')!)).toBe('0 of 1 hour')
    expect(formatSize(212_400_000)).toBe('212.4 MB')
  })
})

describe('the cooldown', () => {
  const minAge = parseDuration('3d')!

  it('holds a digest pushed a day ago, counting from the registry push time', () => {
    const decision = decide(
      candidate({
        candidateFacts: facts(sha('2'), { 'linux/amd64': 1 }, hub('2026-11-30T12:00:00Z'))
      }),
      settings({ minAge }),
      NOW
    )
    expect(decision).toEqual({
      kind: 'held',
      reason: 'waiting, 1 of 3 days (pushed 2026-11-30T12:00:00Z)',
      until: '2026-12-03T12:00:00Z'
    })
  })

  it('proposes a digest once it is old enough', () => {
    const decision = decide(
      candidate({
        candidateFacts: facts(sha('2'), { 'linux/amd64': 1 }, hub('2026-11-28T12:00:00Z'))
      }),
      settings({ minAge }),
      NOW
    )
    expect(decision).toEqual({ kind: 'propose', flags: [] })
  })

  it("lets the entry's min_age win over the input", () => {
    const decision = decide(
      candidate({
        policy: { minAge: parseDuration('1h')! },
        firstSeen: '2026-12-01T10:00:00Z'
      }),
      settings({ minAge }),
      NOW
    )
    expect(decision.kind).toBe('propose')
  })

  it('falls back to the first-seen time when no registry or config time is known', () => {
    const decision = decide(
      candidate({ firstSeen: '2026-12-01T12:00:00Z' }),
      settings({ minAge }),
      NOW
    )
    expect(decision).toEqual({
      kind: 'held',
      reason: 'waiting, 0 of 3 days (first seen 2026-12-01T12:00:00Z)',
      until: '2026-12-04T12:00:00Z'
    })
  })

  it('does not trust an epoch or future build time, and counts from first seen instead', () => {
    for (const at of ['1970-01-01T00:00:00Z', '2027-01-01T00:00:00Z']) {
      const decision = decide(
        candidate({
          candidateFacts: facts(sha('2'), { 'linux/amd64': 1 }, built(at)),
          firstSeen: '2026-11-30T12:00:00Z'
        }),
        settings({ minAge }),
        NOW
      )
      expect(decision).toMatchObject({ kind: 'held', until: '2026-12-03T12:00:00Z' })
    }
  })

  it('follows min-age-unknown when nothing tells the age', () => {
    expect(decide(candidate(), settings({ minAge, minAgeUnknown: 'allow' }), NOW).kind).toBe(
      'propose'
    )
    expect(decide(candidate(), settings({ minAge, minAgeUnknown: 'hold' }), NOW)).toMatchObject({
      kind: 'held',
      until: null
    })
    // first-seen without a store: nothing to count from, so it waits rather than proposes.
    expect(decide(candidate(), settings({ minAge }), NOW)).toMatchObject({
      kind: 'held',
      reason: expect.stringContaining('no first-seen store'),
      until: null
    })
  })
})

describe('the gates', () => {
  it('refuses a rewind with both dates, unless allow-rewind', () => {
    const c = candidate({
      previousFacts: facts(sha('1'), { 'linux/amd64': 1 }, built('2026-11-20T00:00:00Z')),
      candidateFacts: facts(sha('2'), { 'linux/amd64': 1 }, built('2026-10-01T00:00:00Z'))
    })
    const refused = decide(c, settings(), NOW)
    expect(refused.kind).toBe('refused')
    expect(refused.kind !== 'propose' && refused.reason).toContain('2026-10-01T00:00:00Z')
    expect(refused.kind !== 'propose' && refused.reason).toContain('2026-11-20T00:00:00Z')
    expect(decide(c, settings({ allowRewind: true }), NOW).kind).toBe('propose')
  })

  it('refuses an index that lost a platform the old index had', () => {
    const decision = decide(
      candidate({
        previousFacts: facts(sha('1'), { 'linux/amd64': 1, 'linux/arm64': 1 }),
        candidateFacts: facts(sha('2'), { 'linux/amd64': 1 }, undefined, true)
      }),
      settings(),
      NOW
    )
    expect(decision).toEqual({
      kind: 'refused',
      reason: 'lost platform: the new digest lacks linux/arm64',
      until: null
    })
  })

  it("refuses a digest without a platform the entry's platforms list", () => {
    const decision = decide(
      candidate({
        policy: { platforms: ['linux/amd64', 'linux/s390x'] },
        candidateFacts: facts(sha('2'), { 'linux/amd64': 1 })
      }),
      settings(),
      NOW
    )
    expect(decision).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('linux/s390x')
    })
  })

  it('flags a size over max_size with size-policy warn, refuses it with block', () => {
    const c = candidate({
      policy: { maxSize: 200e6 },
      candidateFacts: facts(sha('2'), { 'linux/amd64': 212_400_000 })
    })
    expect(decide(c, settings(), NOW)).toEqual({
      kind: 'propose',
      flags: ['size over limit: linux/amd64 212.4 MB > max_size 200.0 MB']
    })
    expect(decide(c, settings({ sizePolicy: 'block' }), NOW)).toEqual({
      kind: 'refused',
      reason: 'size over limit: linux/amd64 212.4 MB > max_size 200.0 MB',
      until: null
    })
  })

  it('flags growth over size-limit-increase against the same platform', () => {
    const c = candidate({
      previousFacts: facts(sha('1'), { 'linux/amd64': 100e6 }),
      candidateFacts: facts(sha('2'), { 'linux/amd64': 125e6 })
    })
    expect(decide(c, settings({ sizeLimitIncrease: 20 }), NOW)).toEqual({
      kind: 'propose',
      flags: [
        'size over limit: linux/amd64 grew 25% (100.0 MB → 125.0 MB) > size-limit-increase 20%'
      ]
    })
    expect(decide(c, settings({ sizeLimitIncrease: 30 }), NOW)).toEqual({
      kind: 'propose',
      flags: []
    })
  })

  it('makes a moved immutable tag an error naming both digests, before any other gate', () => {
    const expected = {
      kind: 'error',
      reason: `immutable tag v1.2.3 moved from ${sha('1')} to ${sha('2')}; keeping ${sha('1')}`,
      until: null
    }
    const byPattern = settings({
      immutableTags: [/^v[0-9]+\.[0-9]+\.[0-9]+$/],
      minAge: parseDuration('3d')!
    })
    expect(decide(candidate({ tag: 'v1.2.3' }), byPattern, NOW)).toEqual(expected)
    expect(
      decide(candidate({ tag: 'v1.2.3', policy: { immutable: true } }), settings(), NOW)
    ).toEqual(expected)
    expect(decide(candidate({ tag: 'v1.2' }), byPattern, NOW).kind).toBe('held')
  })
})

describe('platform names', () => {
  it('takes linux/arm64 and linux/arm64/v8 as one platform', () => {
    const decision = decide(
      candidate({
        policy: { platforms: ['linux/arm64'] },
        previousFacts: facts(sha('1'), { 'linux/amd64': 1, 'linux/arm64/v8': 1 }),
        candidateFacts: facts(sha('2'), { 'linux/amd64': 1, 'linux/arm64/v8': 1 })
      }),
      settings(),
      NOW
    )
    expect(decision.kind).toBe('propose')
  })
})
