/**
 * One pull request per branch, kept current through the Git Database API: a single commit
 * on top of the base branch's head, made by the token's identity with no author override
 * so GitHub signs it. Knows nothing of registries or config files: it moves file contents.
 */
import { type Fix, UpdaterError } from '../../domain/errors.js'
import type { getOctokit } from '@actions/github'
import { createHash } from 'node:crypto'
import { matchPaths } from '../fs/workspace-files.js'

export type Octokit = ReturnType<typeof getOctokit>

export type PullRequestOperation = 'created' | 'updated' | 'unchanged' | 'closed' | 'none'

/** Marks commits this action made, so a branch holding anyone else's work is never overwritten. */
export const COMMIT_TRAILER = 'Generated-by: image-digest-updater'

export interface RepositoryId {
  owner: string
  repo: string
}

export interface BaseSnapshot {
  branch: string
  sha: string
  treeSha: string
  /**
   * Each requested path's content on the base head; undefined when it does not exist there
   * or is not a regular file (then `notFiles` says what it is).
   */
  files: Map<string, Buffer | undefined>
  /** Git mode of each regular file read (`100644`, `100755`), kept when it is rewritten. */
  modes: Map<string, string>
  /** Requested paths that exist on the base but are no regular file: `symbolic link`, … */
  notFiles: Map<string, string>
  /**
   * The paths the patterns name on the base, each also read into `files`; undefined when
   * GitHub truncated the tree listing, so the base's paths are not all known.
   */
  matched?: string[]
  /** Every non-directory entry of the base tree by path; undefined when truncated. */
  entries?: Map<string, { mode: string; sha: string }>
}

interface TreeEntry {
  path?: string
  mode?: string
  type?: string
  sha?: string
}

const NOT_FILE: Record<string, string> = {
  '120000': 'a symbolic link',
  '040000': 'a directory',
  '160000': 'a submodule'
}

