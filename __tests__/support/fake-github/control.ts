/**
 * The test-facing side of the fake: pushes, branch moves and reads that bypass HTTP, snapshots
 * of pulls and commits, and the switches for failures and truncated trees.
 */
import type { Person, StoredCommit } from './git-store.js'
import type { FailureQueue } from './faults.js'
import type { RunningServer } from './server.js'
import { personJson } from './shapes.js'
import { BOT, lower, pullNodeId, type RepositoryState } from './state.js'
import { editTree, place, writeTree } from './tree-edit.js'
import type { FakeCommit, FakeFile, FakeGitHub } from './types.js'

/** Commits files (null deletes) on top of parent, as a push would; returns the commit sha. */
export function pushCommit(
  state: RepositoryState,
  parent: string | undefined,
  files: Record<string, FakeFile | null>,
  message: string,
  author?: string,
  asToken = false
): string {
  const { git } = state
  const root = editTree(parent ? git.commits.get(parent)!.tree : undefined)
  for (const [path, content] of Object.entries(files)) {
    try {
      place(
        git,
        root,
        path,
        content === null
          ? null
          : {
              kind: 'leaf',
              mode: typeof content === 'string' ? '100644' : content.mode,
              type: 'blob',
              sha: git.putBlob(
                Buffer.from(typeof content === 'string' ? content : content.content, 'utf8')
              )
            }
      )
    } catch (error) {
      throw new Error(
        `fake-github: cannot ${content === null ? 'delete' : 'write'} ${path}: ${(error as Error).message}`,
        { cause: error }
      )
    }
  }
  const who = asToken ? BOT : parseAuthor(state, author)
  const person: Person = { name: who.name, email: who.email, seconds: state.seconds(), tz: '+0000' }
  return git.putCommit({
    tree: writeTree(git, root),
    parents: parent ? [parent] : [],
    author: person,
    committer: person,
    message,
    verified: asToken
  })
}

/** 'Name <email>' or a bare name (a noreply address); default the repository owner. */
function parseAuthor(
  state: RepositoryState,
  author: string | undefined
): { name: string; email: string } {
  const text = author ?? `${state.owner} <${state.owner}@users.noreply.github.com>`
  const m = /^(.*?)\s*<([^>]*)>$/.exec(text)
  if (m) return { name: m[1]!, email: m[2]! }
  return { name: text, email: `${text}@users.noreply.github.com` }
}

function publicCommit(c: StoredCommit): FakeCommit {
  return {
    sha: c.sha,
    tree: c.tree,
    parents: [...c.parents],
    message: c.message,
    author: personJson(c.author),
    committer: personJson(c.committer),
    verified: c.verified
  }
}

/** One method per FakeGitHub member: long only because that interface is, each method short. */
export function controlApi(
  state: RepositoryState,
  server: RunningServer,
  failures: FailureQueue
): FakeGitHub {
  const { git, refs } = state
  const { requests } = server
  const heads = (name: string) => `refs/heads/${name}`

  function requireCommit(ref: string): string {
    const sha = state.resolveCommit(ref)
    if (!sha) throw new Error(`fake-github: no branch or commit ${ref}`)
    return sha
  }

  function requireBranch(name: string): string {
    const sha = state.branchSha(name)
    if (!sha) throw new Error(`fake-github: no branch ${name}`)
    return sha
  }

  return {
    url: state.baseUrl,
    owner: state.owner,
    repo: state.repo,
    defaultBranch: state.defaultBranch,
    token: state.token,
    workflowsToken: state.workflowsToken,
    requests,
    writeRequests: () => requests.filter(r => r.method !== 'GET' && r.method !== 'HEAD'),
    clearRequests: () => {
      requests.length = 0
    },
    commit(branch, files, message, commitOptions) {
      const parent = requireBranch(branch)
      const sha = pushCommit(
        state,
        parent,
        files,
        message,
        commitOptions?.author,
        commitOptions?.asToken
      )
      state.setRef(heads(branch), sha)
      return sha
    },
    createBranch(name, from) {
      if (refs.has(heads(name))) throw new Error(`fake-github: branch ${name} exists`)
      state.setRef(heads(name), requireCommit(from))
    },
    setBranch(name, sha) {
      state.setRef(heads(name), requireCommit(sha))
    },
    deleteBranch(name) {
      requireBranch(name)
      state.setRef(heads(name), undefined)
    },
    readFile(ref, path) {
      const sha = state.resolveCommit(ref)
      if (!sha) return undefined
      const entry = git.lookup(git.commits.get(sha)!.tree, path)
      return entry?.type === 'blob' ? git.blobs.get(entry.sha)!.toString('utf8') : undefined
    },
    readTree(ref) {
      const sha = requireCommit(ref)
      const out: Record<string, string> = {}
      for (const [path, e] of git.flatten(git.commits.get(sha)!.tree))
        if (e.type === 'blob') out[path] = git.blobs.get(e.sha)!.toString('utf8')
      return out
    },
    fileMode(ref, path) {
      const sha = state.resolveCommit(ref)
      return sha ? git.lookup(git.commits.get(sha)!.tree, path)?.mode : undefined
    },
    branchSha: name => state.branchSha(name),
    branchCommits: name => git.history(requireBranch(name)).map(publicCommit),
    getCommit(sha) {
      const c = git.commits.get(sha)
      return c ? publicCommit(c) : undefined
    },
    pulls: () =>
      [...state.pulls.values()]
        .sort((a, b) => a.number - b.number)
        .map(p => ({
          number: p.number,
          state: p.state,
          merged: p.merged,
          draft: p.draft,
          title: p.title,
          body: p.body,
          head: { ...p.head },
          base: { ref: p.base.ref, sha: state.branchSha(p.base.ref) },
          labels: [...p.labels],
          assignees: [...p.assignees],
          requestedReviewers: [...p.requestedReviewers],
          requestedTeams: [...p.requestedTeams],
          comments: p.comments.map(c => ({ id: c.id, body: c.body, user: c.user })),
          maintainerCanModify: p.maintainerCanModify,
          user: p.user,
          nodeId: pullNodeId(p),
          autoMerge: p.autoMerge ? { ...p.autoMerge } : null
        })),
    truncateTrees(on) {
      state.truncating = on
    },
    addPackageVersion(v) {
      const key = `${v.ownerKind === 'org' ? 'orgs' : 'users'}/${lower(v.owner)}`
      const owned = state.packages.get(key) ?? new Map()
      state.packages.set(key, owned)
      const list = owned.get(v.name) ?? []
      owned.set(v.name, list)
      list.unshift({
        id: state.nextId++,
        name: v.digest,
        createdAt: v.createdAt,
        updatedAt: v.updatedAt ?? v.createdAt,
        tags: [...(v.tags ?? [])]
      })
    },
    setAllowAutoMerge(on) {
      state.allowAutoMerge = on
    },
    graphqlCalls: () => state.graphqlCalls.map(c => ({ ...c, errors: [...c.errors] })),
    failNext(count, failure = {}) {
      failures.add(count, failure)
    },
    stop: server.stop
  }
}
