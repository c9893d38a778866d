/**
 * Proves the fake GitHub against reality: object ids are checked against what the real `git`
 * binary computes in a scratch repository, and the GitHub behaviours the action relies on (or
 * trips over) are exercised through the same Octokit the action uses.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'
import { type Handler, Router } from '../support/fake-github/router.js'
import { RepositoryState } from '../support/fake-github/state.js'

const OWNER = 'octo-org'
const REPO = 'widgets'
const NOW = new Date('2026-11-24T06:00:00Z')
const BOT_NAME = 'github-actions[bot]'
const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com'

const INITIAL = {
  'README.md': '# widgets\n',
  '.github/containers.yml': 'containers:\n  - target: app\n    image_tag: "1.0"\n',
  'docs/guide.md': 'Read me first.\n'
}

// --- real git, in a scratch repository with no user or system config (no signing, no hooks) --

let scratch: string
let indexCount = 0

function git(args: string[], input?: string | Buffer, env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    input,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: scratch,
      GIT_DIR: join(scratch, 'repo.git'),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      ...env
    }
  }).trimEnd()
}

/** The tree id git itself builds for these files, nesting and ordering done by git. */
function gitTree(files: Record<string, string | Buffer | { content: string; mode: string }>) {
  const index = join(scratch, `index-${indexCount++}`)
  for (const [path, file] of Object.entries(files)) {
    const { content, mode } =
      typeof file === 'string' || Buffer.isBuffer(file) ? { content: file, mode: '100644' } : file
    const sha = git(['hash-object', '-w', '--stdin'], content)
    git(['update-index', '--add', '--cacheinfo', `${mode},${sha},${path}`], undefined, {
      GIT_INDEX_FILE: index
    })
  }
  return git(['write-tree'], undefined, { GIT_INDEX_FILE: index })
}

interface Identity {
  name: string
  email: string
  date: string
}

/** `git commit-tree` with the identities and dates the fake reported. */
function gitCommit(
  tree: string,
  parents: string[],
  message: string,
  author: Identity,
  committer: Identity
): string {
  const stamp = (date: string) => `${Date.parse(date) / 1000} +0000`
  return git(['commit-tree', tree, ...parents.flatMap(p => ['-p', p])], message, {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: stamp(author.date),
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
    GIT_COMMITTER_DATE: stamp(committer.date)
  })
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'fake-github-git-'))
  git(['init', '-q', '--bare'])
})

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

// --- the fake, fresh for every test -----------------------------------------------------------

let fake: FakeGitHub
let octokit: ReturnType<typeof getOctokit>
const repoId = { owner: OWNER, repo: REPO }

beforeEach(async () => {
  fake = await startFakeGitHub({
    owner: OWNER,
    repo: REPO,
    files: INITIAL,
    collaborators: ['alice', 'bob'],
    teams: ['platform'],
    now: () => NOW
  })
  octokit = getOctokit(fake.token, { baseUrl: fake.url })
})

afterEach(async () => {
  await fake.stop()
})

interface Failure {
  status: number
  message: string
  data: { message?: string; errors?: Array<{ message?: string; field?: string; code?: string }> }
  headers: Record<string, string | number | undefined>
}

/** The error a request must end in; fails the test when it succeeds. */
async function failure(request: Promise<unknown>): Promise<Failure> {
  try {
    await request
  } catch (error) {
    const e = error as {
      status: number
      message: string
      response?: { data?: Failure['data']; headers?: Failure['headers'] }
    }
    return {
      status: e.status,
      message: e.message,
      data: e.response?.data ?? {},
      headers: e.response?.headers ?? {}
    }
  }
  throw new Error('expected the request to fail, it succeeded')
}

async function commitOnBranch(branch: string, files: Record<string, string>, message: string) {
  // The API route the action takes, so these tests build branches the same way.
  const head = (await octokit.rest.git.getRef({ ...repoId, ref: `heads/${branch}` })).data.object
    .sha
  const baseTree = (await octokit.rest.git.getCommit({ ...repoId, commit_sha: head })).data.tree.sha
  const tree = await octokit.rest.git.createTree({
    ...repoId,
    base_tree: baseTree,
    tree: Object.entries(files).map(([path, content]) => ({
      path,
      mode: '100644' as const,
      type: 'blob' as const,
      content
    }))
  })
  const commit = await octokit.rest.git.createCommit({
    ...repoId,
    message,
    tree: tree.data.sha,
    parents: [head]
  })
  return commit.data.sha
}