/** GitHub's answer when a token without the workflows permission pushes a workflow change. */
const WORKFLOW_REFUSAL = /workflows?` (permission|scope)|create or update workflow/i

export function isWorkflowPath(path: string): boolean {
  return path.startsWith('.github/workflows/')
}

export interface PullRequestChange {
  base: BaseSnapshot
  branch: string
  /** True when the user named the branch: then foreign commits on it may be overwritten. */
  branchExplicit: boolean
  /** Paths and their new content; empty when the base already holds every current digest. */
  files: Map<string, string>
  title: string
  body: string
  commitMessage: string
  labels: string[]
  assignees: string[]
  reviewers: string[]
  teamReviewers: string[]
  draft: boolean
  /**
   * When some images could not be resolved, an empty change proves nothing: the open pull
   * request may hold the only copy of their last good digests, so it is left alone.
   */
  keepOpen: boolean
}

export interface PullRequestOutcome {
  operation: PullRequestOperation
  number?: number
  url?: string
  branch: string
  /** Set when a commit was made. */
  commitSha?: string
}

export interface PullRequestLogger {
  info(message: string): void
  warning(message: string): void
}

interface OpenPull {
  number: number
  html_url: string
  title: string
  body?: string | null
  labels?: Array<string | { name?: string }>
  assignees?: Array<{ login: string }> | null
  requested_reviewers?: Array<{ login: string }> | null
  requested_teams?: Array<{ slug: string }> | null
}

/** A commit on the branch as the compare API lists it. */
export interface BranchCommit {
  sha: string
  commit: {
    message: string
    author?: { name?: string; email?: string } | null
    committer?: { name?: string; email?: string } | null
    verification?: { verified: boolean }
  }
}

/** Who GitHub says made a commit. */
export interface CommitIdentity {
  sha: string
  author: string
  committer: string
  verified: boolean
}

function person(p: { name?: string; email?: string } | null | undefined): string {
  return `${p?.name ?? ''} <${(p?.email ?? '').toLowerCase()}>`
}

export function identityOf(
  sha: string,
  data: {
    author?: { name?: string; email?: string } | null
    committer?: { name?: string; email?: string } | null
    verification?: { verified: boolean }
  }
): CommitIdentity {
  return {
    sha,
    author: person(data.author),
    committer: person(data.committer),
    verified: data.verification?.verified === true
  }
}

function hasTrailer(c: BranchCommit): boolean {
  return c.commit.message.split('\n').some(line => line.trim() === COMMIT_TRAILER)
}

/**
 * The same author and committer as the token's own commit, and signed when GitHub signs that
 * one (a pushed commit can copy a name and an address, not GitHub's signature).
 */
export function sameIdentity(c: BranchCommit, own: CommitIdentity): boolean {
  const theirs = identityOf(c.sha, c.commit)
  return (
    hasTrailer(c) &&
    theirs.author === own.author &&
    theirs.committer === own.committer &&
    (!own.verified || theirs.verified)
  )
}

function shortList(commits: readonly BranchCommit[]): string {
  return commits
    .slice(0, 3)
    .map(c => c.sha.slice(0, 12))
    .join(', ')
}

function modeOf(change: PullRequestChange, path: string): '100755' | '100644' {
  return change.base.modes.get(path) === '100755' ? '100755' : '100644'
}

export class PullRequestError extends UpdaterError {
  override name = 'PullRequestError'
}

/** Our own fix for a branch holding commits the action may not replace. */
const BRANCH_FIX: Fix = {
  text: 'Delete the branch, or {set:branch} explicitly to let the action replace it',
  join: 'sentence'
}

function status(error: unknown): number | undefined {
  const value = (error as { status?: unknown }).status
  return typeof value === 'number' ? value : undefined
}

export function withTrailer(message: string): string {
  return `${message.trimEnd()}\n\n${COMMIT_TRAILER}\n`
}

/** The GitHub side of the update: read the base, then create, update, or close the pull request. */
export class PullRequestClient {
  constructor(
    private readonly octokit: Octokit,
    private readonly repository: RepositoryId,
    private readonly logger: PullRequestLogger
  ) {}

  /**
   * Reads the base branch's head, its tree, and the given files as they are there, plus every
   * file the patterns (the `files` globs) name in that tree.
   */
  async readBase(
    base: string | undefined,
    paths: readonly string[],
    patterns: readonly string[] = []
  ): Promise<BaseSnapshot> {
    const { owner, repo } = this.repository
    const branch = base ?? (await this.octokit.rest.repos.get({ owner, repo })).data.default_branch
    let sha: string
    try {
      const ref = await this.octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })
      sha = ref.data.object.sha
    } catch (error) {
      if (status(error) === 404)
        throw new PullRequestError(`base branch "${branch}" does not exist in ${owner}/${repo}`, {
          fix: { text: '{set:base} to an existing branch' }
        })
      throw error
    }
    const commit = await this.octokit.rest.git.getCommit({ owner, repo, commit_sha: sha })
    const treeSha = commit.data.tree.sha
    const files = new Map<string, Buffer | undefined>()
    const modes = new Map<string, string>()
    const notFiles = new Map<string, string>()
    // One listing of the whole tree gives every path's mode (an executable script must stay
    // executable) and kind; a listing GitHub truncated falls back to one lookup per path.
    const listing = (
      await this.octokit.rest.git.getTree({ owner, repo, tree_sha: treeSha, recursive: '1' })
    ).data
    const entries = new Map<string, TreeEntry>()
    for (const e of listing.tree) if (e.path) entries.set(e.path, e)
    const flat = listing.truncated ? undefined : flatTree(listing.tree)
    const matched = flat
      ? matchPaths(patterns, flat.keys()).filter(p => !paths.includes(p))
      : undefined
    for (const path of [...paths, ...(matched ?? [])]) {
      const entry = entries.get(path)
      if (!entry && !listing.truncated) {
        files.set(path, undefined)
      } else if (entry && (entry.type !== 'blob' || NOT_FILE[entry.mode ?? ''])) {
        files.set(path, undefined)
        notFiles.set(path, NOT_FILE[entry.mode ?? ''] ?? `a ${entry.type}`)
      } else if (entry?.sha) {
        const blob = await this.octokit.rest.git.getBlob({ owner, repo, file_sha: entry.sha })
        files.set(path, Buffer.from(blob.data.content, 'base64'))
        modes.set(path, entry.mode ?? '100644')
      } else {
        const read = await this.readFile(path, sha)
        if (read && 'kind' in read) notFiles.set(path, `a ${read.kind}`)
        files.set(path, read && 'bytes' in read ? read.bytes : undefined)
      }
    }
    return { branch, sha, treeSha, files, modes, notFiles, matched, entries: flat }
  }

  private async readFile(
    path: string,
    ref: string
  ): Promise<{ bytes: Buffer } | { kind: string } | undefined> {
    const { owner, repo } = this.repository
    try {
      const { data } = await this.octokit.rest.repos.getContent({ owner, repo, path, ref })
      if (Array.isArray(data)) return { kind: 'directory' }
      if (data.type !== 'file') return { kind: data.type }
      if ('content' in data && typeof data.content === 'string' && data.content !== '') {
        return { bytes: Buffer.from(data.content, 'base64') }
      }
      // The contents API leaves files over 1 MB empty; their blob has the bytes.
      const blob = await this.octokit.rest.git.getBlob({ owner, repo, file_sha: data.sha })
      return { bytes: Buffer.from(blob.data.content, 'base64') }
    } catch (error) {
      if (status(error) === 404) return undefined
      throw error
    }
  }

  async sync(change: PullRequestChange): Promise<PullRequestOutcome> {
    const { owner, repo } = this.repository
    const branch = change.branch
    if (branch === change.base.branch)
      throw new PullRequestError(
        `the pull request branch and the base are both "${branch}"; choose another branch`
      )
    const branchSha = await this.branchHead(branch)
    const pull = await this.findOpenPull(branch, change.base.branch)

    if (change.files.size === 0) {
      if (change.keepOpen || !pull) {
        if (pull)
          this.logger.info(
            `#${pull.number} left open: some images could not be resolved, so this run cannot tell whether it is still needed`
          )
        return { operation: pull ? 'unchanged' : 'none', ...pullFields(pull), branch }
      }
      await this.octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: pull.number,
        body: `${change.base.branch} already pins every current digest, so this pull request is no longer needed. Closed by image-digest-updater.`
      })
      await this.octokit.rest.pulls.update({
        owner,
        repo,
        pull_number: pull.number,
        state: 'closed'
      })
      if (branchSha && (await this.commitsSince(change.base.sha, branchSha)).every(hasTrailer)) {
        await this.octokit.rest.git.deleteRef({ owner, repo, ref: `heads/${branch}` })
      }
      this.logger.info(`Closed #${pull.number}: ${change.base.branch} already holds every digest`)
      return { operation: 'closed', ...pullFields(pull), branch }
    }

    // The branch is left as it is only when its tree is exactly the one computed here: a file
    // anyone slipped onto it, or one the action no longer proposes, makes it differ.
    let reuse = false
    let built: CommitIdentity | undefined
    let since: BranchCommit[] = []
    if (branchSha) {
      since = await this.commitsSince(change.base.sha, branchSha)
      const unmarked = since.filter(c => !hasTrailer(c))
      if (unmarked.length > 0 && !change.branchExplicit) {
        throw new PullRequestError(
          `branch "${branch}" has ${unmarked.length} commit(s) that image-digest-updater did not make (${shortList(unmarked)}); refusing to overwrite them`,
          { fix: BRANCH_FIX }
        )
      }
      const head = await this.octokit.rest.git.getCommit({ owner, repo, commit_sha: branchSha })
      const branchTree = head.data.tree.sha
      let same = await this.treeIsComputed(branchTree, change)
      if (same === undefined) {
        const tree = await this.buildTree(change)
        same = tree === branchTree
        if (!same) built = await this.createCommit(change, tree)
      }
      reuse = same
      if (reuse && pull) {
        this.logger.info(`#${pull.number} already proposes these digests`)
        return { operation: 'unchanged', ...pullFields(pull), branch }
      }
    }

    let commitSha: string | undefined
    if (!reuse) {
      try {
        const own = built ?? (await this.createCommit(change, await this.buildTree(change)))
        commitSha = own.sha
        if (branchSha && !change.branchExplicit) {
          // Rebuilt only when every commit on it is this token's own: the trailer alone can be
          // written by anyone who can push, the identity GitHub stamps on its commits cannot.
          const strangers = since.filter(c => !sameIdentity(c, own))
          if (strangers.length > 0)
            throw new PullRequestError(
              `branch "${branch}" has ${strangers.length} commit(s) that carry image-digest-updater's trailer but were not made by this token (${shortList(strangers)}, by ${strangers[0]!.commit.author?.name ?? 'unknown'}); refusing to overwrite them`,
              { fix: BRANCH_FIX }
            )
        }
        if (branchSha) {
          await this.octokit.rest.git.updateRef({
            owner,
            repo,
            ref: `heads/${branch}`,
            sha: commitSha,
            force: true
          })
        } else {
          await this.octokit.rest.git.createRef({
            owner,
            repo,
            ref: `refs/heads/${branch}`,
            sha: commitSha
          })
        }
      } catch (error) {
        if (error instanceof PullRequestError) throw error
        throw workflowRefusal(error, [...change.files.keys()]) ?? error
      }
    }

    if (pull) {
      await this.octokit.rest.pulls.update({
        owner,
        repo,
        pull_number: pull.number,
        title: change.title,
        body: change.body
      })
      await this.addExtras(pull.number, change, pull)
      this.logger.info(`Updated #${pull.number} (${pull.html_url})`)
      return { operation: 'updated', ...pullFields(pull), branch, commitSha }
    }

    const created = await this.createPull(change)
    this.logger.info(`Created #${created.number} (${created.html_url})`)
    return { operation: 'created', ...pullFields(created), branch, commitSha }
  }

  private async branchHead(branch: string): Promise<string | undefined> {
    const { owner, repo } = this.repository
    try {
      const ref = await this.octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })
      return ref.data.object.sha
    } catch (error) {
      if (status(error) === 404) return undefined
      throw error
    }
  }

  private async findOpenPull(branch: string, base: string): Promise<OpenPull | undefined> {
    const { owner, repo } = this.repository
    // Without the owner prefix GitHub ignores `head` and lists every pull request.
    const { data } = await this.octokit.rest.pulls.list({
      owner,
      repo,
      state: 'open',
      head: `${owner}:${branch}`,
      base,
      per_page: 10
    })
    return data.find(p => p.head.ref === branch)
  }

  /** The commits the branch head has beyond the base, oldest first. */
  private async commitsSince(baseSha: string, headSha: string): Promise<BranchCommit[]> {
    const { owner, repo } = this.repository
    if (baseSha === headSha) return []
    const { data } = await this.octokit.rest.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${baseSha}...${headSha}`
    })
    return data.commits
  }

  /**
   * Whether a tree is exactly the base's tree with the change's files in it, compared entry by
   * entry from listings, without writing anything; undefined when a listing is truncated.
   */
  private async treeIsComputed(
    treeSha: string,
    change: PullRequestChange
  ): Promise<boolean | undefined> {
    const { owner, repo } = this.repository
    if (!change.base.entries) return undefined
    const want = new Map(change.base.entries)
    for (const [path, content] of change.files)
      want.set(path, { mode: modeOf(change, path), sha: blobSha(Buffer.from(content, 'utf8')) })
    const listing = (
      await this.octokit.rest.git.getTree({ owner, repo, tree_sha: treeSha, recursive: '1' })
    ).data
    if (listing.truncated) return undefined
    const have = flatTree(listing.tree)
    if (have.size !== want.size) return false
    for (const [path, entry] of want) {
      const other = have.get(path)
      if (other?.sha !== entry.sha || other.mode !== entry.mode) return false
    }
    return true
  }

  private async buildTree(change: PullRequestChange): Promise<string> {
    const { owner, repo } = this.repository
    const tree = []
    for (const [path, content] of change.files) {
      const blob = await this.octokit.rest.git.createBlob({
        owner,
        repo,
        content: Buffer.from(content, 'utf8').toString('base64'),
        encoding: 'base64'
      })
      tree.push({ path, mode: modeOf(change, path), type: 'blob' as const, sha: blob.data.sha })
    }
    const newTree = await this.octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: change.base.treeSha,
      tree
    })
    return newTree.data.sha
  }

  /** The commit on the base, and the identity GitHub gave it: the token's own. */
  private async createCommit(change: PullRequestChange, tree: string): Promise<CommitIdentity> {
    const { owner, repo } = this.repository
    // No author or committer: GitHub then attributes the commit to the token and signs it.
    const { data } = await this.octokit.rest.git.createCommit({
      owner,
      repo,
      message: withTrailer(change.commitMessage),
      tree,
      parents: [change.base.sha]
    })
    return identityOf(data.sha, data)
  }

  private async createPull(change: PullRequestChange): Promise<OpenPull> {
    const { owner, repo } = this.repository
    const { data } = await this.octokit.rest.pulls.create({
      owner,
      repo,
      title: change.title,
      body: change.body,
      head: change.branch,
      base: change.base.branch,
      draft: change.draft,
      maintainer_can_modify: false
    })
    await this.addExtras(data.number, change)
    return data
  }

  /**
   * Adds the labels, assignees and reviewers the inputs name that the pull request lacks, on
   * every run that creates or updates it; removes none. Extras must not cost the pull request
   * itself: a reviewer who is not a collaborator makes GitHub answer 422, which is worth a
   * warning, not a failed run.
   */
  private async addExtras(number: number, change: PullRequestChange, pull?: OpenPull) {
    const { owner, repo } = this.repository
    const missing = (wanted: string[], have: Array<string | undefined> | undefined) => {
      const known = new Set((have ?? []).map(h => h?.toLowerCase()))
      return wanted.filter(w => !known.has(w.toLowerCase()))
    }
    const labels = missing(
      change.labels,
      pull?.labels?.map(l => (typeof l === 'string' ? l : l.name))
    )
    const assignees = missing(
      change.assignees,
      pull?.assignees?.map(a => a.login)
    )
    const reviewers = missing(
      change.reviewers,
      pull?.requested_reviewers?.map(r => r.login)
    )
    const teams = missing(
      change.teamReviewers,
      pull?.requested_teams?.map(t => t.slug)
    )
    const extras: Array<[string, () => Promise<unknown>]> = []
    if (labels.length > 0)
      extras.push([
        'labels',
        () => this.octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels })
      ])
    if (assignees.length > 0)
      extras.push([
        'assignees',
        () =>
          this.octokit.rest.issues.addAssignees({ owner, repo, issue_number: number, assignees })
      ])
    if (reviewers.length > 0 || teams.length > 0)
      extras.push([
        'reviewers',
        () =>
          this.octokit.rest.pulls.requestReviewers({
            owner,
            repo,
            pull_number: number,
            reviewers,
            team_reviewers: teams
          })
      ])
    for (const [what, call] of extras) {
      try {
        await call()
      } catch (error) {
        this.logger.warning(
          `#${number}: could not add ${what}: ${error instanceof Error ? error.message : String(error)}`
        )
      }
    }
  }
}

