/**
 * The body's {details}, {held} and {run} placeholders: where the default template puts them,
 * that custom templates get them, and how the body still fits GitHub's limit (details shrink
 * first: commits, then sizes, then whole blocks; rows last).
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  BODY_LIMIT,
  type BodyUpdate,
  type PullRequestBodyData,
  renderPullRequestBody
} from '../../src/domain/pull-request/body.js'
import { workflowRunUrl } from '../../src/domain/pull-request/run-link.js'
import type { Digest } from '../../src/domain/oci/digest.js'
import type { HeldUpdate, MoveReview } from '../../src/domain/review.js'
import { randomSeed } from '../support/random-seed.js'

const DATE = new Date('2024-05-01T08:00:00Z')
const RUN = workflowRunUrl('https://github.com', 'o/r', '42')!
const RANDOM_SEED = randomSeed()
const SEEDS = [7, 1234, 20261201, RANDOM_SEED]
console.log(
  `body-details property seeds: ${SEEDS.join(', ')} (replay: FAST_CHECK_SEED=${RANDOM_SEED})`
)

const hex = (i: number, c = '0'): string => i.toString(16).padStart(64, c)

function review(i: number, commits: number, headline = 40, platforms = 2): MoveReview {
  const list = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/s390x'].slice(0, platforms)
  return {
    key: `k${i}`,
    previous: `sha256:${hex(i)}` as Digest,
    current: `sha256:${hex(i + 1)}` as Digest,
    comparison: {
      created: { at: '2024-04-28T10:00:00Z', source: 'image-config' },
      size: Object.fromEntries(list.map(p => [p, 13_000_000])),
      previousSize: Object.fromEntries(list.map(p => [p, 10_000_000])),
      platformsAdded: [],
      platformsRemoved: [],
      base: null,
      identicalLayers: false
    },
    commits: {
      count: commits,
      url: `https://github.com/o/r${i}/compare/1234567...7654321`,
      commits: Array.from({ length: commits }, (_, j) => ({
        sha: hex(j).slice(0, 40),
        headline: `commit ${j} ${'h'.repeat(headline)}`,
        author: 'dev',
        url: `https://github.com/o/r${i}/commit/${hex(j).slice(0, 40)}`
      }))
    },
    flags: []
  }
}

function update(i: number, r?: MoveReview): BodyUpdate {
  return {
    name: `target-${i}`,
    image: 'ghcr.io/o/app',
    tag: `t${i}`,
    platform: null,
    previous: hex(i),
    current: hex(i + 1),
    review: r
  }
}

const held: HeldUpdate = {
  name: 'slow',
  image: 'ghcr.io/o/slow',
  tag: '1',
  current: null,
  candidate: `sha256:${hex(9, 'f')}` as Digest,
  reason: 'cooldown of 3 days',
  until: '2024-05-03T10:00:00Z',
  kind: 'held'
}

function data(overrides: Partial<PullRequestBodyData> = {}): PullRequestBodyData {
  return { updates: [update(1, review(1, 2))], failures: [], date: DATE, ...overrides }
}

const rowCount = (body: string): number =>
  body.split('\n').filter(l => /^\| target-/.test(l)).length

describe('the default template', () => {
  it('puts Details after the table, Held back after failures, the run link last', () => {
    const body = renderPullRequestBody(
      data({
        failures: [{ name: 'bad', image: 'x/y', tag: '1', error: 'denied' }],
        held: [held],
        run: RUN
      })
    )
    const order = [
      '### Changes Detected',
      '| target-1 |',
      '### Details',
      '#### target-1',
      '### Not updated',
      '### Held back',
      '### Verification',
      '_This PR was automatically generated on 2024-05-01_',
      '_Made by [this workflow run](https://github.com/o/r/actions/runs/42)._'
    ].map(s => body.indexOf(s))
    expect(order.every(i => i >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(body).toMatch(/runs\/42\)\._\n$/)
    expect(body).not.toMatch(/\n\n\n/)
  })

  it('renders as before when no review, held update or run is given', () => {
    const body = renderPullRequestBody(data({ updates: [update(1)] }))
    expect(body).not.toContain('Details')
    expect(body).not.toContain('Held back')
    expect(body).toMatch(/_This PR was automatically generated on 2024-05-01_\n$/)
  })

  it('folds the Details of more than three targets', () => {
    const updates = [1, 2, 3, 4].map(i => update(i, review(i, 1)))
    const body = renderPullRequestBody(data({ updates }))
    expect(body).toContain('### Details\n\n<details><summary>Details of 4 targets</summary>\n\n')
    expect(body).toContain('\n\n</details>\n\n')
  })
})

describe('custom templates', () => {
  it('get {details}, {held} and {run}', () => {
    const body = renderPullRequestBody(
      data({ held: [held], run: RUN }),
      '{details}\n\n{held}\n\n{run}\n'
    )
    expect(body).toMatch(/^### Details\n\n#### target-1\n/)
    expect(body).toContain('\n\n### Held back\n\nThis update was not proposed')
    expect(body).toMatch(
      /\n\n_Made by \[this workflow run\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/42\)\._\n$/
    )
  })

  it('render the three as nothing when empty', () => {
    expect(
      renderPullRequestBody(data({ updates: [update(1)] }), '[{details}][{held}][{run}]')
    ).toBe('[][][]\n')
  })
})

describe('the body limit with details', () => {
  it('keeps all 300 rows of a 300-entry config, dropping commit lists before sizes', () => {
    const updates = Array.from({ length: 300 }, (_, i) => update(i, review(i, 10, 60)))
    const full = renderPullRequestBody(data({ updates }))
    expect(full.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(rowCount(full)).toBe(300)
    expect(full).not.toContain('more updates')
    expect(full).toContain('Details of 300 targets')
    // Commit headlines went first; the counts and compare links stay while sizes fit.
    expect(full).not.toContain('commit 0 hhh')
    expect(full).toContain(
      '- **Commits**: [10 commits](https://github.com/o/r0/compare/1234567...7654321)'
    )
  })

  it('drops sizes after commits, then whole blocks, before any row', () => {
    const updates = Array.from({ length: 300 }, (_, i) => update(i, review(i, 10, 60, 4)))
    const body = renderPullRequestBody(data({ updates }))
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(rowCount(body)).toBe(300)
    expect(body).not.toContain('- **Size**')
    expect(body).toMatch(
      /_\d+ more targets not detailed \(body shortened to fit GitHub's limit; see the job summary\)\._/
    )
  })

  it('shrinks rows only once no details are left', () => {
    const updates = Array.from({ length: 1500 }, (_, i) => update(i, review(i, 3)))
    const body = renderPullRequestBody(data({ updates }))
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(body).toContain('more updates (body shortened')
    expect(body).toContain('_1,500 more targets not detailed')
    expect(body).not.toContain('#### target-')
  })

  it.each(SEEDS)('always fits, and keeps every row whenever the rows alone fit (seed %d)', seed => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            commits: fc.integer({ min: 0, max: 12 }),
            headline: fc.integer({ min: 0, max: 300 }),
            platforms: fc.integer({ min: 1, max: 4 }),
            reviewed: fc.boolean()
          }),
          { minLength: 1, maxLength: 600 }
        ),
        specs => {
          const updates = specs.map((s, i) =>
            update(i, s.reviewed ? review(i, s.commits, s.headline, s.platforms) : undefined)
          )
          const body = renderPullRequestBody(data({ updates }))
          expect(body.length).toBeLessThanOrEqual(BODY_LIMIT)
          const bare = renderPullRequestBody(
            data({ updates: updates.map(u => ({ ...u, review: undefined })) })
          )
          if (bare.length <= BODY_LIMIT) expect(rowCount(body)).toBe(updates.length)
          // Details are shown whenever there is room for the section at all.
          if (specs.some(s => s.reviewed) && bare.length + 1000 < BODY_LIMIT)
            expect(body).toContain('### Details')
          // Commit lists go before sizes: a body listing a headline shows every size line.
          if (/\n {2}- \[commit /.test(body))
            expect(body.split('- **Size**').length - 1).toBe(specs.filter(s => s.reviewed).length)
        }
      ),
      { seed, numRuns: 25 }
    )
  })
})
