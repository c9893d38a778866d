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
  /** Each requested path's content on the base head; undefined when it does not exist there. */
  files: Map<string, Buffer | undefined>
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
    const files = new Map<string, Buffer | undefined>()
    for (const path of paths) files.set(path, await this.readFile(path, sha))
    return { branch, sha, treeSha: commit.data.tree.sha, files }
  }

  private async readFile(path: string, ref: string): Promise<Buffer | undefined> {
    const { owner, repo } = this.repository
    try {
      const { data } = await this.octokit.rest.repos.getContent({ owner, repo, path, ref })
      if (Array.isArray(data) || data.type !== 'file')
        throw new PullRequestError(`${path} is not a file in ${owner}/${repo}@${ref}`)
      if ('content' in data && typeof data.content === 'string' && data.content !== '') {
        return Buffer.from(data.content, 'base64')
      }
      // The contents API leaves files over 1 MB empty; their blob has the bytes.
      const blob = await this.octokit.rest.git.getBlob({ owner, repo, file_sha: data.sha })
      return Buffer.from(blob.data.content, 'base64')
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
      if (!current || !current.equals(Buffer.from(content, 'utf8'))) return false
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
      tree.push({ path, mode: '100644' as const, type: 'blob' as const, sha: blob.data.sha })
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

function pullFields(pull: OpenPull | undefined): { number?: number; url?: string } {
  return pull ? { number: pull.number, url: pull.html_url } : {}
}
