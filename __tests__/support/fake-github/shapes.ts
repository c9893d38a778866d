/**
 * The JSON GitHub answers with, for the objects more than one API area shows: users, the
 * repository, refs, commits (git and API forms), tree entries and changed files; and its
 * pagination and raw-media conventions.
 */
import type { FileChange, Person, StoredCommit, TreeEntry } from './git-store.js'
import type { Context, Reply } from './router.js'
import { BOT, isoDate, type RepositoryState } from './state.js'

export function userJson(state: RepositoryState, login: string) {
  const bot = login.endsWith('[bot]')
  return {
    login,
    id: bot ? BOT.id : 1,
    node_id: '',
    type: bot ? 'Bot' : login === state.owner ? 'Organization' : 'User',
    site_admin: false,
    url: `${state.baseUrl}/users/${encodeURIComponent(login)}`,
    html_url: `${state.baseUrl}/${encodeURIComponent(login)}`,
    avatar_url: ''
  }
}

export function repoJson(state: RepositoryState) {
  return {
    id: 1,
    node_id: '',
    name: state.repo,
    full_name: `${state.owner}/${state.repo}`,
    owner: userJson(state, state.owner),
    private: false,
    fork: false,
    visibility: 'public',
    description: null,
    url: state.repoUrl,
    html_url: state.htmlUrl,
    default_branch: state.defaultBranch,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_merge_commit: true,
    allow_squash_merge: true,
    allow_rebase_merge: true,
    allow_auto_merge: state.allowAutoMerge,
    delete_branch_on_merge: false
  }
}

export function refJson(state: RepositoryState, full: string, sha: string) {
  return {
    ref: full,
    node_id: '',
    url: `${state.repoUrl}/git/${full}`,
    object: {
      sha,
      type: state.git.typeOf(sha) ?? 'commit',
      url: `${state.repoUrl}/git/commits/${sha}`
    }
  }
}

export const personJson = (p: Person) => ({
  name: p.name,
  email: p.email,
  date: isoDate(p.seconds)
})

function verificationJson(c: StoredCommit) {
  return c.verified
    ? {
        verified: true,
        reason: 'valid',
        signature: '-----BEGIN PGP SIGNATURE-----\n\n(fake)\n-----END PGP SIGNATURE-----\n',
        payload: c.text,
        verified_at: isoDate(c.committer.seconds)
      }
    : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
}

/** A parent as either commit shape lists it: `api` is git/commits or commits. */
function parentJson(state: RepositoryState, sha: string, api: string) {
  return { sha, url: `${state.repoUrl}/${api}/${sha}`, html_url: `${state.htmlUrl}/commit/${sha}` }
}

/** What both commit shapes say of the git commit itself, in GitHub's key order. */
function commitFields(state: RepositoryState, c: StoredCommit) {
  return {
    author: personJson(c.author),
    committer: personJson(c.committer),
    message: c.message,
    tree: { sha: c.tree, url: `${state.repoUrl}/git/trees/${c.tree}` }
  }
}

/** The git database's shape (GET/POST git/commits). */
export function gitCommitJson(state: RepositoryState, c: StoredCommit) {
  return {
    sha: c.sha,
    node_id: '',
    url: `${state.repoUrl}/git/commits/${c.sha}`,
    html_url: `${state.htmlUrl}/commit/${c.sha}`,
    ...commitFields(state, c),
    parents: c.parents.map(p => parentJson(state, p, 'git/commits')),
    verification: verificationJson(c)
  }
}

/** The shape of GET commits and compare: the git commit nested under `commit`. */
export function commitJson(state: RepositoryState, c: StoredCommit) {
  // GitHub links a commit to the account whose address it carries; the fake knows only
  // noreply addresses (`login@…` or `id+login@users.noreply.github.com`).
  const account = (p: Person) => {
    if (p.email === BOT.email) return userJson(state, BOT.login)
    const login = /^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$/.exec(p.email)?.[1]
    return login ? userJson(state, login) : null
  }
  return {
    sha: c.sha,
    node_id: '',
    url: `${state.repoUrl}/commits/${c.sha}`,
    html_url: `${state.htmlUrl}/commit/${c.sha}`,
    comments_url: `${state.repoUrl}/commits/${c.sha}/comments`,
    commit: {
      url: `${state.repoUrl}/git/commits/${c.sha}`,
      ...commitFields(state, c),
      comment_count: 0,
      verification: verificationJson(c)
    },
    author: account(c.author),
    committer: account(c.committer),
    parents: c.parents.map(p => parentJson(state, p, 'commits'))
  }
}

/** An entry of a tree listing (GET and POST git/trees), at `path`. */
export function treeEntryJson(state: RepositoryState, path: string, e: TreeEntry) {
  return {
    path,
    mode: e.mode,
    type: e.type,
    sha: e.sha,
    ...(e.type === 'blob' ? { size: state.git.blobs.get(e.sha)!.length } : {}),
    url: `${state.repoUrl}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`
  }
}

/** The `files` of a commit or a comparison. */
export function filesJson(state: RepositoryState, changes: FileChange[]) {
  return changes.map(f => ({
    ...f,
    blob_url: `${state.htmlUrl}/blob/${f.sha}/${f.filename}`,
    raw_url: `${state.htmlUrl}/raw/${f.sha}/${f.filename}`,
    contents_url: `${state.repoUrl}/contents/${f.filename}`
  }))
}

export function base64Lines(buffer: Buffer): string {
  // GitHub wraps base64 at 60 characters with a trailing newline, like Ruby's Base64.encode64.
  const flat = buffer.toString('base64')
  if (flat === '') return ''
  return `${flat.match(/.{1,60}/g)!.join('\n')}\n`
}

export const wantsRaw = (ctx: Context) => /application\/vnd\.github(\.v3)?\.raw/.test(ctx.accept)

/** One page of a list, with GitHub's `link` header for the others. */
export function paginate<T>(ctx: Context, items: T[], perPageDefault = 30): Reply {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.per_page) || perPageDefault))
  const page = Math.max(1, Number(ctx.query.page) || 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const link = (n: number, rel: string) => {
    const url = new URL(ctx.state.baseUrl + ctx.pathname)
    for (const [k, v] of Object.entries({ ...ctx.query, page: String(n) }))
      url.searchParams.set(k, v)
    return `<${url.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'))
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {}
  }
}
