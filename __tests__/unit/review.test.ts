import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { parseConfig } from '../../src/domain/config.js'
import { type Digest, parseDigest } from '../../src/domain/oci/digest.js'
import type { ImageFacts } from '../../src/domain/oci/image-facts.js'
import { type MoveReview, reviewFor } from '../../src/domain/review.js'
import { dockerHubApiFromEnv } from '../../src/adapters/registry/docker-hub.js'
import type { FactsRead } from '../../src/run/image-facts.js'
import { computeMoves } from '../../src/run/moves.js'
import { parseSizeWarnIncrease, reviewMoves, updateDetails } from '../../src/run/review.js'
import type { GitHubReviewSources } from '../../src/run/review-sources.js'

const d = (seed: string): Digest =>
  parseDigest(`sha256:${createHash('sha256').update(seed).digest('hex')}`)
const OLD = d('old')
const NEW = d('new')
const SOURCE = 'https://github.com/acme/app'

function moves() {
  const config = parseConfig(
    'c.yml',
    `containers:\n  - name: app\n    image: ghcr.io/acme/app:1\n    digest: "${OLD}"\n`,
    {}
  )
  return computeMoves(config, [
    { entry: config.entries[0]!, status: 'updated', previous: OLD, current: NEW }
  ])
}

function facts(digest: Digest, size: number, revision?: string): ImageFacts {
  return {
    digest,
    platforms: [{ platform: 'linux/amd64', digest, size, layers: [d(`layer-${size}`)] }],
    isIndex: false,
    labels: revision
      ? {
          'org.opencontainers.image.source': SOURCE,
          'org.opencontainers.image.revision': revision
        }
      : {}
  }
}

function read(known: ImageFacts[], failures: Record<string, string> = {}): FactsRead {
  return {
    lookup: (_repository, digest) => known.find(f => f.digest === digest),
    failure: (_repository, digest) => failures[digest]
  }
}

const noGitHub = { sizeWarnIncrease: 0.2 }

describe('reviewMoves', () => {
  it('flags a platform that grew past the limit, and only then', async () => {
    const [grown] = await reviewMoves(moves(), read([facts(OLD, 1000), facts(NEW, 1300)]), noGitHub)
    expect(grown).toMatchObject({
      current: NEW,
      previous: OLD,
      flags: ['size +30% on linux/amd64']
    })
    const [within] = await reviewMoves(
      moves(),
      read([facts(OLD, 1000), facts(NEW, 1200)]),
      noGitHub
    )
    expect(within?.flags).toEqual([])
    const [any] = await reviewMoves(moves(), read([facts(OLD, 1000), facts(NEW, 1001)]), {
      sizeWarnIncrease: 0
    })
    expect(any?.flags).toEqual(['size +0% on linux/amd64'])
  })

  it('says in one line and in a flag why the details are unavailable', async () => {
    const [review] = await reviewMoves(
      moves(),
      read([facts(OLD, 1)], { [NEW]: 'ghcr.io/acme/app@sha256:…: 403 denied' }),
      noGitHub
    )
    expect(review).toEqual({
      key: moves()[0]!.key,
      previous: OLD,
      current: NEW,
      unavailable: 'ghcr.io/acme/app@sha256:…: 403 denied',
      flags: ['details unavailable: ghcr.io/acme/app@sha256:…: 403 denied']
    })
  })

  it('asks GitHub for the commits between two labelled revisions, and says when it refused', async () => {
    const asked: string[] = []
    const commits = { count: 12, url: `${SOURCE}/compare/aaa...bbb`, commits: [] }
    const github: GitHubReviewSources = {
      packageVersionCreated: async () => undefined,
      compareCommits: async (source, base, head) => {
        asked.push(`${source} ${base} ${head}`)
        return commits
      }
    }
    const known = read([facts(OLD, 1, 'aaa'), facts(NEW, 1, 'bbb')])
    const [review] = await reviewMoves(moves(), known, {
      sizeWarnIncrease: 0.2,
      reviewSources: github
    })
    expect(asked).toEqual([`${SOURCE} aaa bbb`])
    expect(review?.commits).toBe(commits)
    expect(updateDetails(review).commits).toEqual({ count: 12, url: commits.url })

    const refusing = {
      ...github,
      compareCommits: async () => Promise.reject(new Error('404 Not Found\nmore'))
    }
    const [refused] = await reviewMoves(moves(), known, {
      sizeWarnIncrease: 0.2,
      reviewSources: refusing
    })
    expect(refused?.commits).toBeUndefined()
    expect(refused?.flags).toEqual(['details unavailable: commits: 404 Not Found'])
  })

  it('gives the updates output its fields from the comparison', async () => {
    const [review] = await reviewMoves(moves(), read([facts(OLD, 10), facts(NEW, 12)]), noGitHub)
    expect(updateDetails(review)).toEqual({
      created: null,
      created_source: null,
      size: { 'linux/amd64': 12 },
      previous_size: { 'linux/amd64': 10 },
      platforms_added: [],
      platforms_removed: [],
      base: null,
      identical_layers: false,
      commits: null
    })
  })
})

describe('parseSizeWarnIncrease', () => {
  it.each([
    ['20%', 0.2],
    [' 35 % ', 0.35],
    ['0', 0],
    ['150%', 1.5],
    ['-1%', undefined],
    ['20 percent', undefined],
    ['', undefined]
  ])('%j is %p', (text, want) => {
    expect(parseSizeWarnIncrease(text)).toBe(want)
  })
})

describe('the test-only Docker Hub API variable', () => {
  it('takes a loopback origin only, so it can send no question anywhere else', () => {
    const env = (value: string) => ({ IMAGE_DIGEST_UPDATER_TEST_DOCKER_HUB_API: value })
    expect(dockerHubApiFromEnv(env('http://127.0.0.1:4567/ignored'))).toBe('http://127.0.0.1:4567')
    expect(dockerHubApiFromEnv(env('https://hub.evil.example'))).toBeUndefined()
    expect(dockerHubApiFromEnv(env('file:///etc/passwd'))).toBeUndefined()
    expect(dockerHubApiFromEnv({})).toBeUndefined()
  })
})

describe('reviewFor', () => {
  const review: MoveReview = { key: '0', previous: OLD, current: NEW, flags: ['size grew 30%'] }
  const other: MoveReview = { key: '1', previous: OLD, current: NEW, flags: [] }

  it('finds the review of the same move: same key, both digests', () => {
    expect(reviewFor([other, review], { key: '0', previous: OLD, current: NEW })).toBe(review)
    expect(reviewFor([other, review], { key: '0', previous: OLD, current: d('else') })).toBe(
      undefined
    )
  })

  it("has none for a move from another old digest, as the base branch's may be", () => {
    expect(reviewFor([review], { key: '0', previous: d('base'), current: NEW })).toBe(undefined)
    expect(reviewFor([review], { key: '0', current: NEW })).toBe(undefined)
  })
})