describe('git objects match real git', () => {
  it('builds blob → tree → commit → ref → pull with the ids git computes', async () => {
    // The seeded root commit: its tree and id are git's for the same files and identity.
    const main = await octokit.rest.git.getRef({ ...repoId, ref: 'heads/main' })
    const baseSha = main.data.object.sha
    const baseCommit = (await octokit.rest.git.getCommit({ ...repoId, commit_sha: baseSha })).data
    expect(baseCommit.tree.sha).toBe(gitTree(INITIAL))
    expect(
      gitCommit(
        baseCommit.tree.sha,
        [],
        baseCommit.message,
        baseCommit.author,
        baseCommit.committer
      )
    ).toBe(baseSha)

    // Blobs: UTF-8 text whose byte length differs from its length in characters, and binary.
    const text = 'containers:\n  - target: app\n    image_tag: "1.1" # héllo ✓\n'
    const utf8Blob = await octokit.rest.git.createBlob({
      ...repoId,
      content: text,
      encoding: 'utf-8'
    })
    expect(utf8Blob.status).toBe(201)
    expect(utf8Blob.data.sha).toBe(git(['hash-object', '--stdin'], text))
    const binary = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x0a, 0x0d, 0x80])
    const binaryBlob = await octokit.rest.git.createBlob({
      ...repoId,
      content: binary.toString('base64'),
      encoding: 'base64'
    })
    expect(binaryBlob.data.sha).toBe(git(['hash-object', '--stdin'], binary))
    const readBack = await octokit.rest.git.getBlob({ ...repoId, file_sha: binaryBlob.data.sha })
    expect(Buffer.from(readBack.data.content, 'base64')).toEqual(binary)

    // Tree on top of the base: a nested path by sha, a deep new path by content, names whose
    // order depends on git's "directory sorts as name/" rule, an executable, a symlink, and a
    // deletion that empties docs/ (which must vanish, as in git).
    const tree = await octokit.rest.git.createTree({
      ...repoId,
      base_tree: baseCommit.tree.sha,
      tree: [
        { path: '.github/containers.yml', mode: '100644', type: 'blob', sha: utf8Blob.data.sha },
        { path: 'a/b/c/deep.txt', mode: '100644', type: 'blob', content: 'deep\n' },
        { path: 'foo.txt', mode: '100644', type: 'blob', content: 'dot\n' },
        { path: 'foo/bar', mode: '100644', type: 'blob', content: 'dir\n' },
        { path: 'foo-bar', mode: '100644', type: 'blob', content: 'dash\n' },
        { path: 'foo0', mode: '100644', type: 'blob', content: 'zero\n' },
        { path: 'bin.dat', mode: '100644', type: 'blob', sha: binaryBlob.data.sha },
        { path: 'run.sh', mode: '100755', type: 'blob', content: '#!/bin/sh\necho hi\n' },
        { path: 'link', mode: '120000', type: 'blob', content: 'README.md' },
        { path: 'docs/guide.md', mode: '100644', type: 'blob', sha: null }
      ]
    })
    expect(tree.status).toBe(201)
    const expectedTree = gitTree({
      'README.md': INITIAL['README.md'],
      '.github/containers.yml': text,
      'a/b/c/deep.txt': 'deep\n',
      'foo.txt': 'dot\n',
      'foo/bar': 'dir\n',
      'foo-bar': 'dash\n',
      foo0: 'zero\n',
      'bin.dat': binary,
      'run.sh': { content: '#!/bin/sh\necho hi\n', mode: '100755' },
      link: { content: 'README.md', mode: '120000' }
    })
    expect(tree.data.sha).toBe(expectedTree)

    // The recursive listing is git's own: same entries, modes, ids and order as ls-tree.
    const listed = await octokit.rest.git.getTree({
      ...repoId,
      tree_sha: tree.data.sha,
      recursive: '1'
    })
    expect(listed.data.tree.map(e => `${e.mode} ${e.type} ${e.sha}\t${e.path}`).join('\n')).toBe(
      git(['ls-tree', '-r', '-t', expectedTree])
    )

    // A single level built by `git mktree` from the same entries.
    const top = listed.data.tree.filter(e => !e.path!.includes('/'))
    expect(
      git(['mktree'], top.map(e => `${e.mode} ${e.type} ${e.sha}\t${e.path}`).join('\n') + '\n')
    ).toBe(tree.data.sha)

    // A commit with no identity: the token's bot, signed, and git's id for that text.
    const message = 'chore: update digests\n\nGenerated-by: image-digest-updater\n'
    const commit = await octokit.rest.git.createCommit({
      ...repoId,
      message,
      tree: tree.data.sha,
      parents: [baseSha]
    })
    expect(commit.status).toBe(201)
    expect(commit.data).toMatchObject({
      message,
      tree: { sha: tree.data.sha },
      parents: [{ sha: baseSha }],
      author: { name: BOT_NAME, email: BOT_EMAIL, date: '2026-11-24T06:00:00Z' },
      committer: { name: BOT_NAME, email: BOT_EMAIL },
      verification: { verified: true }
    })
    expect(
      gitCommit(tree.data.sha, [baseSha], message, commit.data.author, commit.data.committer)
    ).toBe(commit.data.sha)

    // With an explicit author: unsigned, the committer defaults to the author.
    const authored = await octokit.rest.git.createCommit({
      ...repoId,
      message: 'by hand',
      tree: tree.data.sha,
      parents: [baseSha],
      author: { name: 'Alice', email: 'alice@example.com', date: '2026-01-02T03:04:05Z' }
    })
    expect(authored.data.verification?.verified).toBe(false)
    const alice = { name: 'Alice', email: 'alice@example.com', date: '2026-01-02T03:04:05Z' }
    expect(gitCommit(tree.data.sha, [baseSha], 'by hand', alice, alice)).toBe(authored.data.sha)

    // Ref and pull.
    const ref = await octokit.rest.git.createRef({
      ...repoId,
      ref: 'refs/heads/image-digest-updater/main',
      sha: commit.data.sha
    })
    expect(ref.status).toBe(201)
    expect(fake.branchSha('image-digest-updater/main')).toBe(commit.data.sha)
    const pull = await octokit.rest.pulls.create({
      ...repoId,
      title: 'Update image digests',
      body: 'One image moved.',
      head: 'image-digest-updater/main',
      base: 'main',
      draft: true,
      maintainer_can_modify: false
    })
    expect(pull.status).toBe(201)
    expect(pull.data).toMatchObject({
      number: 1,
      state: 'open',
      draft: true,
      head: {
        ref: 'image-digest-updater/main',
        sha: commit.data.sha,
        label: `${OWNER}:image-digest-updater/main`
      },
      base: { ref: 'main', sha: baseSha },
      user: { login: BOT_NAME },
      commits: 1
    })
    expect(fake.readFile('image-digest-updater/main', '.github/containers.yml')).toBe(text)
    expect(fake.readFile('image-digest-updater/main', 'docs/guide.md')).toBeUndefined()
    expect(fake.branchCommits('image-digest-updater/main').map(c => c.sha)).toEqual([
      commit.data.sha,
      baseSha
    ])
    expect(fake.writeRequests().map(r => r.route)).toEqual([
      'POST /repos/{owner}/{repo}/git/blobs',
      'POST /repos/{owner}/{repo}/git/blobs',
      'POST /repos/{owner}/{repo}/git/trees',
      'POST /repos/{owner}/{repo}/git/commits',
      'POST /repos/{owner}/{repo}/git/commits',
      'POST /repos/{owner}/{repo}/git/refs',
      'POST /repos/{owner}/{repo}/pulls'
    ])
  })

  it('makes the commit() helper produce git ids and real parent chains', async () => {
    const first = fake.commit('main', { 'docs/guide.md': null, 'NEW.md': 'new\n' }, 'move docs', {
      author: 'Bob Builder <bob@example.com>'
    })
    const c = fake.getCommit(first)!
    expect(c.author).toEqual({
      name: 'Bob Builder',
      email: 'bob@example.com',
      date: '2026-11-24T06:00:00Z'
    })
    expect(c.verified).toBe(false)
    const rest: Record<string, string> = { ...INITIAL }
    delete rest['docs/guide.md']
    expect(c.tree).toBe(gitTree({ ...rest, 'NEW.md': 'new\n' }))
    const root = fake.getCommit(c.parents[0]!)!
    expect(gitCommit(root.tree, [], root.message, root.author, root.committer)).toBe(root.sha)
    expect(gitCommit(c.tree, [root.sha], 'move docs', c.author, c.committer)).toBe(first)
    expect(() => fake.commit('main', { 'missing.txt': null }, 'oops')).toThrow(/missing.txt/)
    expect(() => fake.commit('nope', {}, 'x')).toThrow(/no branch nope/)
  })
})

