import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { type Digest, parseDigest } from '../../src/domain/oci/digest.js'
import {
  type ImageFacts,
  type PlatformImage,
  compareImages
} from '../../src/domain/oci/image-facts.js'
import { createdAt, isPlatformText } from '../../src/adapters/registry/facts.js'
import { randomSeed } from '../support/random-seed.js'

const RANDOM_SEED = randomSeed()
const SEEDS = [3, 20261201, RANDOM_SEED]
console.log(
  `compareImages property seeds: ${SEEDS.join(', ')} (replay: FAST_CHECK_SEED=${RANDOM_SEED})`
)

const d = (seed: string): Digest =>
  parseDigest(`sha256:${createHash('sha256').update(seed).digest('hex')}`)

function image(platform: string, size: number, layers: string[]): PlatformImage {
  return { platform, digest: d(`${platform}/${layers.join()}`), size, layers: layers.map(d) }
}

function facts(platforms: PlatformImage[], extra: Partial<ImageFacts> = {}): ImageFacts {
  return { digest: d(JSON.stringify(platforms)), platforms, isIndex: true, labels: {}, ...extra }
}

describe('compareImages', () => {
  it('reports sizes of both digests, platforms added and removed, and the creation time', () => {
    const before = facts([image('linux/amd64', 100, ['a']), image('linux/arm/v7', 90, ['b'])])
    const after = facts([image('linux/amd64', 130, ['a2']), image('linux/arm64', 95, ['c'])], {
      created: { at: '2026-11-30T10:00:00.000Z', source: 'image-config' }
    })
    expect(compareImages(before, after)).toEqual({
      created: { at: '2026-11-30T10:00:00.000Z', source: 'image-config' },
      size: { 'linux/amd64': 130, 'linux/arm64': 95 },
      previousSize: { 'linux/amd64': 100, 'linux/arm/v7': 90 },
      platformsAdded: ['linux/arm64'],
      platformsRemoved: ['linux/arm/v7'],
      base: null,
      identicalLayers: false
    })
  })

  it('calls a rebuild identical when every platform keeps its layer list', () => {
    const before = facts([image('linux/amd64', 100, ['a', 'b']), image('linux/arm64', 90, ['c'])])
    const after = facts([image('linux/amd64', 101, ['a', 'b']), image('linux/arm64', 91, ['c'])])
    expect(compareImages(before, after).identicalLayers).toBe(true)
    const reordered = facts([
      image('linux/amd64', 100, ['b', 'a']),
      image('linux/arm64', 90, ['c'])
    ])
    expect(compareImages(before, reordered).identicalLayers).toBe(false)
    const lost = facts([image('linux/amd64', 100, ['a', 'b'])])
    expect(compareImages(before, lost).identicalLayers).toBe(false)
  })

  it('never calls layers identical when a source knows none (Docker Hub) or the old digest is unknown', () => {
    const hub = facts([image('linux/amd64', 100, [])])
    expect(compareImages(hub, facts([image('linux/amd64', 120, [])])).identicalLayers).toBe(false)
    const current = facts([image('linux/amd64', 100, ['a'])])
    expect(compareImages(undefined, current)).toMatchObject({
      identicalLayers: false,
      previousSize: {},
      platformsAdded: [],
      platformsRemoved: []
    })
  })

  it('names the base move, with a null previous when the old digest named no base', () => {
    const base = { name: 'docker.io/library/alpine:3', digest: d('alpine-new') }
    const after = facts([image('linux/amd64', 1, ['a'])], { base })
    expect(compareImages(facts([image('linux/amd64', 1, ['a'])]), after).base).toEqual({
      name: base.name,
      previous: null,
      current: base.digest
    })
    const before = facts([image('linux/amd64', 1, ['a'])], {
      base: { name: base.name, digest: d('alpine-old') }
    })
    expect(compareImages(before, after).base).toEqual({
      name: base.name,
      previous: d('alpine-old'),
      current: base.digest
    })
  })

  it.each(SEEDS)('adds and removes exactly the platforms one side lacks (seed %i)', seed => {
    const platforms = fc.uniqueArray(fc.constantFrom('linux/amd64', 'linux/arm64', 'linux/s390x'))
    fc.assert(
      fc.property(platforms, platforms, (a, b) => {
        const c = compareImages(
          facts(a.map(p => image(p, 1, ['x']))),
          facts(b.map(p => image(p, 1, ['x'])))
        )
        expect(c.platformsAdded.sort()).toEqual(b.filter(p => !a.includes(p)).sort())
        expect(c.platformsRemoved.sort()).toEqual(a.filter(p => !b.includes(p)).sort())
        expect(c.identicalLayers).toBe(
          b.length > 0 && a.length === b.length && c.platformsAdded.length === 0
        )
      }),
      { seed, numRuns: 200 }
    )
  })
})

describe('createdAt', () => {
  it('normalises an RFC 3339 time to UTC, nanoseconds cut to milliseconds', () => {
    expect(createdAt('2026-11-30T12:00:00.123456789+02:00', 'image-config')).toEqual({
      at: '2026-11-30T10:00:00.123Z',
      source: 'image-config'
    })
  })

  it('calls the epoch and year 1 of reproducible builds unknown, and refuses what is no time', () => {
    expect(createdAt('1970-01-01T00:00:00Z', 'image-config')).toBeUndefined()
    expect(createdAt('0001-01-01T00:00:00Z', 'image-config')).toBeUndefined()
    expect(createdAt('yesterday', 'image-config')).toBeUndefined()
    expect(createdAt(1_700_000_000, 'image-config')).toBeUndefined()
  })
})

describe('isPlatformText', () => {
  it('takes os/arch[/variant] and refuses text that could act in a log or a body', () => {
    for (const ok of ['linux/amd64', 'linux/arm/v7', 'windows/amd64/10.0.17763'])
      expect(isPlatformText(ok)).toBe(true)
    for (const bad of [
      'linux',
      '::error::x/y',
      'linux/amd64\n::warning::x',
      'a/b/c/d',
      'linux/<b>'
    ])
      expect(isPlatformText(bad)).toBe(false)
  })
})