/**
 * GitHub refuses a commit that changes `.github/workflows/` from a token without the
 * `workflows` permission, which GITHUB_TOKEN can never have. Its answer names one file and
 * no way out; this names every such file and the token that can push them.
 */
export function workflowRefusal(
  error: unknown,
  paths: readonly string[]
): PullRequestError | undefined {
  const workflows = paths.filter(isWorkflowPath)
  if (workflows.length === 0) return undefined
  const code = status(error)
  const message = error instanceof Error ? error.message : String(error)
  const refused = WORKFLOW_REFUSAL.test(message)
  // GitHub has also been seen answering a bare 404 to such trees; a rate limit is no refusal.
  const likely = code === 403 || code === 404 || code === 422
  if (!refused && (!likely || /rate limit/i.test(message))) return undefined
  const files = workflows.map(p => `\`${p}\``).join(', ')
  return new PullRequestError(
    (refused
      ? `GitHub refused the commit changing ${files}: `
      : `GitHub answered ${code} to the commit changing ${files}, most likely because `) +
      'files under .github/workflows/ can only be changed with a token that has the workflows permission, and the default GITHUB_TOKEN cannot have it',
    {
      cause: error,
      fix: {
        text:
          'Pass as {token} a fine-grained personal access token with "Workflows: write" (plus "Contents: write" and "Pull requests: write"), ' +
          'or a GitHub App installation token with workflows: write; or leave .github/workflows/ out of {the:files}.',
        join: 'sentence'
      },
      after: ` GitHub said: ${message.split('\n')[0]}`
    }
  )
}

/** path → mode and object id of every entry of a recursive listing that is not a directory. */
function flatTree(tree: readonly TreeEntry[]): Map<string, { mode: string; sha: string }> {
  const flat = new Map<string, { mode: string; sha: string }>()
  for (const e of tree)
    if (e.path && e.sha && e.type !== 'tree') flat.set(e.path, { mode: e.mode ?? '', sha: e.sha })
  return flat
}

/** The id git gives a blob of these bytes. */
export function blobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

function pullFields(pull: OpenPull | undefined): { number?: number; url?: string } {
  return pull ? { number: pull.number, url: pull.html_url } : {}
}
