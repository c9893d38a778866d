/**
 * One pull request per branch, kept current through the Git Database API: a single commit
 * on top of the base branch's head, made by the token's identity with no author override
 * so GitHub signs it. Knows nothing of registries or config files: it moves file contents.
 */
import type { getOctokit } from '@actions/github'

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
}

export class PullRequestError extends Error {
  override name = 'PullRequestError'
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

  /** Reads the base branch's head and the given files as they are there. */
  async readBase(base: string | undefined, paths: readonly string[]): Promise<BaseSnapshot> {
    const { owner, repo } = this.repository
    const branch = base ?? (await this.octokit.rest.repos.get({ owner, repo })).data.default_branch
    let sha: string
    try {
      const ref = await this.octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })
      sha = ref.data.object.sha
    } catch (error) {
      if (status(error) === 404)
        throw new PullRequestError(
          `base branch "${branch}" does not exist in ${owner}/${repo}; set the base input to an existing branch`
        )
      throw error
    }
    const commit = await this.octokit.rest.git.getCommit({ owner, repo, commit_sha: sha })
    const treeSha = commit.data.tree.sha
    const files = new Map<string, Buffer | undefined>()
    const modes = new Map<string, string>()
    const notFiles = new Map<string, string>()
    // One listing of the whole tree gives every path's mode (an executable script must stay
    // executable) and kind; a listing GitHub truncated falls back to one lookup per path.
    const listing =
      paths.length > 0
        ? (await this.octokit.rest.git.getTree({ owner, repo, tree_sha: treeSha, recursive: '1' }))
            .data
        : undefined
    const entries = new Map<string, TreeEntry>()
    for (const e of listing?.tree ?? []) if (e.path) entries.set(e.path, e)
    for (const path of paths) {
      const entry = entries.get(path)
      if (!entry && listing && !listing.truncated) {
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
    return { branch, sha, treeSha, files, modes, notFiles }
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
      if (branchSha && !(await this.foreignCommits(change.base.sha, branchSha)).length) {
        await this.octokit.rest.git.deleteRef({ owner, repo, ref: `heads/${branch}` })
      }
      this.logger.info(`Closed #${pull.number}: ${change.base.branch} already holds every digest`)
      return { operation: 'closed', ...pullFields(pull), branch }
    }

    let reuse = false
    if (branchSha) {
      const foreign = await this.foreignCommits(change.base.sha, branchSha)
      if (foreign.length > 0 && !change.branchExplicit) {
        throw new PullRequestError(
          `branch "${branch}" has ${foreign.length} commit(s) that image-digest-updater did not make (${foreign
            .slice(0, 3)
            .map(c => c.slice(0, 12))
            .join(
              ', '
            )}); refusing to overwrite them. Delete the branch, or set the branch input explicitly to let the action replace it`
        )
      }
      reuse = foreign.length === 0 && (await this.branchHolds(branchSha, change.files))
      if (reuse && pull) {
        this.logger.info(`#${pull.number} already proposes these digests`)
        return { operation: 'unchanged', ...pullFields(pull), branch }
      }
    }

    let commitSha: string | undefined
    if (!reuse) {
      try {
        commitSha = await this.commit(change)
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
      if (change.labels.length > 0)
        await this.octokit.rest.issues.addLabels({
          owner,
          repo,
          issue_number: pull.number,
          labels: change.labels
        })
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

  /** Commits between base and the branch head that lack this action's trailer. */
  private async foreignCommits(baseSha: string, headSha: string): Promise<string[]> {
    const { owner, repo } = this.repository
    if (baseSha === headSha) return []
    const { data } = await this.octokit.rest.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${baseSha}...${headSha}`
    })
    return data.commits
      .filter(c => !c.commit.message.split('\n').some(line => line.trim() === COMMIT_TRAILER))
      .map(c => c.sha)
  }

  private async branchHolds(branchSha: string, files: Map<string, string>): Promise<boolean> {
    for (const [path, content] of files) {
      const current = await this.readFile(path, branchSha)
      if (!current || !('bytes' in current) || !current.bytes.equals(Buffer.from(content, 'utf8')))
        return false
    }
    return true
  }

  private async commit(change: PullRequestChange): Promise<string> {
    const { owner, repo } = this.repository
    const tree = []
    for (const [path, content] of change.files) {
      const blob = await this.octokit.rest.git.createBlob({
        owner,
        repo,
        content: Buffer.from(content, 'utf8').toString('base64'),
        encoding: 'base64'
      })
      const mode = change.base.modes.get(path) === '100755' ? '100755' : '100644'
      tree.push({ path, mode, type: 'blob' as const, sha: blob.data.sha } as const)
    }
    const newTree = await this.octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: change.base.treeSha,
      tree
    })
    // No author or committer: GitHub then attributes the commit to the token and signs it.
    const commit = await this.octokit.rest.git.createCommit({
      owner,
      repo,
      message: withTrailer(change.commitMessage),
      tree: newTree.data.sha,
      parents: [change.base.sha]
    })
    return commit.data.sha
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
    // Extras must not cost the pull request itself: a reviewer who is not a collaborator
    // makes GitHub answer 422, which is worth a warning, not a failed run.
    const extras: Array<[string, () => Promise<unknown>]> = []
    if (change.labels.length > 0)
      extras.push([
        'labels',
        () =>
          this.octokit.rest.issues.addLabels({
            owner,
            repo,
            issue_number: data.number,
            labels: change.labels
          })
      ])
    if (change.assignees.length > 0)
      extras.push([
        'assignees',
        () =>
          this.octokit.rest.issues.addAssignees({
            owner,
            repo,
            issue_number: data.number,
            assignees: change.assignees
          })
      ])
    if (change.reviewers.length > 0 || change.teamReviewers.length > 0)
      extras.push([
        'reviewers',
        () =>
          this.octokit.rest.pulls.requestReviewers({
            owner,
            repo,
            pull_number: data.number,
            reviewers: change.reviewers,
            team_reviewers: change.teamReviewers
          })
      ])
    for (const [what, call] of extras) {
      try {
        await call()
      } catch (error) {
        this.logger.warning(
          `#${data.number}: could not add ${what}: ${error instanceof Error ? error.message : String(error)}`
        )
      }
    }
    return data
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
      'files under .github/workflows/ can only be changed with a token that has the workflows permission, and the default GITHUB_TOKEN cannot have it. ' +
      'Pass as token a fine-grained personal access token with "Workflows: write" (plus "Contents: write" and "Pull requests: write"), ' +
      'or a GitHub App installation token with workflows: write; or leave .github/workflows/ out of the files input. ' +
      `GitHub said: ${message.split('\n')[0]}`,
    { cause: error }
  )
}

function pullFields(pull: OpenPull | undefined): { number?: number; url?: string } {
  return pull ? { number: pull.number, url: pull.html_url } : {}
}
