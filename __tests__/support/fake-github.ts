/**
 * A stateful, in-process fake of the GitHub REST API for one repository, reached through
 * GITHUB_API_URL the way GitHub Enterprise Server is. github.com is out of reach in tests, and a
 * mock that answers canned JSON would happily accept a tree or commit GitHub would never build,
 * so this keeps a real git object store: blob, tree and commit ids are the SHA-1s git computes.
 *
 * Behaviour copied from GitHub because the action has to cope with it:
 * - `GET pulls?head=` filters only in the `owner:branch` form; a bare branch is ignored.
 * - `PATCH git/refs` refuses a non-fast-forward move unless `force` is the boolean true.
 * - `POST pulls` refuses a duplicate open pull and a head with no commits beyond its base.
 * - pull and comment bodies over 65536 characters are refused with 422.
 * - a commit created without author/committer gets the token's bot identity and is "verified"
 *   (GitHub signs it); with an explicit author it is unsigned. The fake adds no gpgsig header,
 *   so its ids are what `git commit-tree` makes, not what a signed GitHub commit would be.
 * - deleting a pull's head or base branch closes it; moving the base onto the head marks it
 *   merged.
 * - the contents API leaves files over 1 MB with empty content and encoding "none".
 * - a token without the `workflows` permission (GITHUB_TOKEN can never have it) may not move
 *   a branch onto commits that add, change or delete anything under `.github/workflows/`:
 *   creating or updating the ref is refused with 422 and the message git pushes get,
 *   "refusing to allow a GitHub App to create or update workflow `<path>` without
 *   `workflows` permission". The commit and tree themselves are accepted, as on GitHub.
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A file's content, or its content and git mode (`100755` for an executable). */
export type FakeFile = string | { content: string; mode: string }

export interface FakeGitHubOptions {
  owner: string
  repo: string
  /** Defaults to 'main'. */
  defaultBranch?: string
  /** Initial content of the default branch, committed as one root commit. */
  files: Record<string, FakeFile>
  /**
   * The token every request must carry (`token <t>` or `Bearer <t>`); default 'ghs_test_token'.
   * Like GITHUB_TOKEN it lacks the `workflows` permission.
   */
  token?: string
  /**
   * A second token accepted alongside `token` that has the `workflows` permission, like a
   * fine-grained personal access token with "Workflows: write"; default 'github_pat_workflows'.
   */
  workflowsToken?: string
  /**
   * Logins that may be requested as reviewers or assigned. Omitted: anyone. Like GitHub, a
   * reviewer outside the list is a 422 and an assignee outside it is silently dropped.
   */
  collaborators?: string[]
  /** Team slugs that may be requested as reviewers. Omitted: any. */
  teams?: string[]
  /** Clock for commit and pull timestamps; default the real time. */
  now?: () => Date
}

export interface RecordedRequest {
  method: string
  /** Percent-decoded path without the query, e.g. /repos/o/r/git/ref/heads/main. */
  path: string
  query: Record<string, string>
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown
  status: number
  /** Octokit-style route, e.g. 'GET /repos/{owner}/{repo}/git/ref/{ref}'; undefined when unknown. */
  route?: string
  /** True when failNext produced the response. */
  injected?: boolean
}

export interface FailureSpec {
  /** Default 403. */
  status?: number
  /** Merged over the usual headers; 403 and 429 default to `retry-after: 1`. */
  headers?: Record<string, string>
  /** Default: GitHub's message for the status (secondary rate limit for 403 and 429). */
  body?: unknown
  /** Only requests matching this consume the failure; others pass through untouched. */
  match?: { method?: string; path?: string | RegExp }
}

export interface FakePerson {
  name: string
  email: string
  /** ISO 8601 in UTC, as GitHub shows it. */
  date: string
}

export interface FakeCommit {
  sha: string
  tree: string
  parents: string[]
  message: string
  author: FakePerson
  committer: FakePerson
  verified: boolean
}

export interface FakeComment {
  id: number
  body: string
  user: string
}

export interface FakePull {
  number: number
  state: 'open' | 'closed'
  merged: boolean
  draft: boolean
  title: string
  body: string | null
  /** head.sha follows the branch while the pull is open, then keeps its last value. */
  head: { ref: string; sha: string }
  /** base.sha is the base branch's current head. */
  base: { ref: string; sha: string | undefined }
  labels: string[]
  assignees: string[]
  requestedReviewers: string[]
  requestedTeams: string[]
  comments: FakeComment[]
  maintainerCanModify: boolean
  /** Login that opened the pull: the token's bot identity. */
  user: string
}

export interface FakeGitHub {
  /** Base URL to use as GITHUB_API_URL or Octokit's baseUrl, e.g. http://127.0.0.1:40123. */
  url: string
  owner: string
  repo: string
  defaultBranch: string
  token: string
  /** The token that may change `.github/workflows/`. */
  workflowsToken: string
  /** Every request, in arrival order, unknown routes and failures included. Live array. */
  requests: RecordedRequest[]
  /** Requests other than GET and HEAD. */
  writeRequests(): RecordedRequest[]
  clearRequests(): void
  /**
   * Simulates a push of one commit on top of `branch`: null deletes a path, `{content, mode}`
   * sets a mode such as 100755. The author is 'Name <email>' or a bare name; default the
   * repository owner. `asToken` makes it as POST git/commits without an identity does: by the
   * token's bot, signed. Returns the commit sha.
   */
  commit(
    branch: string,
    files: Record<string, FakeFile | null>,
    message: string,
    options?: { author?: string; asToken?: boolean }
  ): string
  /** Creates a branch at a commit sha (or at another branch's head). */
  createBranch(name: string, from: string): void
  /** Moves (or creates) a branch like a force push. */
  setBranch(name: string, sha: string): void
  deleteBranch(name: string): void
  /** UTF-8 content of a file at a branch, full ref or commit sha; undefined when absent. */
  readFile(ref: string, path: string): string | undefined
  /** Every file at a branch, full ref or commit sha, path → UTF-8 content. */
  readTree(ref: string): Record<string, string>
  /** The git mode of a file at a branch, full ref or commit sha (`100644`, `100755`, …). */
  fileMode(ref: string, path: string): string | undefined
  branchSha(name: string): string | undefined
  /** The branch's history, newest first. */
  branchCommits(name: string): FakeCommit[]
  getCommit(sha: string): FakeCommit | undefined
  /** Snapshots of every pull, open and closed, by number. */
  pulls(): FakePull[]
  /** The next `count` matching requests (after authentication) get this failure instead. */
  failNext(count: number, failure?: FailureSpec): void
  /**
   * While on, recursive tree listings answer as GitHub does for a huge tree: the top level
   * only, with `truncated: true`.
   */
  truncateTrees(on: boolean): void
  stop(): Promise<void>
}

// ---------------------------------------------------------------------------------------------
// Git objects

type ObjectType = 'blob' | 'tree' | 'commit'

interface Person {
  name: string
  email: string
  seconds: number
  /** git's zone, e.g. +0000. */
  tz: string
}

interface StoredCommit {
  sha: string
  tree: string
  parents: string[]
  author: Person
  committer: Person
  message: string
  verified: boolean
  /** Creation order; parents always precede children, so it is a topological order. */
  seq: number
  text: string
}

interface TreeEntry {
  name: string
  /** As the API shows it: 100644, 100755, 120000, 040000, 160000. */
  mode: string
  type: ObjectType
  sha: string
}

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'
const BOT = {
  login: 'github-actions[bot]',
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
  id: 41898282
}
const MODES: Record<string, ObjectType> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit'
}
const DOCS = 'https://docs.github.com/rest'
const BODY_LIMIT = 65536
const CONTENTS_INLINE_LIMIT = 1024 * 1024

function sha1(type: ObjectType, body: Buffer): string {
  return createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex')
}

/** git orders entries by name bytes, a directory's name compared as if it ended in '/'. */
function treeOrder(a: TreeEntry, b: TreeEntry): number {
  const key = (e: TreeEntry) => Buffer.from(e.type === 'tree' ? `${e.name}/` : e.name, 'utf8')
  return Buffer.compare(key(a), key(b))
}

