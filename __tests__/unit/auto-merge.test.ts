/**
 * Auto-merge: the pure decision (which reviews and held updates block it, and the body's line),
 * then the pull-request step end to end through the real PullRequestClient and Octokit against
 * the stateful fake GitHub on loopback, which records every GraphQL call.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createOctokit } from '../../src/adapters/github/octokit.js'
import { PullRequestClient } from '../../src/adapters/github/pull-requests.js'
import type { Logger } from '../../src/adapters/registry/http.js'
import { parseConfig } from '../../src/domain/config.js'
import { type Digest, parseDigest } from '../../src/domain/oci/digest.js'
import type { HeldUpdate, MoveReview } from '../../src/domain/review.js'
import { autoMergeBlockers, autoMergeLine, autoMergeSummary } from '../../src/run/auto-merge.js'
import { computeMoves } from '../../src/run/moves.js'
import { type ProposalSettings, describeProposal, proposeUpdate } from '../../src/run/propose.js'
import { type EntryResult, type UpdateResult, planUpdate } from '../../src/run/update.js'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'

const hex = (c: string) => c.repeat(64)
const sha = (c: string): Digest => parseDigest(`sha256:${hex(c)}`)
const IMAGE = 'ghcr.io/octo-org/app'
const CONFIG = '.github/containers.yml'
const config = (a: string, b: string) => `containers:
  - target: a
    image_tag: tag-a
    current_sha: ${hex(a)}
  - target: b
    image_tag: tag-b
    current_sha: ${hex(b)}
`

const lines: string[] = []
const logger: Logger = {
  debug() {},
  info: m => lines.push(m),
  warning: m => lines.push(`warning: ${m}`)
}

/**
 * The workspace run: each entry's new digest, and the review of each move with its flags
 * (`null`: no review at all), as the review stages would have made them.
 */
function ran(
  text: string,
  outcome: Record<string, Digest>,
  flags: Record<string, string[] | null> = {},
  held: HeldUpdate[] = []
): UpdateResult {
  const parsed = parseConfig(CONFIG, text, { defaultImage: IMAGE })
  const results: EntryResult[] = parsed.entries.map(entry => {
    const current = outcome[entry.name] ?? entry.digest!
    return {
      entry,
      status: current === entry.digest ? 'unchanged' : 'updated',
      previous: entry.digest,
      current
    }
  })
  const plan = planUpdate('update', parsed, results)
  const reviews: MoveReview[] = plan.moves
    .filter(m => m.current !== m.previous && flags[m.entry.name] !== null)
    .map(m => ({
      key: m.key,
      previous: m.previous,
      current: m.current,
      flags: flags[m.entry.name] ?? []
    }))
  return { ...plan, reviews, held, written: true }
}

describe('autoMergeBlockers', () => {
  const moves = (result: UpdateResult) => result.moves

  it('is empty when every moved entry was reviewed with no flag and nothing is in error', () => {
    const result = ran(config('1', '2'), { a: sha('3'), b: sha('4') })
    expect(autoMergeBlockers(moves(result), result.reviews, result.held)).toEqual([])
  })

  it('lists every flag, every moved entry no review covers, and every update in error', () => {
    const error: HeldUpdate = {
      name: 'c',
      image: IMAGE,
      tag: 'v1',
      current: sha('5'),
      candidate: sha('6'),
      reason: 'the immutable tag v1 moved',
      until: null,
      kind: 'error'
    }
    const waiting: HeldUpdate = { ...error, name: 'd', kind: 'held', reason: 'waiting' }
    const result = ran(
      config('1', '2'),
      { a: sha('3'), b: sha('4') },
      { a: ['size grew 30% (over 20%)', 'details unavailable: blob refused'], b: null },
      [error, waiting]
    )
    expect(autoMergeBlockers(moves(result), result.reviews, result.held)).toEqual([
      'a: size grew 30% (over 20%)',
      'a: details unavailable: blob refused',
      'b: its new digest was not reviewed',
      'c: the immutable tag v1 moved'
    ])
  })

  it("takes no review of another old digest for the base branch's move", () => {
    const result = ran(config('1', '2'), { a: sha('3') })
    // The base branch still pins 9 for a: the review of 1 → 3 does not describe 9 → 3.
    const base = computeMoves(
      parseConfig(CONFIG, config('9', '2'), { defaultImage: IMAGE }),
      result.results
    )
    expect(autoMergeBlockers(base, result.reviews, [])).toEqual([
      'a: its new digest was not reviewed'
    ])
  })
})

