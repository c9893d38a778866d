/**
 * An open pull request when every new digest is held back: the pull-request step, through the
 * real PullRequestClient and Octokit against the stateful fake GitHub, closes it with the true
 * reason (the newer digests are held), never "the base already pins every current digest".
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createOctokit } from '../../src/adapters/github/octokit.js'
import { PullRequestClient } from '../../src/adapters/github/pull-requests.js'
import type { Logger } from '../../src/adapters/registry/http.js'
import { parseConfig } from '../../src/domain/config.js'
import { type Digest, parseDigest } from '../../src/domain/oci/digest.js'
import type { HeldUpdate } from '../../src/domain/review.js'
import { type ProposalSettings, proposeUpdate } from '../../src/run/propose.js'
import { type EntryResult, type UpdateResult, planUpdate } from '../../src/run/update.js'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'

const hex = (c: string) => c.repeat(64)
const sha = (c: string): Digest => parseDigest(`sha256:${hex(c)}`)
const IMAGE = 'ghcr.io/octo-org/app'
const CONFIG = '.github/containers.yml'
const BRANCH = 'image-digests/update'
const config = (a: string) =>
  `containers:\n  - target: a\n    image_tag: tag-a\n    current_sha: ${hex(a)}\n`

const lines: string[] = []
const logger: Logger = {
  debug() {},
  info: m => lines.push(m),
  warning: m => lines.push(`warning: ${m}`)
}

/** The workspace run: a's tag now points at `to`, proposed or (with `held`) kept back. */
function ran(to: Digest, held?: Pick<HeldUpdate, 'kind' | 'reason' | 'until'>): UpdateResult {
  const parsed = parseConfig(CONFIG, config('1'), { defaultImage: IMAGE })
  const entry = parsed.entries[0]!
  const result: EntryResult = held
    ? { entry, status: 'held', previous: entry.digest, current: entry.digest, candidate: to }
    : { entry, status: 'updated', previous: entry.digest, current: to }
  const plan = planUpdate('update', parsed, [result])
  const heldUpdates: HeldUpdate[] = held
    ? [{ name: 'a', image: IMAGE, tag: 'tag-a', current: entry.digest!, candidate: to, ...held }]
    : []
  const reviews = plan.moves
    .filter(m => m.current !== m.previous)
    .map(m => ({ key: m.key, previous: m.previous, current: m.current, flags: [] }))
  return { ...plan, reviews, held: heldUpdates, written: true }
}

const settings: ProposalSettings = {
  repoPath: CONFIG,
  config: { label: CONFIG, defaultImage: IMAGE },
  pullRequest: {
    branch: BRANCH,
    branchExplicit: false,
    title: 'chore: Update container image digests',
    commitMessage: 'Update digests',
    labels: [],
    assignees: [],
    reviewers: [],
    teamReviewers: [],
    draft: false
  },
  body: { template: '{updates}\n\n{held}', now: new Date('2026-01-02T00:00:00Z') }
}

describe('an open pull request when every new digest is held back', () => {
  let github: FakeGitHub
  const savedApiUrl = process.env.GITHUB_API_URL
  const propose = (result: UpdateResult) => {
    const client = new PullRequestClient(
      createOctokit(github.token, logger),
      { owner: github.owner, repo: github.repo },
      logger
    )
    return proposeUpdate(result, settings, client, undefined, logger)
  }

  beforeAll(async () => {
    github = await startFakeGitHub({
      owner: 'octo-org',
      repo: 'widgets',
      files: { [CONFIG]: config('1') }
    })
    process.env.GITHUB_API_URL = github.url
  })

  afterAll(async () => {
    await github.stop()
    if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL
    else process.env.GITHUB_API_URL = savedApiUrl
  })

  it('is closed with the held updates as the reason, not "the base already pins every digest"', async () => {
    expect((await propose(ran(sha('2')))).operation).toBe('created')
    // The tag moved on to 3, which the cooldown holds; the base still pins 1.
    const outcome = await propose(
      ran(sha('3'), {
        kind: 'held',
        reason: 'waiting, 0 of 3 days [see](https://x.example)',
        until: '2026-01-05T00:00:00Z'
      })
    )
    expect(outcome.operation).toBe('closed')
    const pull = github.pulls()[0]!
    expect(pull.state).toBe('closed')
    const comment = pull.comments.map(c => c.body).join('\n')
    expect(comment).not.toMatch(/already pins every current digest/)
    expect(comment).toContain(
      'Nothing is left to propose: main pins every digest this run would propose, and these newer digests are held back by a policy:'
    )
    expect(comment).toContain(
      `- a (\`${IMAGE}:tag-a\` → \`sha256:${'3'.repeat(12)}\`): held until 2026-01-05 00:00 UTC: waiting, 0 of 3 days \\[see\\]\\(https:\u200b//x.example\\)`
    )
    expect(comment).toContain('A new pull request opens when a run can propose one of them.')
    expect(lines).toContain('Closed #1: nothing is left to propose while 1 update is held back')
    expect(github.branchSha(BRANCH)).toBeUndefined()
  })
})