function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function personLine(p: Person): string {
  return `${p.name} <${p.email}> ${p.seconds} ${p.tz}`
}

class GitStore {
  readonly blobs = new Map<string, Buffer>()
  readonly trees = new Map<string, TreeEntry[]>()
  readonly commits = new Map<string, StoredCommit>()
  private seq = 0

  constructor() {
    this.putTree([])
  }

  typeOf(sha: string): ObjectType | undefined {
    if (this.blobs.has(sha)) return 'blob'
    if (this.trees.has(sha)) return 'tree'
    if (this.commits.has(sha)) return 'commit'
    return undefined
  }

  putBlob(content: Buffer): string {
    const sha = sha1('blob', content)
    if (!this.blobs.has(sha)) this.blobs.set(sha, Buffer.from(content))
    return sha
  }

  putTree(entries: TreeEntry[]): string {
    const sorted = [...entries].sort(treeOrder)
    // The object stores a directory's mode without the leading zero the API shows.
    const body = Buffer.concat(
      sorted.flatMap(e => [
        Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${e.name}\0`, 'utf8'),
        Buffer.from(e.sha, 'hex')
      ])
    )
    const sha = sha1('tree', body)
    if (!this.trees.has(sha)) this.trees.set(sha, sorted)
    return sha
  }

  putCommit(c: Omit<StoredCommit, 'sha' | 'seq' | 'text'>): string {
    const headers = [`tree ${c.tree}`, ...c.parents.map(p => `parent ${p}`)]
    headers.push(`author ${personLine(c.author)}`, `committer ${personLine(c.committer)}`)
    const text = `${headers.join('\n')}\n\n${c.message}`
    const sha = sha1('commit', Buffer.from(text, 'utf8'))
    if (!this.commits.has(sha)) this.commits.set(sha, { ...c, sha, seq: this.seq++, text })
    return sha
  }

  /** path → {sha, mode} of every non-tree entry under a tree. */
  flatten(tree: string, prefix = '', out = new Map<string, TreeEntry>()): Map<string, TreeEntry> {
    for (const e of this.trees.get(tree) ?? []) {
      const path = prefix + e.name
      if (e.type === 'tree') this.flatten(e.sha, `${path}/`, out)
      else out.set(path, { ...e, name: path })
    }
    return out
  }

  lookup(tree: string, path: string): TreeEntry | undefined {
    if (path === '') return { name: '', mode: '040000', type: 'tree', sha: tree }
    let entries = this.trees.get(tree)
    const parts = path.split('/')
    for (let i = 0; i < parts.length; i++) {
      const found = entries?.find(e => e.name === parts[i])
      if (!found) return undefined
      if (i === parts.length - 1) return found
      if (found.type !== 'tree') return undefined
      entries = this.trees.get(found.sha)
    }
    return undefined
  }

  /** Every commit reachable from sha, itself included. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>()
    const stack = [sha]
    while (stack.length > 0) {
      const next = stack.pop()!
      if (seen.has(next)) continue
      const commit = this.commits.get(next)
      if (!commit) continue
      seen.add(next)
      stack.push(...commit.parents)
    }
    return seen
  }

  /** Newest first. */
  history(sha: string): StoredCommit[] {
    return [...this.ancestors(sha)].map(s => this.commits.get(s)!).sort((a, b) => b.seq - a.seq)
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP plumbing

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {}
  ) {
    super(String(body.message))
  }
}

function fail(status: number, message: string, extra: Record<string, unknown> = {}): never {
  throw new HttpError(status, {
    message,
    ...extra,
    documentation_url: DOCS,
    status: String(status)
  })
}

// Declared as functions: TypeScript narrows after a call only to an explicitly typed never.
function notFound(): never {
  return fail(404, 'Not Found')
}
function unprocessable(message: string): never {
  return fail(422, message)
}
function validationFailed(...errors: Record<string, unknown>[]): never {
  return fail(422, 'Validation Failed', { errors })
}

type Body = Record<string, unknown>

/** GitHub's schema validation wording for a missing or mistyped field. */
function field<T>(body: Body, name: string, kind: 'string' | 'boolean' | 'array', required: true): T
function field<T>(
  body: Body,
  name: string,
  kind: 'string' | 'boolean' | 'array',
  required?: false
): T | undefined
function field<T>(
  body: Body,
  name: string,
  kind: 'string' | 'boolean' | 'array',
  required = false
): T | undefined {
  const value = body[name]
  if (value === undefined || value === null) {
    if (required) unprocessable(`Invalid request.\n\n"${name}" wasn't supplied.`)
    return undefined
  }
  const ok = kind === 'array' ? Array.isArray(value) : typeof value === kind
  if (!ok)
    unprocessable(
      `Invalid request.\n\nFor 'properties/${name}', ${JSON.stringify(value)} is not a${kind === 'array' ? 'n' : ''} ${kind}.`
    )
  return value as T
}

function codePoints(s: string): number {
  // GitHub counts characters (Ruby String#length), not UTF-16 units.
  return Array.from(s).length
}

function base64Lines(buffer: Buffer): string {
  // GitHub wraps base64 at 60 characters with a trailing newline, like Ruby's Base64.encode64.
  const flat = buffer.toString('base64')
  if (flat === '') return ''
  return `${flat.match(/.{1,60}/g)!.join('\n')}\n`
}

function parsePerson(value: unknown, what: string, fallbackSeconds: number): Person {
  const p = value as { name?: unknown; email?: unknown; date?: unknown }
  if (typeof p !== 'object' || p === null)
    unprocessable(`Invalid request.\n\n"${what}" is not an object.`)
  if (typeof p.name !== 'string' || typeof p.email !== 'string')
    unprocessable(`Invalid request.\n\n"name" and "email" are required in "${what}".`)
  let seconds = fallbackSeconds
  let tz = '+0000'
  if (p.date !== undefined) {
    const ms = typeof p.date === 'string' ? Date.parse(p.date) : NaN
    if (!Number.isFinite(ms))
      unprocessable(
        `Invalid request.\n\nFor 'properties/date', ${JSON.stringify(p.date)} is not a date-time.`
      )
    seconds = Math.floor(ms / 1000)
    const zone = /([+-])(\d{2}):?(\d{2})$/.exec(p.date as string)
    if (zone) tz = `${zone[1]}${zone[2]}${zone[3]}`
  }
  return { name: p.name, email: p.email, seconds, tz }
}

/** git check-ref-format, roughly: what GitHub rejects as a branch or ref name. */
function validRefName(ref: string): boolean {
  if (!/^refs\/[^/]+\/.+/.test(ref)) return false
  if (/\.\.|@\{|[\s~^:?*[\\]|\/\/|\/$|\.$|\.lock$|\/\./.test(ref)) return false
  return ![...ref].some(ch => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)
}

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  raw?: Buffer
}

interface Context {
  method: string
  /** True when the request's token has the `workflows` permission. */
  workflows: boolean
  params: Record<string, string>
  query: Record<string, string>
  body: unknown
  accept: string
  pathname: string
}

interface Route {
  method: string
  segments: string[]
  template: string
  handler: (ctx: Context) => Reply
}

// ---------------------------------------------------------------------------------------------
// The fake

interface PullState {
  number: number
  id: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  draft: boolean
  merged: boolean
  mergedAt: string | null
  mergeCommitSha: string | null
  closedAt: string | null
  createdAt: string
  updatedAt: string
  head: { ref: string; sha: string }
  base: { ref: string }
  maintainerCanModify: boolean
  labels: string[]
  assignees: string[]
  requestedReviewers: string[]
  requestedTeams: string[]
  comments: Array<FakeComment & { createdAt: string }>
  user: string
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const owner = options.owner
  const repo = options.repo
  const defaultBranch = options.defaultBranch ?? 'main'
  const token = options.token ?? 'ghs_test_token'
  const workflowsToken = options.workflowsToken ?? 'github_pat_workflows'
  const now = options.now ?? (() => new Date())
  const git = new GitStore()
  const refs = new Map<string, string>()
  const pulls = new Map<number, PullState>()
  const labelIds = new Map<string, { id: number; name: string }>()
  const requests: RecordedRequest[] = []
  const failures: Array<{ remaining: number; spec: FailureSpec }> = []
  let nextIssue = 1
  let nextId = 1000
  let used = 0
  const resetAt = Math.floor(Date.now() / 1000) + 3600
  let base = ''
  let truncating = false

  const seconds = () => Math.floor(now().getTime() / 1000)
  const isoNow = () => isoDate(seconds())
  const lower = (s: string) => s.toLowerCase()
  const ownerDefault = `${owner} <${owner}@users.noreply.github.com>`

  // --- refs -----------------------------------------------------------------------------------

  function resolveCommit(ref: string): string | undefined {
    if (/^[0-9a-f]{40}$/.test(ref)) return git.commits.has(ref) ? ref : undefined
    for (const candidate of [ref, `refs/heads/${ref}`, `refs/tags/${ref}`, `refs/${ref}`]) {
      const sha = refs.get(candidate)
      if (sha) return sha
    }
    if (/^[0-9a-f]{7,39}$/.test(ref)) {
      const hits = [...git.commits.keys()].filter(s => s.startsWith(ref))
      if (hits.length === 1) return hits[0]
    }
    return undefined
  }

  function setRef(full: string, sha: string | undefined): void {
    if (sha === undefined) refs.delete(full)
    else refs.set(full, sha)
    if (!full.startsWith('refs/heads/')) return
    const branch = full.slice('refs/heads/'.length)
    for (const pull of pulls.values()) {
      if (pull.state !== 'open') continue
      if (pull.head.ref === branch) {
        if (sha === undefined) close(pull)
        else pull.head.sha = sha
      }
      if (pull.base.ref === branch) {
        if (sha === undefined) close(pull)
        else if (git.ancestors(sha).has(pull.head.sha)) {
          // Pushing the head's commits to the base merges the pull, as on GitHub.
          close(pull)
          pull.merged = true
          pull.mergedAt = pull.closedAt
          pull.mergeCommitSha = sha
        }
      }
    }
  }

  /**
   * What GitHub checks on a push: the commits the ref would newly reach (those no ref reaches
   * yet) must not touch `.github/workflows/` unless the token has the `workflows` permission.
   */
  function refuseWorkflowChanges(ctx: Context, sha: string): void {
    if (ctx.workflows || !git.commits.has(sha)) return
    const known = new Set<string>()
    for (const head of refs.values()) for (const c of git.ancestors(head)) known.add(c)
    for (const commit of git.history(sha)) {
      if (known.has(commit.sha)) continue
      const parents = commit.parents.length > 0 ? commit.parents : [undefined]
      for (const parent of parents) {
        const before = parent ? git.commits.get(parent)?.tree : undefined
        const changed = diffFiles(before, commit.tree)
          .map(f => f.filename)
          .find(path => path.startsWith('.github/workflows/'))
        if (changed)
          unprocessable(
            `refusing to allow a GitHub App to create or update workflow \`${changed}\` without \`workflows\` permission`
          )
      }
    }
  }

  function close(pull: PullState): void {
    pull.state = 'closed'
    pull.closedAt = isoNow()
    pull.updatedAt = pull.closedAt
  }

  function parseAuthor(author: string | undefined): { name: string; email: string } {
    const text = author ?? ownerDefault
    const m = /^(.*?)\s*<([^>]*)>$/.exec(text)
    if (m) return { name: m[1]!, email: m[2]! }
    return { name: text, email: `${text}@users.noreply.github.com` }
  }

  // Mutable tree used by POST git/trees and the commit helper; unexpanded trees keep their sha.
  type Node =
    | { kind: 'tree'; sha?: string; children?: Map<string, Node> }
    | { kind: 'leaf'; mode: string; type: ObjectType; sha: string }

  function expand(node: Node & { kind: 'tree' }): Map<string, Node> {
    if (!node.children) {
      node.children = new Map()
      for (const e of git.trees.get(node.sha ?? EMPTY_TREE) ?? []) {
        node.children.set(
          e.name,
          e.type === 'tree'
            ? { kind: 'tree', sha: e.sha }
            : { kind: 'leaf', mode: e.mode, type: e.type, sha: e.sha }
        )
      }
    }
    return node.children
  }

  function place(root: Node & { kind: 'tree' }, path: string, value: Node | null): void {
    const parts = path.split('/')
    if (parts.some(p => p === '' || p === '.' || p === '..' || lower(p) === '.git'))
      unprocessable('tree.path contains a malformed path component')
    let node = root
    for (const part of parts.slice(0, -1)) {
      const children = expand(node)
      let next = children.get(part)
      if (!next) {
        if (value === null) unprocessable('GitRPC::BadObjectState')
        next = { kind: 'tree', children: new Map() }
        children.set(part, next)
      }
      if (next.kind !== 'tree') unprocessable(`tree.path ${path} has a file as a parent directory`)
      node = next
    }
    const children = expand(node)
    const last = parts[parts.length - 1]!
    if (value === null) {
      if (!children.delete(last)) unprocessable('GitRPC::BadObjectState')
    } else children.set(last, value)
  }

  /** Writes modified trees bottom-up; a directory left empty disappears, as in git. */
  function writeNode(node: Node & { kind: 'tree' }): string | undefined {
    if (!node.children) return node.sha
    const entries: TreeEntry[] = []
    for (const [name, child] of node.children) {
      if (child.kind === 'leaf') {
        entries.push({ name, mode: child.mode, type: child.type, sha: child.sha })
        continue
      }
      const sha = writeNode(child)
      if (sha !== undefined) entries.push({ name, mode: '040000', type: 'tree', sha })
    }
    return entries.length === 0 ? undefined : git.putTree(entries)
  }

  const writeRoot = (root: Node & { kind: 'tree' }) => writeNode(root) ?? EMPTY_TREE

  // --- JSON shapes ------------------------------------------------------------------------------

  const repoUrl = () => `${base}/repos/${owner}/${repo}`
  const htmlUrl = () => `${base}/${owner}/${repo}`

  function userJson(login: string) {
    const bot = login.endsWith('[bot]')
    return {
      login,
      id: bot ? BOT.id : 1,
      node_id: '',
      type: bot ? 'Bot' : login === owner ? 'Organization' : 'User',
      site_admin: false,
      url: `${base}/users/${encodeURIComponent(login)}`,
      html_url: `${base}/${encodeURIComponent(login)}`,
      avatar_url: ''
    }
  }

  function repoJson() {
    return {
      id: 1,
      node_id: '',
      name: repo,
      full_name: `${owner}/${repo}`,
      owner: userJson(owner),
      private: false,
      fork: false,
      visibility: 'public',
      description: null,
      url: repoUrl(),
      html_url: htmlUrl(),
      default_branch: defaultBranch,
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
      allow_merge_commit: true,
      allow_squash_merge: true,
      allow_rebase_merge: true,
      delete_branch_on_merge: false
    }
  }

  function refJson(full: string, sha: string) {
    return {
      ref: full,
      node_id: '',
      url: `${repoUrl()}/git/${full}`,
      object: { sha, type: git.typeOf(sha) ?? 'commit', url: `${repoUrl()}/git/commits/${sha}` }
    }
  }

  const personJson = (p: Person) => ({ name: p.name, email: p.email, date: isoDate(p.seconds) })

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

  function gitCommitJson(c: StoredCommit) {
    return {
      sha: c.sha,
      node_id: '',
      url: `${repoUrl()}/git/commits/${c.sha}`,
      html_url: `${htmlUrl()}/commit/${c.sha}`,
      author: personJson(c.author),
      committer: personJson(c.committer),
      message: c.message,
      tree: { sha: c.tree, url: `${repoUrl()}/git/trees/${c.tree}` },
      parents: c.parents.map(p => ({
        sha: p,
        url: `${repoUrl()}/git/commits/${p}`,
        html_url: `${htmlUrl()}/commit/${p}`
      })),
      verification: verificationJson(c)
    }
  }

  /** The shape of GET commits and compare: the git commit nested under `commit`. */
  function commitJson(c: StoredCommit) {
    const account = (p: Person) => (p.email === BOT.email ? userJson(BOT.login) : null)
    return {
      sha: c.sha,
      node_id: '',
      url: `${repoUrl()}/commits/${c.sha}`,
      html_url: `${htmlUrl()}/commit/${c.sha}`,
      comments_url: `${repoUrl()}/commits/${c.sha}/comments`,
      commit: {
        url: `${repoUrl()}/git/commits/${c.sha}`,
        author: personJson(c.author),
        committer: personJson(c.committer),
        message: c.message,
        tree: { sha: c.tree, url: `${repoUrl()}/git/trees/${c.tree}` },
        comment_count: 0,
        verification: verificationJson(c)
      },
      author: account(c.author),
      committer: account(c.committer),
      parents: c.parents.map(p => ({
        sha: p,
        url: `${repoUrl()}/commits/${p}`,
        html_url: `${htmlUrl()}/commit/${p}`
      }))
    }
  }

  function diffFiles(fromTree: string | undefined, toTree: string) {
    const before = fromTree ? git.flatten(fromTree) : new Map<string, TreeEntry>()
    const after = git.flatten(toTree)
    const files: Array<{ filename: string; status: string; sha: string }> = []
    for (const [path, entry] of after) {
      const old = before.get(path)
      if (!old) files.push({ filename: path, status: 'added', sha: entry.sha })
      else if (old.sha !== entry.sha || old.mode !== entry.mode)
        files.push({ filename: path, status: 'modified', sha: entry.sha })
    }
    for (const [path, entry] of before)
      if (!after.has(path)) files.push({ filename: path, status: 'removed', sha: entry.sha })
    return files
      .sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0))
      .map(f => ({
        ...f,
        blob_url: `${htmlUrl()}/blob/${f.sha}/${f.filename}`,
        raw_url: `${htmlUrl()}/raw/${f.sha}/${f.filename}`,
        contents_url: `${repoUrl()}/contents/${f.filename}`
      }))
  }

  function labelJson(name: string) {
    let label = labelIds.get(lower(name))
    if (!label) {
      label = { id: nextId++, name }
      labelIds.set(lower(name), label)
    }
    return {
      id: label.id,
      node_id: '',
      url: `${repoUrl()}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      color: 'ededed',
      default: false,
      description: null
    }
  }

  function branchJson(ref: string, sha: string) {
    return {
      label: `${owner}:${ref}`,
      ref,
      sha,
      user: userJson(owner),
      repo: repoJson()
    }
  }

  function aheadCount(pull: PullState): number {
    const baseSha = refs.get(`refs/heads/${pull.base.ref}`)
    const behind = baseSha ? git.ancestors(baseSha) : new Set<string>()
    return [...git.ancestors(pull.head.sha)].filter(s => !behind.has(s)).length
  }

  /** `full` adds what GET/POST/PATCH of one pull return and the list leaves out. */
  function pullJson(pull: PullState, full: boolean) {
    const baseSha = refs.get(`refs/heads/${pull.base.ref}`) ?? ''
    const simple = {
      url: `${repoUrl()}/pulls/${pull.number}`,
      id: pull.id,
      node_id: '',
      html_url: `${htmlUrl()}/pull/${pull.number}`,
      diff_url: `${htmlUrl()}/pull/${pull.number}.diff`,
      patch_url: `${htmlUrl()}/pull/${pull.number}.patch`,
      issue_url: `${repoUrl()}/issues/${pull.number}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: userJson(pull.user),
      body: pull.body,
      labels: pull.labels.map(labelJson),
      milestone: null,
      active_lock_reason: null,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
      closed_at: pull.closedAt,
      merged_at: pull.mergedAt,
      merge_commit_sha: pull.mergeCommitSha,
      assignee: pull.assignees[0] ? userJson(pull.assignees[0]) : null,
      assignees: pull.assignees.map(userJson),
      requested_reviewers: pull.requestedReviewers.map(userJson),
      requested_teams: pull.requestedTeams.map(slug => ({ id: 1, name: slug, slug })),
      head: branchJson(pull.head.ref, pull.head.sha),
      base: branchJson(pull.base.ref, baseSha),
      author_association: 'NONE',
      auto_merge: null,
      draft: pull.draft
    }
    if (!full) return simple
    return {
      ...simple,
      merged: pull.merged,
      mergeable: pull.state === 'open' ? true : null,
      rebaseable: pull.state === 'open' ? true : null,
      mergeable_state: pull.state === 'open' ? 'clean' : 'unknown',
      merged_by: pull.merged ? userJson(owner) : null,
      comments: pull.comments.length,
      review_comments: 0,
      maintainer_can_modify: pull.maintainerCanModify,
      commits: aheadCount(pull),
      additions: 0,
      deletions: 0,
      changed_files: 0
    }
  }

  function issueJson(pull: PullState) {
    const p = pullJson(pull, false)
    return {
      url: p.issue_url,
      id: pull.id,
      node_id: '',
      html_url: p.html_url,
      number: pull.number,
      state: pull.state,
      title: pull.title,
      body: pull.body,
      user: p.user,
      labels: p.labels,
      assignee: p.assignee,
      assignees: p.assignees,
      locked: false,
      comments: pull.comments.length,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
      closed_at: pull.closedAt,
      pull_request: { url: p.url, html_url: p.html_url, merged_at: pull.mergedAt }
    }
  }

  function commentJson(pull: PullState, c: PullState['comments'][number]) {
    return {
      id: c.id,
      node_id: '',
      url: `${repoUrl()}/issues/comments/${c.id}`,
      html_url: `${htmlUrl()}/pull/${pull.number}#issuecomment-${c.id}`,
      issue_url: `${repoUrl()}/issues/${pull.number}`,
      body: c.body,
      user: userJson(c.user),
      created_at: c.createdAt,
      updated_at: c.createdAt,
      author_association: 'NONE'
    }
  }

  function paginate<T>(ctx: Context, items: T[], perPageDefault = 30): Reply {
    const perPage = Math.min(100, Math.max(1, Number(ctx.query.per_page) || perPageDefault))
    const page = Math.max(1, Number(ctx.query.page) || 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (n: number, rel: string) => {
      const url = new URL(base + ctx.pathname)
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

  // --- handlers -----------------------------------------------------------------------------

  function pullOf(ctx: Context): PullState {
    const n = Number(ctx.params.number)
    return (Number.isInteger(n) && pulls.get(n)) || notFound()
  }

  function bodyOf(ctx: Context): Body {
    if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body))
      return unprocessable('Invalid request.\n\nInvalid input: object is expected.')
    return ctx.body as Body
  }

  function checkBody(body: string | undefined, resource: string): void {
    if (body !== undefined && codePoints(body) > BODY_LIMIT)
      validationFailed({
        resource,
        code: 'custom',
        field: 'body',
        message: `body is too long (maximum is ${BODY_LIMIT} characters)`
      })
  }

  /** Strips the `owner:` GitHub accepts on head and base; another owner means a fork we lack. */
  function localBranch(value: string, fieldName: string): string {
    const colon = value.indexOf(':')
    if (colon < 0) return value
    if (lower(value.slice(0, colon)) !== lower(owner))
      validationFailed({ resource: 'PullRequest', field: fieldName, code: 'invalid' })
    return value.slice(colon + 1)
  }

  function contentsEntry(path: string, e: TreeEntry) {
    const type =
      e.type === 'tree'
        ? 'dir'
        : e.type === 'commit'
          ? 'submodule'
          : e.mode === '120000'
            ? 'symlink'
            : 'file'
    const size = e.type === 'blob' ? git.blobs.get(e.sha)!.length : 0
    return {
      type,
      name: path.split('/').pop() ?? path,
      path,
      sha: e.sha,
      size,
      url: `${repoUrl()}/contents/${path}`,
      html_url: `${htmlUrl()}/blob/${e.sha}/${path}`,
      git_url: `${repoUrl()}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
      download_url: type === 'file' ? `${htmlUrl()}/raw/${e.sha}/${path}` : null
    }
  }

  const wantsRaw = (ctx: Context) => /application\/vnd\.github(\.v3)?\.raw/.test(ctx.accept)

  const routes: Route[] = []
  function route(spec: string, handler: (ctx: Context) => Reply): void {
    const [method, path] = spec.split(' ') as [string, string]
    const segments = path === '' ? [] : path.split('/')
    const template = `${method} /repos/{owner}/{repo}${segments.map(s => '/' + (s.startsWith(':') || s.startsWith('*') ? `{${s.slice(1)}}` : s)).join('')}`
    routes.push({ method, segments, template, handler })
  }

  route('GET ', () => ({ status: 200, body: repoJson() }))

  route('GET branches/*branch', ctx => {
    const sha = refs.get(`refs/heads/${ctx.params.branch}`) ?? notFound()
    return {
      status: 200,
      body: {
        name: ctx.params.branch,
        commit: commitJson(git.commits.get(sha)!),
        protected: false,
        _links: { self: `${repoUrl()}/branches/${ctx.params.branch}`, html: htmlUrl() }
      }
    }
  })

  route('GET git/ref/*ref', ctx => {
    const full = `refs/${ctx.params.ref}`
    const sha = refs.get(full) ?? notFound()
    return { status: 200, body: refJson(full, sha) }
  })

  route('GET git/matching-refs/*ref', ctx => {
    const prefix = `refs/${ctx.params.ref}`
    const body = [...refs]
      .filter(([name]) => name.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, sha]) => refJson(name, sha))
    return { status: 200, body }
  })

  // The legacy plural form: an exact match is one ref, a prefix is a list.
  route('GET git/refs/*ref', ctx => {
    const full = `refs/${ctx.params.ref}`
    const exact = refs.get(full)
    if (exact) return { status: 200, body: refJson(full, exact) }
    const list = [...refs].filter(([name]) => name.startsWith(`${full}/`))
    if (list.length === 0) notFound()
    return {
      status: 200,
      body: list.sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, sha]) => refJson(name, sha))
    }
  })

  route('POST git/refs', ctx => {
    const body = bodyOf(ctx)
    const ref = field<string>(body, 'ref', 'string', true)
    const sha = field<string>(body, 'sha', 'string', true)
    if (!validRefName(ref)) unprocessable(`${ref} is not a valid ref name.`)
    if (refs.has(ref)) unprocessable('Reference already exists')
    if (!git.typeOf(sha)) unprocessable('Object does not exist')
    if (ref.startsWith('refs/heads/') && !git.commits.has(sha))
      unprocessable('Reference update failed')
    if (ref.startsWith('refs/heads/')) refuseWorkflowChanges(ctx, sha)
    setRef(ref, sha)
    return {
      status: 201,
      body: refJson(ref, sha),
      headers: { location: `${repoUrl()}/git/${ref}` }
    }
  })

  route('PATCH git/refs/*ref', ctx => {
    const body = bodyOf(ctx)
    const full = `refs/${ctx.params.ref}`
    const sha = field<string>(body, 'sha', 'string', true)
    const force = field<boolean>(body, 'force', 'boolean') ?? false
    const current = refs.get(full) ?? unprocessable('Reference does not exist')
    if (!git.typeOf(sha)) unprocessable('Object does not exist')
    if (!force && !git.ancestors(sha).has(current)) unprocessable('Update is not a fast forward')
    if (full.startsWith('refs/heads/')) refuseWorkflowChanges(ctx, sha)
    setRef(full, sha)
    return { status: 200, body: refJson(full, sha) }
  })

  route('DELETE git/refs/*ref', ctx => {
    const full = `refs/${ctx.params.ref}`
    if (!refs.has(full)) unprocessable('Reference does not exist')
    setRef(full, undefined)
    return { status: 204 }
  })

  route('GET git/commits/:sha', ctx => {
    const commit = git.commits.get(ctx.params.sha!) ?? notFound()
    return { status: 200, body: gitCommitJson(commit) }
  })

  route('POST git/commits', ctx => {
    const body = bodyOf(ctx)
    const message = field<string>(body, 'message', 'string', true)
    const tree = field<string>(body, 'tree', 'string', true)
    const parents = field<unknown[]>(body, 'parents', 'array') ?? []
    if (!git.trees.has(tree)) unprocessable('Tree SHA does not exist')
    for (const p of parents)
      if (typeof p !== 'string' || !git.commits.has(p))
        unprocessable('Parent SHA does not exist or is not a commit object')
    const at = seconds()
    const bot: Person = { name: BOT.name, email: BOT.email, seconds: at, tz: '+0000' }
    const author = body.author != null ? parsePerson(body.author, 'author', at) : undefined
    const committer =
      body.committer != null ? parsePerson(body.committer, 'committer', at) : undefined
    // Without an identity GitHub commits as the token and signs; with one it cannot sign.
    const sha = git.putCommit({
      tree,
      parents: parents as string[],
      author: author ?? committer ?? bot,
      committer: committer ?? author ?? bot,
      message,
      verified: !author && !committer
    })
    return {
      status: 201,
      body: gitCommitJson(git.commits.get(sha)!),
      headers: { location: `${repoUrl()}/git/commits/${sha}` }
    }
  })

  route('GET git/trees/*sha', ctx => {
    // Like GitHub, a commit sha or a branch name stands for its tree.
    let sha = ctx.params.sha!
    if (!git.trees.has(sha)) {
      const commit = resolveCommit(sha)
      sha = commit ? git.commits.get(commit)!.tree : notFound()
    }
    // GitHub recurses for any value of the parameter, even 0 or false.
    const recursive = ctx.query.recursive !== undefined && !truncating
    const tree: unknown[] = []
    const walk = (treeSha: string, prefix: string) => {
      for (const e of git.trees.get(treeSha) ?? []) {
        const path = prefix + e.name
        tree.push({
          path,
          mode: e.mode,
          type: e.type,
          sha: e.sha,
          ...(e.type === 'blob' ? { size: git.blobs.get(e.sha)!.length } : {}),
          url: `${repoUrl()}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`
        })
        if (recursive && e.type === 'tree') walk(e.sha, `${path}/`)
      }
    }
    walk(sha, '')
    return {
      status: 200,
      body: {
        sha,
        url: `${repoUrl()}/git/trees/${sha}`,
        tree,
        truncated: truncating && ctx.query.recursive !== undefined
      }
    }
  })

  route('POST git/trees', ctx => {
    const body = bodyOf(ctx)
    const entries = field<unknown[]>(body, 'tree', 'array', true)
    const baseTree = field<string>(body, 'base_tree', 'string')
    if (baseTree !== undefined && !git.trees.has(baseTree))
      unprocessable('base_tree is not a valid tree oid')
    const root: Node & { kind: 'tree' } = baseTree
      ? { kind: 'tree', sha: baseTree }
      : { kind: 'tree', children: new Map() }
    for (const raw of entries) {
      const e = raw as Record<string, unknown>
      if (typeof e !== 'object' || e === null) unprocessable('Invalid tree info')
      const path = e.path
      const mode = e.mode
      const type = e.type
      if (typeof path !== 'string') unprocessable('Invalid request.\n\n"path" wasn\'t supplied.')
      if (typeof mode !== 'string' || !(mode in MODES))
        unprocessable(`Invalid request.\n\n${JSON.stringify(mode)} is not a valid tree.mode.`)
      if (type !== undefined && type !== MODES[mode])
        unprocessable(
          `Invalid request.\n\ntree.type ${JSON.stringify(type)} does not fit mode ${mode}.`
        )
      const objectType = MODES[mode]!
      const hasSha = 'sha' in e
      const hasContent = typeof e.content === 'string'
      if (hasSha === hasContent)
        unprocessable(
          'Must supply either tree.sha or tree.content. Request will be rejected if both are present.'
        )
      if (hasSha && e.sha === null) {
        place(root, path, null)
        continue
      }
      let sha: string
      if (hasContent) {
        if (objectType !== 'blob') unprocessable('tree.content is only valid for a blob')
        sha = git.putBlob(Buffer.from(e.content as string, 'utf8'))
      } else {
        sha = typeof e.sha === 'string' ? e.sha : ''
        if (objectType !== 'commit' && git.typeOf(sha) !== objectType)
          unprocessable(`tree.sha ${sha} is not a valid ${objectType}`)
      }
      place(
        root,
        path,
        objectType === 'tree'
          ? { kind: 'tree', sha }
          : { kind: 'leaf', mode, type: objectType, sha }
      )
    }
    const sha = writeRoot(root)
    const listed = git.trees.get(sha)!.map(e => ({
      path: e.name,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.type === 'blob' ? { size: git.blobs.get(e.sha)!.length } : {}),
      url: `${repoUrl()}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`
    }))
    return {
      status: 201,
      body: { sha, url: `${repoUrl()}/git/trees/${sha}`, tree: listed, truncated: false },
      headers: { location: `${repoUrl()}/git/trees/${sha}` }
    }
  })

  route('POST git/blobs', ctx => {
    const body = bodyOf(ctx)
    const content = field<string>(body, 'content', 'string', true)
    const encoding = field<string>(body, 'encoding', 'string') ?? 'utf-8'
    let bytes: Buffer
    if (encoding === 'base64') {
      if (!/^[A-Za-z0-9+/=\s]*$/.test(content)) unprocessable('Invalid base64 content')
      bytes = Buffer.from(content, 'base64')
    } else if (encoding === 'utf-8' || encoding === 'utf8') bytes = Buffer.from(content, 'utf8')
    else unprocessable(`encoding must be one of utf-8 or base64, not ${encoding}`)
    const sha = git.putBlob(bytes)
    return {
      status: 201,
      body: { sha, url: `${repoUrl()}/git/blobs/${sha}` },
      headers: { location: `${repoUrl()}/git/blobs/${sha}` }
    }
  })

  route('GET git/blobs/:sha', ctx => {
    const blob = git.blobs.get(ctx.params.sha!) ?? notFound()
    if (wantsRaw(ctx)) return { status: 200, raw: blob }
    return {
      status: 200,
      body: {
        sha: ctx.params.sha,
        node_id: '',
        size: blob.length,
        url: `${repoUrl()}/git/blobs/${ctx.params.sha}`,
        content: base64Lines(blob),
        encoding: 'base64'
      }
    }
  })

  function contents(ctx: Context): Reply {
    const ref = ctx.query.ref ?? defaultBranch
    const commit = resolveCommit(ref) ?? fail(404, `No commit found for the ref ${ref}`)
    const path = (ctx.params.path ?? '').replace(/\/+$/, '')
    const entry = git.lookup(git.commits.get(commit)!.tree, path) ?? notFound()
    if (entry.type === 'tree') {
      const list = (git.trees.get(entry.sha) ?? []).map(e =>
        contentsEntry(path ? `${path}/${e.name}` : e.name, e)
      )
      return { status: 200, body: list }
    }
    const meta = contentsEntry(path, entry)
    if (entry.type !== 'blob') return { status: 200, body: meta }
    const blob = git.blobs.get(entry.sha)!
    if (wantsRaw(ctx)) return { status: 200, raw: blob }
    const inline = blob.length <= CONTENTS_INLINE_LIMIT
    return {
      status: 200,
      body: {
        ...meta,
        content: inline ? base64Lines(blob) : '',
        encoding: inline ? 'base64' : 'none',
        _links: { self: meta.url, git: meta.git_url, html: meta.html_url }
      }
    }
  }
  route('GET contents', contents)
  route('GET contents/*path', contents)

  route('GET commits', ctx => {
    const start = ctx.query.sha ?? defaultBranch
    const head = resolveCommit(start) ?? notFound()
    let list = git.history(head)
    const path = ctx.query.path
    if (path) {
      const at = (c: StoredCommit | undefined) => (c ? git.lookup(c.tree, path)?.sha : undefined)
      list = list.filter(c => at(c) !== at(git.commits.get(c.parents[0] ?? '')))
    }
    return paginate(ctx, list.map(commitJson))
  })

  route('GET commits/*ref', ctx => {
    const sha =
      resolveCommit(ctx.params.ref!) ?? fail(422, `No commit found for SHA: ${ctx.params.ref}`)
    const commit = git.commits.get(sha)!
    const parent = commit.parents[0] ? git.commits.get(commit.parents[0]) : undefined
    return {
      status: 200,
      body: { ...commitJson(commit), files: diffFiles(parent?.tree, commit.tree) }
    }
  })

  route('GET compare/*basehead', ctx => {
    const spec = ctx.params.basehead!
    const dots = spec.indexOf('...')
    if (dots < 0) notFound()
    const strip = (s: string) => (s.includes(':') ? s.slice(s.lastIndexOf(':') + 1) : s)
    const baseName = strip(spec.slice(0, dots))
    const headName = strip(spec.slice(dots + 3))
    const baseSha = resolveCommit(baseName) ?? notFound()
    const headSha = resolveCommit(headName) ?? notFound()
    const fromBase = git.ancestors(baseSha)
    const fromHead = git.ancestors(headSha)
    const ahead = git.history(headSha).filter(c => !fromBase.has(c.sha))
    const behind = git.history(baseSha).filter(c => !fromHead.has(c.sha))
    const common = git.history(headSha).find(c => fromBase.has(c.sha))
    if (!common) fail(404, `No common ancestor between ${baseName} and ${headName}.`)
    const status =
      ahead.length === 0 && behind.length === 0
        ? 'identical'
        : behind.length === 0
          ? 'ahead'
          : ahead.length === 0
            ? 'behind'
            : 'diverged'
    return {
      status: 200,
      body: {
        url: `${repoUrl()}/compare/${spec}`,
        html_url: `${htmlUrl()}/compare/${spec}`,
        permalink_url: `${htmlUrl()}/compare/${baseSha}...${headSha}`,
        diff_url: `${htmlUrl()}/compare/${spec}.diff`,
        patch_url: `${htmlUrl()}/compare/${spec}.patch`,
        base_commit: commitJson(git.commits.get(baseSha)!),
        merge_base_commit: commitJson(common),
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        // Oldest first, as GitHub lists them.
        commits: ahead.reverse().map(commitJson),
        files: diffFiles(common.tree, git.commits.get(headSha)!.tree)
      }
    }
  })

  route('GET pulls', ctx => {
    const state = ctx.query.state ?? 'open'
    let list = [...pulls.values()].filter(p => state === 'all' || p.state === state)
    const head = ctx.query.head
    // GitHub applies `head` only in the user:ref-name form; a bare branch name is ignored.
    if (head !== undefined && head.includes(':')) {
      const colon = head.indexOf(':')
      const user = head.slice(0, colon)
      const ref = head.slice(colon + 1)
      list = lower(user) === lower(owner) ? list.filter(p => p.head.ref === ref) : []
    }
    if (ctx.query.base !== undefined) list = list.filter(p => p.base.ref === ctx.query.base)
    const sort = ctx.query.sort ?? 'created'
    const key = (p: PullState) =>
      (sort === 'updated' ? p.updatedAt : '') + String(p.number).padStart(9, '0')
    list.sort((a, b) => (key(a) < key(b) ? -1 : 1))
    if ((ctx.query.direction ?? 'desc') === 'desc') list.reverse()
    return paginate(
      ctx,
      list.map(p => pullJson(p, false))
    )
  })

  route('POST pulls', ctx => {
    const body = bodyOf(ctx)
    const title = field<string>(body, 'title', 'string')
    const headInput = field<string>(body, 'head', 'string', true)
    const baseInput = field<string>(body, 'base', 'string', true)
    const text = field<string>(body, 'body', 'string')
    const draft = field<boolean>(body, 'draft', 'boolean') ?? false
    const canModify = field<boolean>(body, 'maintainer_can_modify', 'boolean') ?? true
    if (!title) validationFailed({ resource: 'PullRequest', code: 'missing_field', field: 'title' })
    const head = localBranch(headInput, 'head')
    const baseRef = localBranch(baseInput, 'base')
    const headSha = refs.get(`refs/heads/${head}`)
    const baseSha = refs.get(`refs/heads/${baseRef}`)
    if (!headSha) validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' })
    if (!baseSha) validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' })
    checkBody(text, 'Issue')
    const duplicate = [...pulls.values()].find(
      p => p.state === 'open' && p.head.ref === head && p.base.ref === baseRef
    )
    if (duplicate)
      validationFailed({
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${owner}:${head}.`
      })
    const behind = git.ancestors(baseSha!)
    if ([...git.ancestors(headSha!)].every(s => behind.has(s)))
      validationFailed({
        resource: 'PullRequest',
        code: 'custom',
        message: `No commits between ${baseRef} and ${head}`
      })
    const at = isoNow()
    const pull: PullState = {
      number: nextIssue++,
      id: nextId++,
      title: title!,
      body: text ?? null,
      state: 'open',
      draft,
      merged: false,
      mergedAt: null,
      mergeCommitSha: null,
      closedAt: null,
      createdAt: at,
      updatedAt: at,
      head: { ref: head, sha: headSha! },
      base: { ref: baseRef },
      maintainerCanModify: canModify,
      labels: [],
      assignees: [],
      requestedReviewers: [],
      requestedTeams: [],
      comments: [],
      user: BOT.login
    }
    pulls.set(pull.number, pull)
    return {
      status: 201,
      body: pullJson(pull, true),
      headers: { location: `${repoUrl()}/pulls/${pull.number}` }
    }
  })

  route('GET pulls/:number', ctx => ({ status: 200, body: pullJson(pullOf(ctx), true) }))

  route('PATCH pulls/:number', ctx => {
    const pull = pullOf(ctx)
    const body = bodyOf(ctx)
    const title = field<string>(body, 'title', 'string')
    const text = field<string>(body, 'body', 'string')
    const state = field<string>(body, 'state', 'string')
    const baseInput = field<string>(body, 'base', 'string')
    const canModify = field<boolean>(body, 'maintainer_can_modify', 'boolean')
    if (state !== undefined && state !== 'open' && state !== 'closed')
      unprocessable(
        `Invalid request.\n\nFor 'properties/state', "${state}" is not one of open, closed.`
      )
    if (title === '')
      validationFailed({ resource: 'PullRequest', code: 'missing_field', field: 'title' })
    checkBody(text, 'Issue')
    let baseRef: string | undefined
    if (baseInput !== undefined) {
      baseRef = localBranch(baseInput, 'base')
      if (pull.state === 'closed' && state !== 'open')
        unprocessable('Cannot change the base branch of a closed pull request.')
      if (!refs.has(`refs/heads/${baseRef}`))
        validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' })
    }
    if (state === 'open' && pull.state === 'closed') {
      if (pull.merged) unprocessable('Cannot reopen a merged pull request.')
      if (!refs.has(`refs/heads/${pull.head.ref}`))
        unprocessable(`state cannot be changed. The ${pull.head.ref} branch has been deleted.`)
      const duplicate = [...pulls.values()].find(
        p =>
          p.state === 'open' &&
          p.head.ref === pull.head.ref &&
          p.base.ref === (baseRef ?? pull.base.ref)
      )
      if (duplicate)
        validationFailed({
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${owner}:${pull.head.ref}.`
        })
    }
    if (title !== undefined) pull.title = title
    if (text !== undefined) pull.body = text
    if (baseRef !== undefined) pull.base.ref = baseRef
    if (canModify !== undefined) pull.maintainerCanModify = canModify
    pull.updatedAt = isoNow()
    if (state === 'closed' && pull.state === 'open') close(pull)
    if (state === 'open' && pull.state === 'closed') {
      pull.state = 'open'
      pull.closedAt = null
      pull.head.sha = refs.get(`refs/heads/${pull.head.ref}`)!
    }
    return { status: 200, body: pullJson(pull, true) }
  })

  route('POST pulls/:number/requested_reviewers', ctx => {
    const pull = pullOf(ctx)
    const body = bodyOf(ctx)
    const reviewers = (field<unknown[]>(body, 'reviewers', 'array') ?? []).map(String)
    const teams = (field<unknown[]>(body, 'team_reviewers', 'array') ?? []).map(String)
    if (reviewers.some(r => lower(r) === lower(pull.user)))
      unprocessable('Review cannot be requested from pull request author.')
    const allowed = options.collaborators?.map(lower)
    const allowedTeams = options.teams?.map(lower)
    if (
      (allowed && reviewers.some(r => !allowed.includes(lower(r)))) ||
      (allowedTeams && teams.some(t => !allowedTeams.includes(lower(t))))
    )
      unprocessable(
        `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${owner}/${repo} repository.`
      )
    for (const r of reviewers)
      if (!pull.requestedReviewers.some(x => lower(x) === lower(r))) pull.requestedReviewers.push(r)
    for (const t of teams)
      if (!pull.requestedTeams.some(x => lower(x) === lower(t))) pull.requestedTeams.push(t)
    pull.updatedAt = isoNow()
    return { status: 201, body: pullJson(pull, false) }
  })

  route('GET issues/:number/labels', ctx => paginate(ctx, pullOf(ctx).labels.map(labelJson)))

  route('POST issues/:number/labels', ctx => {
    const pull = pullOf(ctx)
    // GitHub takes {labels: [...]} or a bare array, of names or of {name} objects.
    const rawList = Array.isArray(ctx.body) ? ctx.body : bodyOf(ctx).labels
    if (!Array.isArray(rawList)) unprocessable('Invalid request.\n\n"labels" wasn\'t supplied.')
    const names = (rawList as unknown[]).map(l =>
      typeof l === 'string'
        ? l
        : typeof l === 'object' && l !== null
          ? String((l as Body).name)
          : ''
    )
    if (names.some(n => n.trim() === ''))
      validationFailed({ resource: 'Label', code: 'invalid', field: 'name' })
    for (const name of names) {
      const canonical = labelJson(name).name
      if (!pull.labels.some(l => lower(l) === lower(canonical))) pull.labels.push(canonical)
    }
    pull.updatedAt = isoNow()
    return { status: 200, body: pull.labels.map(labelJson) }
  })

  route('POST issues/:number/assignees', ctx => {
    const pull = pullOf(ctx)
    const body = bodyOf(ctx)
    const wanted = (field<unknown[]>(body, 'assignees', 'array') ?? []).map(String)
    const allowed = options.collaborators?.map(lower)
    // GitHub drops assignees who cannot be assigned instead of failing.
    for (const a of wanted) {
      if (allowed && !allowed.includes(lower(a))) continue
      if (pull.assignees.length >= 10) break
      if (!pull.assignees.some(x => lower(x) === lower(a))) pull.assignees.push(a)
    }
    pull.updatedAt = isoNow()
    return { status: 201, body: issueJson(pull) }
  })

  route('GET issues/:number/comments', ctx => {
    const pull = pullOf(ctx)
    return paginate(
      ctx,
      pull.comments.map(c => commentJson(pull, c))
    )
  })

  route('POST issues/:number/comments', ctx => {
    const pull = pullOf(ctx)
    const body = bodyOf(ctx)
    const text = field<string>(body, 'body', 'string', true)
    checkBody(text, 'IssueComment')
    const comment = { id: nextId++, body: text, user: BOT.login, createdAt: isoNow() }
    pull.comments.push(comment)
    pull.updatedAt = comment.createdAt
    return { status: 201, body: commentJson(pull, comment) }
  })

  function match(
    method: string,
    segments: string[]
  ): { route: Route; params: Record<string, string> } | undefined {
    const wanted = method === 'HEAD' ? 'GET' : method
    for (const r of routes) {
      if (r.method !== wanted) continue
      const params = matchSegments(r.segments, segments)
      if (params) return { route: r, params }
    }
    return undefined
  }

  function matchSegments(
    pattern: string[],
    segments: string[]
  ): Record<string, string> | undefined {
    const params: Record<string, string> = {}
    for (let i = 0; i < pattern.length; i++) {
      const want = pattern[i]!
      if (want.startsWith('*')) {
        // A rest parameter (ref, path, branch) keeps its slashes, encoded or not.
        const rest = segments.slice(i).join('/')
        if (rest === '') return undefined
        params[want.slice(1)] = rest
        return params
      }
      const seg = segments[i]
      if (seg === undefined || seg === '') return undefined
      if (want.startsWith(':')) params[want.slice(1)] = seg
      else if (want !== seg) return undefined
    }
    return segments.length === pattern.length ? params : undefined
  }

  // --- server ---------------------------------------------------------------------------------

  function rateHeaders(): Record<string, string> {
    return {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(Math.max(0, 5000 - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-resource': 'core'
    }
  }

  function injected(method: string, path: string): Reply | undefined {
    const index = failures.findIndex(f => {
      const m = f.spec.match
      if (!m) return true
      if (m.method && m.method.toUpperCase() !== method) return false
      if (m.path !== undefined) {
        if (typeof m.path === 'string' ? m.path !== path : !m.path.test(path)) return false
      }
      return true
    })
    if (index < 0) return undefined
    const failure = failures[index]!
    if (--failure.remaining <= 0) failures.splice(index, 1)
    const status = failure.spec.status ?? 403
    const limited = status === 403 || status === 429
    const message = limited
      ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
      : status >= 500
        ? 'Server Error'
        : 'Injected failure'
    return {
      status,
      body: failure.spec.body ?? { message, documentation_url: DOCS, status: String(status) },
      headers: { ...(limited ? { 'retry-after': '1' } : {}), ...failure.spec.headers }
    }
  }

  function handle(req: IncomingMessage, raw: Buffer, record: RecordedRequest): Reply {
    const url = new URL(req.url ?? '/', 'http://fake')
    record.query = Object.fromEntries(url.searchParams)
    let segments: string[]
    try {
      segments = url.pathname.split('/').map(decodeURIComponent)
    } catch {
      return { status: 400, body: { message: 'Bad Request' } }
    }
    record.path = segments.join('/')
    if (raw.length > 0) {
      try {
        record.body = JSON.parse(raw.toString('utf8'))
      } catch {
        return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } }
      }
    }
    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')
    if (!auth || (auth[1] !== token && auth[1] !== workflowsToken))
      return {
        status: 401,
        body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' }
      }
    used++
    const [, top, o, r, ...rest] = segments
    const found =
      top === 'repos' && lower(o ?? '') === lower(owner) && lower(r ?? '') === lower(repo)
        ? match(req.method ?? 'GET', rest[0] === '' && rest.length === 1 ? [] : rest)
        : undefined
    if (found) record.route = found.route.template
    const failure = injected(record.method, record.path)
    if (failure) {
      record.injected = true
      return failure
    }
    if (!found)
      return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } }
    return found.route.handler({
      method: record.method,
      workflows: auth[1] === workflowsToken,
      params: found.params,
      query: record.query,
      body: record.body,
      accept: String(req.headers.accept ?? ''),
      pathname: url.pathname
    })
  }

  function send(res: ServerResponse, reply: Reply): void {
    const headers: Record<string, string> = {
      ...rateHeaders(),
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      ...reply.headers
    }
    if (reply.raw) {
      res.writeHead(reply.status, { ...headers, 'content-type': 'application/vnd.github.raw' })
      res.end(reply.raw)
    } else if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status, headers)
      res.end()
    } else {
      res.writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(reply.body))
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const record: RecordedRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: req.url ?? '',
        query: {},
        body: undefined,
        status: 0
      }
      requests.push(record)
      let reply: Reply
      try {
        reply = handle(req, Buffer.concat(chunks), record)
      } catch (error) {
        if (error instanceof HttpError)
          reply = { status: error.status, body: error.body, headers: error.headers }
        else
          reply = {
            status: 500,
            body: {
              message: `fake-github bug: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
            }
          }
      }
      record.status = reply.status
      send(res, reply)
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  // --- initial state and helpers ----------------------------------------------------------------

  function helperCommit(
    parent: string | undefined,
    files: Record<string, FakeFile | null>,
    message: string,
    author?: string,
    asToken = false
  ): string {
    const root: Node & { kind: 'tree' } = parent
      ? { kind: 'tree', sha: git.commits.get(parent)!.tree }
      : { kind: 'tree', children: new Map() }
    for (const [path, content] of Object.entries(files)) {
      try {
        place(
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
    const who = asToken ? BOT : parseAuthor(author)
    const person: Person = { name: who.name, email: who.email, seconds: seconds(), tz: '+0000' }
    return git.putCommit({
      tree: writeRoot(root),
      parents: parent ? [parent] : [],
      author: person,
      committer: person,
      message,
      verified: asToken
    })
  }

  setRef(`refs/heads/${defaultBranch}`, helperCommit(undefined, options.files, 'Initial commit'))

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

  function requireCommit(ref: string): string {
    const sha = resolveCommit(ref)
    if (!sha) throw new Error(`fake-github: no branch or commit ${ref}`)
    return sha
  }

  return {
    url: base,
    owner,
    repo,
    defaultBranch,
    token,
    workflowsToken,
    requests,
    writeRequests: () => requests.filter(r => r.method !== 'GET' && r.method !== 'HEAD'),
    clearRequests: () => {
      requests.length = 0
    },
    commit(branch, files, message, commitOptions) {
      const parent = refs.get(`refs/heads/${branch}`)
      if (!parent) throw new Error(`fake-github: no branch ${branch}`)
      const sha = helperCommit(
        parent,
        files,
        message,
        commitOptions?.author,
        commitOptions?.asToken
      )
      setRef(`refs/heads/${branch}`, sha)
      return sha
    },
    createBranch(name, from) {
      if (refs.has(`refs/heads/${name}`)) throw new Error(`fake-github: branch ${name} exists`)
      setRef(`refs/heads/${name}`, requireCommit(from))
    },
    setBranch(name, sha) {
      setRef(`refs/heads/${name}`, requireCommit(sha))
    },
    deleteBranch(name) {
      if (!refs.has(`refs/heads/${name}`)) throw new Error(`fake-github: no branch ${name}`)
      setRef(`refs/heads/${name}`, undefined)
    },
    readFile(ref, path) {
      const sha = resolveCommit(ref)
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
      const sha = resolveCommit(ref)
      return sha ? git.lookup(git.commits.get(sha)!.tree, path)?.mode : undefined
    },
    branchSha: name => refs.get(`refs/heads/${name}`),
    branchCommits(name) {
      const sha = refs.get(`refs/heads/${name}`)
      if (!sha) throw new Error(`fake-github: no branch ${name}`)
      return git.history(sha).map(publicCommit)
    },
    getCommit(sha) {
      const c = git.commits.get(sha)
      return c ? publicCommit(c) : undefined
    },
    pulls: () =>
      [...pulls.values()]
        .sort((a, b) => a.number - b.number)
        .map(p => ({
          number: p.number,
          state: p.state,
          merged: p.merged,
          draft: p.draft,
          title: p.title,
          body: p.body,
          head: { ...p.head },
          base: { ref: p.base.ref, sha: refs.get(`refs/heads/${p.base.ref}`) },
          labels: [...p.labels],
          assignees: [...p.assignees],
          requestedReviewers: [...p.requestedReviewers],
          requestedTeams: [...p.requestedTeams],
          comments: p.comments.map(c => ({ id: c.id, body: c.body, user: c.user })),
          maintainerCanModify: p.maintainerCanModify,
          user: p.user
        })),
    truncateTrees(on) {
      truncating = on
    },
    failNext(count, failure = {}) {
      if (count > 0) failures.push({ remaining: count, spec: failure })
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
  }
}