describe('GitHub behaviours the action must handle', () => {
  it('applies the pulls head filter only in owner:branch form', async () => {
    for (const branch of ['feature-a', 'feature-b']) {
      fake.createBranch(branch, 'main')
      fake.commit(branch, { [`${branch}.txt`]: branch }, `add ${branch}`)
      await octokit.rest.pulls.create({ ...repoId, title: branch, head: branch, base: 'main' })
    }
    const heads = async (params: Record<string, string>) =>
      (await octokit.rest.pulls.list({ ...repoId, ...params })).data.map(p => p.head.ref)

    // A bare branch name is ignored: every open pull comes back.
    expect(await heads({ head: 'feature-a' })).toEqual(['feature-b', 'feature-a'])
    expect(await heads({ head: `${OWNER}:feature-a` })).toEqual(['feature-a'])
    expect(await heads({ head: `${OWNER}:nothing` })).toEqual([])
    expect(await heads({ head: `someone-else:feature-a` })).toEqual([])
    expect(await heads({ base: 'develop' })).toEqual([])

    await octokit.rest.pulls.update({ ...repoId, pull_number: 1, state: 'closed' })
    expect(await heads({ head: `${OWNER}:feature-a` })).toEqual([])
    expect(await heads({ head: `${OWNER}:feature-a`, state: 'closed' })).toEqual(['feature-a'])
    expect(await heads({ state: 'all' })).toEqual(['feature-b', 'feature-a'])
    // The list is the simple shape: no `merged` field, as on GitHub.
    const listed = (await octokit.rest.pulls.list({ ...repoId, state: 'all' })).data[0]!
    expect('merged' in listed).toBe(false)
  })

  it('refuses a duplicate open pull and a pull with no commits', async () => {
    const sha = await commitOnBranch('main', { 'x.txt': 'x' }, 'x')
    await octokit.rest.git.createRef({ ...repoId, ref: 'refs/heads/update', sha })
    // `sha` is a child of main, but main has not moved: one commit ahead.
    await octokit.rest.pulls.create({ ...repoId, title: 'one', head: 'update', base: 'main' })
    const dup = await failure(
      octokit.rest.pulls.create({ ...repoId, title: 'two', head: `${OWNER}:update`, base: 'main' })
    )
    expect(dup.status).toBe(422)
    expect(dup.data.errors?.[0]?.message).toBe(`A pull request already exists for ${OWNER}:update.`)

    fake.createBranch('same', 'main')
    const empty = await failure(
      octokit.rest.pulls.create({ ...repoId, title: 'empty', head: 'same', base: 'main' })
    )
    expect(empty.status).toBe(422)
    expect(empty.data.errors?.[0]?.message).toBe('No commits between main and same')

    const missing = await failure(
      octokit.rest.pulls.create({ ...repoId, title: 'x', head: 'absent', base: 'main' })
    )
    expect(missing.data.errors?.[0]).toMatchObject({ field: 'head', code: 'invalid' })

    const existing = await failure(
      octokit.rest.git.createRef({ ...repoId, ref: 'refs/heads/update', sha })
    )
    expect(existing).toMatchObject({ status: 422, data: { message: 'Reference already exists' } })
    expect(fake.pulls()).toHaveLength(1)
  })

  it('refuses a non-fast-forward ref update unless force is the boolean true', async () => {
    const ours = await commitOnBranch('main', { 'ours.txt': 'ours' }, 'ours')
    await octokit.rest.git.createRef({ ...repoId, ref: 'refs/heads/bot', sha: ours })
    // Someone moves main: our commit and the new main have diverged.
    const moved = fake.commit('main', { 'theirs.txt': 'theirs' }, 'theirs')

    const rejected = await failure(
      octokit.rest.git.updateRef({ ...repoId, ref: 'heads/bot', sha: moved })
    )
    expect(rejected).toMatchObject({
      status: 422,
      data: { message: 'Update is not a fast forward' }
    })
    const stringForce = await failure(
      octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
        ...repoId,
        ref: 'heads/bot',
        sha: moved,
        // A string, as `gh api -F force=true` can send: GitHub's schema refuses it.
        force: 'true' as unknown as boolean
      })
    )
    expect(stringForce.status).toBe(422)
    expect(fake.branchSha('bot')).toBe(ours)

    await octokit.rest.git.updateRef({ ...repoId, ref: 'heads/bot', sha: moved, force: true })
    expect(fake.branchSha('bot')).toBe(moved)

    // A fast-forward needs no force.
    const next = await commitOnBranch('bot', { 'next.txt': 'next' }, 'next')
    await octokit.rest.git.updateRef({ ...repoId, ref: 'heads/bot', sha: next })
    expect(fake.branchSha('bot')).toBe(next)

    await octokit.rest.git.deleteRef({ ...repoId, ref: 'heads/bot' })
    expect(fake.branchSha('bot')).toBeUndefined()
    const gone = await failure(octokit.rest.git.getRef({ ...repoId, ref: 'heads/bot' }))
    expect(gone.status).toBe(404)
  })

  it('refuses to move a branch onto workflow changes without the workflows permission', async () => {
    const workflow = '.github/workflows/build.yml'
    const changed = await commitOnBranch('main', { [workflow]: 'on: push\n' }, 'add a workflow')
    // The objects are accepted; only moving a ref onto them is refused, for create and update.
    const refusal = `refusing to allow a GitHub App to create or update workflow \`${workflow}\` without \`workflows\` permission`
    const created = await failure(
      octokit.rest.git.createRef({ ...repoId, ref: 'refs/heads/bot', sha: changed })
    )
    expect(created).toMatchObject({ status: 422, data: { message: refusal } })
    expect(fake.branchSha('bot')).toBeUndefined()
    const updated = await failure(
      octokit.rest.git.updateRef({ ...repoId, ref: 'heads/main', sha: changed })
    )
    expect(updated).toMatchObject({ status: 422, data: { message: refusal } })

    // Commits that leave workflows alone go through, even on top of a workflow someone pushed.
    fake.commit('main', { [workflow]: 'on: push\n' }, 'a maintainer adds the workflow')
    const docs = await commitOnBranch('main', { 'docs/guide.md': 'v2\n' }, 'docs')
    await octokit.rest.git.createRef({ ...repoId, ref: 'refs/heads/docs', sha: docs })
    expect(fake.branchSha('docs')).toBe(docs)

    // A token with the permission may, and the mode of a helper-written file is kept.
    const withWorkflows = getOctokit(fake.workflowsToken, { baseUrl: fake.url })
    const edit = await commitOnBranch('main', { [workflow]: 'on: [push]\n' }, 'edit')
    await withWorkflows.rest.git.createRef({ ...repoId, ref: 'refs/heads/bot', sha: edit })
    expect(fake.readFile('bot', workflow)).toBe('on: [push]\n')
    fake.commit('main', { 'run.sh': { content: '#!/bin/sh\n', mode: '100755' } }, 'script')
    expect(fake.fileMode('main', 'run.sh')).toBe('100755')
    expect(fake.fileMode('main', 'README.md')).toBe('100644')
  })

  it('injects failures for the next requests without applying them', async () => {
    const main = fake.branchSha('main')!
    fake.failNext(1, {
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit' }
    })
    const limited = await failure(
      octokit.rest.git.createRef({ ...repoId, ref: 'refs/heads/x', sha: main })
    )
    expect(limited.status).toBe(403)
    expect(limited.message).toMatch(/secondary rate limit/)
    expect(limited.headers['retry-after']).toBe('1')
    expect(limited.headers['x-ratelimit-remaining']).toBeDefined()
    expect(fake.branchSha('x')).toBeUndefined()
    await octokit.rest.git.createRef({ ...repoId, ref: 'refs/heads/x', sha: main })
    expect(fake.branchSha('x')).toBe(main)

    // 429 twice, only for pull creation; other requests pass untouched.
    fake.failNext(2, { status: 429, match: { method: 'POST', path: /\/pulls$/ } })
    fake.commit('x', { 'y.txt': 'y' }, 'y')
    const create = () =>
      octokit.rest.pulls.create({ ...repoId, title: 't', head: 'x', base: 'main' })
    await octokit.rest.repos.get(repoId)
    expect((await failure(create())).status).toBe(429)
    expect((await failure(create())).headers['retry-after']).toBe('1')
    expect((await create()).status).toBe(201)

    fake.failNext(1, { status: 500 })
    expect((await failure(octokit.rest.repos.get(repoId))).status).toBe(500)

    expect(fake.requests.filter(r => r.injected).map(r => r.status)).toEqual([403, 429, 429, 500])
  })

  it('answers 401 Bad credentials to a wrong or missing token', async () => {
    const wrong = getOctokit('ghs_wrong', { baseUrl: fake.url })
    const bad = await failure(wrong.rest.repos.get(repoId))
    expect(bad).toMatchObject({ status: 401, data: { message: 'Bad credentials' } })

    const anonymous = await fetch(`${fake.url}/repos/${OWNER}/${REPO}`)
    expect(anonymous.status).toBe(401)
    const bearer = await fetch(`${fake.url}/repos/${OWNER}/${REPO}`, {
      headers: { authorization: `Bearer ${fake.token}` }
    })
    expect(await bearer.json()).toMatchObject({
      default_branch: 'main',
      full_name: `${OWNER}/${REPO}`,
      owner: { login: OWNER }
    })
    expect(fake.requests.map(r => r.status)).toEqual([401, 401, 200])
  })

  it('refuses pull and comment bodies over 65536 characters', async () => {
    fake.createBranch('long', 'main')
    fake.commit('long', { 'l.txt': 'l' }, 'l')
    const tooLong = await failure(
      octokit.rest.pulls.create({
        ...repoId,
        title: 't',
        head: 'long',
        base: 'main',
        body: 'x'.repeat(65537)
      })
    )
    expect(tooLong.status).toBe(422)
    expect(tooLong.data.errors?.[0]).toMatchObject({
      field: 'body',
      message: 'body is too long (maximum is 65536 characters)'
    })
    // Characters, not UTF-16 units: 65536 astral characters fit.
    const pull = await octokit.rest.pulls.create({
      ...repoId,
      title: 't',
      head: 'long',
      base: 'main',
      body: '😀'.repeat(65536)
    })
    expect(pull.status).toBe(201)
    const update = await failure(
      octokit.rest.pulls.update({
        ...repoId,
        pull_number: pull.data.number,
        body: 'y'.repeat(65537)
      })
    )
    expect(update.status).toBe(422)
    const comment = await failure(
      octokit.rest.issues.createComment({ ...repoId, issue_number: 1, body: 'z'.repeat(65537) })
    )
    expect(comment.status).toBe(422)
    expect(fake.pulls()[0]!.body).toBe('😀'.repeat(65536))
  })

  it('compares branches and lists history like GitHub', async () => {
    const base0 = fake.branchSha('main')!
    fake.createBranch('topic', 'main')
    const t1 = fake.commit('topic', { 'a.txt': 'a' }, 't1')
    const t2 = fake.commit('topic', { 'README.md': 'changed\n', 'docs/guide.md': null }, 't2')
    const compare = (basehead: string) =>
      octokit.rest.repos.compareCommitsWithBasehead({ ...repoId, basehead })

    const ahead = (await compare(`main...topic`)).data
    expect(ahead).toMatchObject({ status: 'ahead', ahead_by: 2, behind_by: 0 })
    expect(ahead.commits.map(c => c.sha)).toEqual([t1, t2])
    expect(ahead.files?.map(f => [f.filename, f.status])).toEqual([
      ['README.md', 'modified'],
      ['a.txt', 'added'],
      ['docs/guide.md', 'removed']
    ])
    expect((await compare(`${t2}...${base0}`)).data).toMatchObject({
      status: 'behind',
      behind_by: 2
    })
    expect((await compare(`main...${OWNER}:main`)).data).toMatchObject({ status: 'identical' })
    const m1 = fake.commit('main', { 'm.txt': 'm' }, 'm1')
    const diverged = (await compare(`main...topic`)).data
    expect(diverged).toMatchObject({ status: 'diverged', ahead_by: 2, behind_by: 1 })
    expect(diverged.merge_base_commit.sha).toBe(base0)
    // Three-dot: files are against the merge base, so main's m.txt is not among them.
    expect(diverged.files?.map(f => f.filename)).not.toContain('m.txt')

    const history = await octokit.rest.repos.listCommits({ ...repoId, sha: 'topic', per_page: 2 })
    expect(history.data.map(c => c.sha)).toEqual([t2, t1])
    expect(history.headers.link).toMatch(/rel="next"/)
    const all = await octokit.paginate(octokit.rest.repos.listCommits, {
      ...repoId,
      sha: 'topic',
      per_page: 1
    })
    expect(all.map(c => c.sha)).toEqual([t2, t1, base0])
    expect((await octokit.rest.repos.listCommits(repoId)).data.map(c => c.sha)).toEqual([m1, base0])
  })

  it('serves contents and blobs as GitHub does, large files without inline content', async () => {
    const { data } = await octokit.rest.repos.getContent({
      ...repoId,
      path: '.github/containers.yml',
      ref: 'main'
    })
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file')
    expect(data.encoding).toBe('base64')
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe(
      INITIAL['.github/containers.yml']
    )
    expect(data.sha).toBe(git(['hash-object', '--stdin'], INITIAL['.github/containers.yml']))
    const missing = await failure(
      octokit.rest.repos.getContent({ ...repoId, path: 'nope.yml', ref: 'main' })
    )
    expect(missing.status).toBe(404)
    const dir = (await octokit.rest.repos.getContent({ ...repoId, path: '.github' })).data
    expect(Array.isArray(dir) && dir.map(e => [e.name, e.type])).toEqual([
      ['containers.yml', 'file']
    ])

    const big = 'a'.repeat(1024 * 1024 + 1)
    const sha = fake.commit('main', { 'big.txt': big }, 'big')
    const large = (await octokit.rest.repos.getContent({ ...repoId, path: 'big.txt', ref: sha }))
      .data as { content: string; encoding: string; sha: string }
    expect(large).toMatchObject({ content: '', encoding: 'none' })
    const blob = await octokit.rest.git.getBlob({ ...repoId, file_sha: large.sha })
    expect(Buffer.from(blob.data.content, 'base64').toString('utf8')).toBe(big)
  })

  it('records labels, assignees, reviewers and comments on the pull', async () => {
    fake.createBranch('extras', 'main')
    fake.commit('extras', { 'e.txt': 'e' }, 'e')
    const { data: pull } = await octokit.rest.pulls.create({
      ...repoId,
      title: 'extras',
      head: 'extras',
      base: 'main'
    })
    const n = pull.number
    const labels = await octokit.rest.issues.addLabels({
      ...repoId,
      issue_number: n,
      labels: ['dependencies', 'docker', 'dependencies']
    })
    expect(labels.data.map(l => l.name)).toEqual(['dependencies', 'docker'])
    await octokit.rest.issues.addAssignees({
      ...repoId,
      issue_number: n,
      assignees: ['alice', 'mallory']
    })
    await octokit.rest.pulls.requestReviewers({
      ...repoId,
      pull_number: n,
      reviewers: ['bob'],
      team_reviewers: ['platform']
    })
    const outsider = await failure(
      octokit.rest.pulls.requestReviewers({ ...repoId, pull_number: n, reviewers: ['mallory'] })
    )
    expect(outsider.status).toBe(422)
    expect(outsider.message).toMatch(/not a collaborator/)
    await octokit.rest.issues.createComment({ ...repoId, issue_number: n, body: 'Closing soon.' })
    const comments = await octokit.rest.issues.listComments({ ...repoId, issue_number: n })
    expect(comments.data.map(c => c.body)).toEqual(['Closing soon.'])

    expect(fake.pulls()).toEqual([
      expect.objectContaining({
        number: n,
        labels: ['dependencies', 'docker'],
        // mallory is not a collaborator: GitHub drops her silently.
        assignees: ['alice'],
        requestedReviewers: ['bob'],
        requestedTeams: ['platform'],
        comments: [expect.objectContaining({ body: 'Closing soon.', user: BOT_NAME })]
      })
    ])
    const fetched = (await octokit.rest.pulls.get({ ...repoId, pull_number: n })).data
    expect(fetched.labels.map(l => l.name)).toEqual(['dependencies', 'docker'])
    expect(fetched.requested_reviewers?.map(u => u.login)).toEqual(['bob'])
  })

  it('closes a pull whose head is deleted and merges one whose head reaches the base', async () => {
    for (const branch of ['gone', 'landed']) {
      fake.createBranch(branch, 'main')
      fake.commit(branch, { [branch]: branch }, branch)
      await octokit.rest.pulls.create({ ...repoId, title: branch, head: branch, base: 'main' })
    }
    // The head follows force pushes while the pull is open.
    const rewritten = fake.commit('gone', { again: 'again' }, 'again')
    expect((await octokit.rest.pulls.get({ ...repoId, pull_number: 1 })).data.head.sha).toBe(
      rewritten
    )

    await octokit.rest.git.deleteRef({ ...repoId, ref: 'heads/gone' })
    fake.setBranch('main', fake.branchSha('landed')!)
    const [gone, landed] = fake.pulls()
    expect(gone).toMatchObject({ state: 'closed', merged: false, head: { sha: rewritten } })
    expect(landed).toMatchObject({ state: 'closed', merged: true })
    const reopen = await failure(
      octokit.rest.pulls.update({ ...repoId, pull_number: 1, state: 'open' })
    )
    expect(reopen.status).toBe(422)
  })

  it('answers unknown routes and other repositories with 404, and records them', async () => {
    const unknown = await failure(octokit.request('GET /repos/{owner}/{repo}/nothing-here', repoId))
    expect(unknown).toMatchObject({ status: 404, data: { message: 'Not Found' } })
    const other = await failure(octokit.rest.repos.get({ owner: OWNER, repo: 'other' }))
    expect(other.status).toBe(404)
    expect(fake.requests.map(r => [r.method, r.path, r.status, r.route])).toEqual([
      ['GET', `/repos/${OWNER}/${REPO}/nothing-here`, 404, undefined],
      ['GET', `/repos/${OWNER}/other`, 404, undefined]
    ])
    fake.clearRequests()
    expect(fake.requests).toEqual([])
  })
})