describe("the body's auto-merge line", () => {
  it('says auto-merge was requested when nothing blocks it', () => {
    expect(autoMergeLine('squash', [])).toBe(
      '**Auto-merge** (squash) requested: every update passed every gate.'
    )
  })

  it('lists the reasons as escaped text, five at most', () => {
    const reasons = [
      'a: flagged by @admin [see](https://x.example)',
      ...'bcdefg'.split('').map(c => `${c}: big`)
    ]
    const line = autoMergeLine('merge', reasons)
    expect(line).toMatch(
      /^\*\*Auto-merge is off\*\*: a: flagged by @\u200badmin \\\[see\\\]\\\(https:\u200b\/\/x\.example\\\); b: big; c: big; d: big; e: big; and 2 more\.$/
    )
  })
})

describe('the preview', () => {
  it('carries the line the pull request would get', async () => {
    const result = ran(config('1', '2'), { a: sha('3') }, { a: ['size grew 30%'] })
    const preview = {
      repoPath: CONFIG,
      title: 't',
      body: { now: new Date() },
      autoMerge: 'rebase' as const
    }
    const proposal = await describeProposal(result, preview, undefined, logger)
    expect(proposal?.body).toContain('\n\n**Auto-merge is off**: a: size grew 30%.\n')
    const without = await describeProposal(
      result,
      { ...preview, autoMerge: undefined },
      undefined,
      logger
    )
    expect(without?.body).not.toContain('Auto-merge')
  })

  it('puts the line where the template has {auto_merge}, and appends it only without one', async () => {
    const result = ran(config('1', '2'), { a: sha('3') }, { a: ['size grew 30%'] })
    const preview = (template: string) => ({
      repoPath: CONFIG,
      title: 't',
      body: { template, now: new Date() },
      autoMerge: 'rebase' as const
    })
    const line = '**Auto-merge is off**: a: size grew 30%.'
    const placed = await describeProposal(
      result,
      preview('{auto_merge}\n\n{updates}\n\nThanks.'),
      undefined,
      logger
    )
    expect(placed?.body.startsWith(`${line}\n\n- a: `)).toBe(true)
    expect(placed?.body.endsWith('\n\nThanks.\n')).toBe(true)
    expect(placed?.body.split(line)).toHaveLength(2)
    const appended = await describeProposal(result, preview('{updates}'), undefined, logger)
    expect(appended?.body.endsWith(`\n\n${line}\n`)).toBe(true)
    // Without the input the placeholder is empty, and its blank lines are tidied away.
    const off = await describeProposal(
      result,
      { ...preview('{auto_merge}\n\n{updates}'), autoMerge: undefined },
      undefined,
      logger
    )
    expect(off?.body.startsWith('- a: ')).toBe(true)
  })
})

describe('auto-merge against the fake GitHub', () => {
  let github: FakeGitHub
  const savedApiUrl = process.env.GITHUB_API_URL

  const settings = (autoMerge: 'squash' | undefined): ProposalSettings => ({
    repoPath: CONFIG,
    config: { label: CONFIG, defaultImage: IMAGE },
    pullRequest: {
      branch: 'image-digests/update',
      branchExplicit: false,
      title: 'chore: Update container image digests',
      commitMessage: 'Update digests',
      labels: [],
      assignees: [],
      reviewers: [],
      teamReviewers: [],
      draft: false,
      autoMerge
    },
    body: { template: '{updates}', now: new Date('2026-01-02T00:00:00Z') }
  })

  const propose = (result: UpdateResult, autoMerge?: 'squash') => {
    const client = new PullRequestClient(
      createOctokit(github.token, logger),
      { owner: github.owner, repo: github.repo },
      logger
    )
    return proposeUpdate(result, settings(autoMerge), client, undefined, logger)
  }

  beforeAll(async () => {
    github = await startFakeGitHub({
      owner: 'octo-org',
      repo: 'widgets',
      files: { [CONFIG]: config('1', '2') }
    })
    process.env.GITHUB_API_URL = github.url
  })

  afterAll(async () => {
    await github.stop()
    if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL
    else process.env.GITHUB_API_URL = savedApiUrl
  })

  beforeEach(() => {
    lines.length = 0
  })

  it('enables auto-merge on a clean pull request, then a run with a flagged update disables it and says why', async () => {
    const clean = await propose(ran(config('1', '2'), { a: sha('3') }), 'squash')
    expect(clean.operation).toBe('created')
    expect(clean.autoMerge).toEqual({ method: 'squash', state: 'enabled', blockers: [] })
    expect(github.graphqlCalls()).toEqual([
      {
        operation: 'enablePullRequestAutoMerge',
        variables: { pullRequestId: github.pulls()[0]!.nodeId, mergeMethod: 'SQUASH' },
        errors: []
      }
    ])
    expect(github.pulls()[0]!.autoMerge).toEqual({ mergeMethod: 'SQUASH' })
    expect(github.pulls()[0]!.body).toContain('**Auto-merge** (squash) requested')
    expect(autoMergeSummary(clean.autoMerge!)).toBe(
      'Auto-merge (squash) enabled: every update passed every gate.'
    )

    // The same digests again: it stays on, and GitHub is not asked again.
    const again = await propose(ran(config('1', '2'), { a: sha('3') }), 'squash')
    expect(again.autoMerge?.state).toBe('on')
    expect(github.graphqlCalls()).toHaveLength(1)

    const flagged = await propose(
      ran(config('1', '2'), { a: sha('3'), b: sha('4') }, { b: ['size grew 30% (over 20%)'] }),
      'squash'
    )
    expect(flagged.operation).toBe('updated')
    expect(flagged.autoMerge).toEqual({
      method: 'squash',
      state: 'disabled',
      blockers: ['b: size grew 30% (over 20%)']
    })
    expect(github.graphqlCalls().map(c => [c.operation, c.variables, c.errors])).toEqual([
      ['enablePullRequestAutoMerge', expect.anything(), []],
      ['disablePullRequestAutoMerge', { pullRequestId: github.pulls()[0]!.nodeId }, []]
    ])
    expect(github.pulls()[0]!.autoMerge).toBeNull()
    expect(github.pulls()[0]!.body).toContain(
      '**Auto-merge is off**: b: size grew 30% \\(over 20%\\).'
    )
    expect(lines).toContain('#1: auto-merge disabled: b: size grew 30% (over 20%)')

    // Still flagged: nothing to switch off, so GitHub is not asked.
    const still = await propose(
      ran(config('1', '2'), { a: sha('3'), b: sha('4') }, { b: ['size grew 30% (over 20%)'] }),
      'squash'
    )
    expect(still.autoMerge?.state).toBe('off')
    expect(github.graphqlCalls()).toHaveLength(2)
  })

  it('goes on with one line when the repository does not allow auto-merge', async () => {
    github.setAllowAutoMerge(false)
    try {
      const outcome = await propose(ran(config('1', '2'), { a: sha('7') }), 'squash')
      expect(outcome.operation).toBe('updated')
      const reason =
        'the repository does not allow auto-merge (Settings → General → Allow auto-merge)'
      expect(outcome.autoMerge).toEqual({
        method: 'squash',
        state: 'refused',
        blockers: [],
        reason
      })
      expect(github.graphqlCalls().at(-1)?.errors).toEqual([
        'Pull request Auto merge is not allowed for this repository'
      ])
      expect(lines.filter(l => l.startsWith('warning:'))).toEqual([
        `warning: #1: auto-merge not enabled: ${reason}`
      ])
      expect(autoMergeSummary(outcome.autoMerge!)).toBe(
        `Auto-merge could not be enabled: ${reason}.`
      )
    } finally {
      github.setAllowAutoMerge(true)
    }
  })

  it('goes on when the token may not call GraphQL', async () => {
    github.failNext(1, {
      status: 403,
      body: { message: 'Resource not accessible by integration' },
      match: { method: 'POST', path: '/graphql' }
    })
    const outcome = await propose(ran(config('1', '2'), { a: sha('8') }), 'squash')
    expect(outcome.autoMerge?.reason).toBe(
      'the token may not enable auto-merge (it needs contents: write and pull-requests: write)'
    )
  })

  it('leaves auto-merge alone without the input', async () => {
    const before = github.graphqlCalls().length
    const outcome = await propose(ran(config('1', '2'), { a: sha('9') }), undefined)
    expect(outcome.autoMerge).toBeUndefined()
    expect(github.graphqlCalls()).toHaveLength(before)
    expect(github.pulls()[0]!.body).not.toContain('Auto-merge')
  })

  it('brings the body and title of a pull request whose tree is unchanged up to date, with no commit', async () => {
    const head = github.branchSha('image-digests/update')
    const stale = github.pulls()[0]!.body
    // The same digests as the last run, now with the auto-merge input and a new title.
    const result = ran(config('1', '2'), { a: sha('9') })
    const client = new PullRequestClient(
      createOctokit(github.token, logger),
      { owner: github.owner, repo: github.repo },
      logger
    )
    const renamed = settings('squash')
    renamed.pullRequest.title = 'chore: Refresh image digests'
    github.clearRequests()
    const outcome = await proposeUpdate(result, renamed, client, undefined, logger)
    expect(outcome.operation).toBe('unchanged')
    expect(outcome.commitSha).toBeUndefined()
    expect(github.branchSha('image-digests/update')).toBe(head)
    const pull = github.pulls()[0]!
    expect(pull.title).toBe('chore: Refresh image digests')
    expect(pull.body).not.toBe(stale)
    expect(pull.body).toBe(outcome.proposal!.body)
    expect(pull.body).toContain('**Auto-merge** (squash) requested')
    expect(lines).toContain(
      '#1 already proposes these digests; its title and body were brought up to date'
    )

    // Nothing differs the next time: no write call but the auto-merge GraphQL already made.
    github.clearRequests()
    const again = await proposeUpdate(result, renamed, client, undefined, logger)
    expect(again.operation).toBe('unchanged')
    expect(github.writeRequests().filter(r => r.path !== '/graphql')).toEqual([])
  })
})