describe('the route table', () => {
  const state = new RepositoryState({ owner: OWNER, repo: REPO, files: {} })
  const handler: Handler = () => ({ status: 200 })
  const other: Handler = () => ({ status: 201 })
  const router = new Router([
    {
      'GET /repos/{owner}/{repo}{/}': handler,
      'GET /repos/{owner}/{repo}/pulls/{number}': handler,
      'GET /repos/{owner}/{repo}/git/ref/{+ref}': handler
    },
    { 'GET /repos/{owner}/{repo}/pulls/{number}': other, 'POST /graphql': other }
  ])
  const match = (method: string, path: string) => {
    const found = router.match(state, method, path.split('/'))
    return (
      found && { template: found.template, params: found.params, first: found.handler === handler }
    )
  }

  it('binds {name} to one segment and {+name} to the rest of the path, slashes and all', () => {
    expect(match('GET', `/repos/${OWNER}/${REPO}/pulls/7`)).toEqual({
      template: 'GET /repos/{owner}/{repo}/pulls/{number}',
      params: { owner: OWNER, repo: REPO, number: '7' },
      first: true
    })
    expect(match('GET', `/repos/${OWNER}/${REPO}/pulls/7/files`)).toBeUndefined()
    expect(match('GET', `/repos/${OWNER}/${REPO}/pulls/`)).toBeUndefined()
    expect(match('GET', `/repos/${OWNER}/${REPO}/git/ref/heads/feature/x`)).toMatchObject({
      template: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
      params: { ref: 'heads/feature/x' }
    })
    expect(match('GET', `/repos/${OWNER}/${REPO}/git/ref/`)).toBeUndefined()
  })

  it('takes a trailing slash only where the pattern ends in {/}', () => {
    expect(match('GET', `/repos/${OWNER}/${REPO}/`)?.template).toBe('GET /repos/{owner}/{repo}')
    expect(match('GET', `/repos/${OWNER}/${REPO}`)?.template).toBe('GET /repos/{owner}/{repo}')
    expect(match('GET', `/repos/${OWNER}/${REPO}//`)).toBeUndefined()
    expect(match('GET', `/repos/${OWNER}/${REPO}/pulls/7/`)).toBeUndefined()
  })

  it('matches {owner} and {repo} only to the fake repository, in any case', () => {
    expect(match('GET', `/repos/${OWNER.toUpperCase()}/${REPO}/pulls/1`)?.first).toBe(true)
    expect(match('GET', `/repos/someone/${REPO}/pulls/1`)).toBeUndefined()
    expect(match('GET', `/repos/${OWNER}/other/git/ref/heads/main`)).toBeUndefined()
  })

  it('serves HEAD as GET, tries tables in order and matches paths outside the repository', () => {
    expect(match('HEAD', `/repos/${OWNER}/${REPO}/pulls/1`)?.first).toBe(true)
    expect(match('POST', `/repos/${OWNER}/${REPO}/pulls/1`)).toBeUndefined()
    expect(match('POST', '/graphql')).toEqual({
      template: 'POST /graphql',
      params: {},
      first: false
    })
  })
})
