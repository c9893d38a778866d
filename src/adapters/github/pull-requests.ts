/**
 * One pull request per branch, kept current through the Git Database API: a single commit
 * on top of the base branch's head, made by the token's identity with no author override
 * so GitHub signs it. Knows nothing of registries or config files: it moves file contents.
 */
import type { getOctokit } from '@actions/github'
import { readBase } from './base.js'
import {
  type BranchCommit,
  type CommitIdentity,
  hasTrailer,
  identityOf,
  sameIdentity,
  shortList,
  withTrailer
} from './branch-trust.js'
import { type AutoMergeChange, type AutoMergeMethod, changeAutoMerge } from './auto-merge.js'
import { closePull, closingLine } from './close.js'
import { addExtras } from './extras.js'
import { BRANCH_FIX, PullRequestError, status } from './pull-request-error.js'
import { buildTree, treeIsComputed } from './trees.js'
import { workflowRefusal } from './workflow-refusal.js'

export {
  type BranchCommit,
  COMMIT_TRAILER,
  type CommitIdentity,
  identityOf,
  sameIdentity,
  withTrailer
} from './branch-trust.js'
export { PullRequestError } from './pull-request-error.js'
export { blobSha } from './trees.js'
export { isWorkflowPath, workflowRefusal } from './workflow-refusal.js'

export type Octokit = ReturnType<typeof getOctokit>

export type PullRequestOperation = 'created' | 'updated' | 'unchanged' | 'closed' | 'none'

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

export interface PullRequestChange {
  base: BaseSnapshot
  branch: string
  /** True when the user named the branch: then foreign commits on it may be overwritten. */
  branchExplicit: boolean
  /** Paths and their new content; empty when nothing is left to propose. */
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
   * The updates a policy held back, one escaped Markdown line each: when nothing is left to
   * propose, they are why the pull request is closed.
   */
  held?: readonly string[]
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
  /** The pull's GraphQL id (REST `node_id`), when there is an open pull. */
  nodeId?: string
  /**
   * GitHub's auto-merge on the open pull as this run found it (its REST `auto_merge`):
   * the merge method when on, null when off; undefined when there is no open pull.
   */
  autoMergeFound?: string | null
}

export interface PullRequestLogger {
  info(message: string): void
  warning(message: string): void
}

export interface OpenPull {
  number: number
  html_url: string
  title: string
  body?: string | null
  labels?: Array<string | { name?: string }>
  assignees?: Array<{ login: string }> | null
  requested_reviewers?: Array<{ login: string }> | null
  requested_teams?: Array<{ slug: string }> | null
  node_id?: string
  auto_merge?: { merge_method?: string } | null
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
  readBase(
    base: string | undefined,
    paths: readonly string[],
    patterns: readonly string[] = []
  ): Promise<BaseSnapshot> {
    return readBase(this.octokit, this.repository, base, paths, patterns)
  }

  async sync(change: PullRequestChange): Promise<PullRequestOutcome> {
    const branch = change.branch
    if (branch === change.base.branch)
      throw new PullRequestError(
        `the pull request branch and the base are both "${branch}"; choose another branch`
      )
    const branchSha = await this.branchHead(branch)
    const pull = await this.findOpenPull(branch, change.base.branch)

    if (change.files.size === 0) return this.closeIfObsolete(change, pull, branchSha)

    const { reuse, built, since } = branchSha
      ? await this.compareBranch(change, branchSha)
      : { reuse: false, built: undefined, since: [] }
    if (reuse && pull) {
      // The tree is right, but the body's auto-merge line and Details say what this run
      // found: a stale one is rewritten, with no commit.
      const stale = pull.title !== change.title || (pull.body ?? '') !== change.body
      if (stale) await this.updatePull(pull.number, change)
      const refreshed = stale ? '; its title and body were brought up to date' : ''
      this.logger.info(`#${pull.number} already proposes these digests${refreshed}`)
      return { operation: 'unchanged', ...pullFields(pull), branch }
    }

    let commitSha: string | undefined
    if (!reuse) commitSha = await this.pushBranch(change, branchSha, built, since)

    if (pull) {
      await this.updatePull(pull.number, change)
      await this.addExtras(pull.number, change, pull)
      this.logger.info(`Updated #${pull.number} (${pull.html_url})`)
      return { operation: 'updated', ...pullFields(pull), branch, commitSha }
    }

    const created = await this.createPull(change)
    this.logger.info(`Created #${created.number} (${created.html_url})`)
    return { operation: 'created', ...pullFields(created), branch, commitSha }
  }

  /** No file to change: the open pull request is closed, unless the run cannot tell. */
  private async closeIfObsolete(
    change: PullRequestChange,
    pull: OpenPull | undefined,
    branchSha: string | undefined
  ): Promise<PullRequestOutcome> {
    const { owner, repo } = this.repository
    const branch = change.branch
    if (change.keepOpen || !pull) {
      if (pull)
        this.logger.info(
          `#${pull.number} left open: some images could not be resolved, so this run cannot tell whether it is still needed`
        )
      return { operation: pull ? 'unchanged' : 'none', ...pullFields(pull), branch }
    }
    await closePull(this.octokit, this.repository, pull, change)
    if (branchSha && (await this.commitsSince(change.base.sha, branchSha)).every(hasTrailer)) {
      await this.octokit.rest.git.deleteRef({ owner, repo, ref: `heads/${branch}` })
    }
    this.logger.info(closingLine(change, pull))
    return { operation: 'closed', ...pullFields(pull), branch }
  }

  /**
   * Whether the existing branch may be left as it is, with the commits it has beyond the base
   * and the commit built to compare trees, if one was.
   */
  private async compareBranch(
    change: PullRequestChange,
    branchSha: string
  ): Promise<{ reuse: boolean; built?: CommitIdentity; since: BranchCommit[] }> {
    const { owner, repo } = this.repository
    const branch = change.branch
    // The branch is left as it is only when its tree is exactly the one computed here: a file
    // anyone slipped onto it, or one the action no longer proposes, makes it differ.
    let built: CommitIdentity | undefined
    const since = await this.commitsSince(change.base.sha, branchSha)
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
    return { reuse: same, built, since }
  }

  /** Commits the change on the base and points the branch at it; returns the commit. */
  private async pushBranch(
    change: PullRequestChange,
    branchSha: string | undefined,
    built: CommitIdentity | undefined,
    since: BranchCommit[]
  ): Promise<string> {
    const { owner, repo } = this.repository
    const branch = change.branch
    let commitSha: string
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
    return commitSha
  }

  private async updatePull(number: number, change: PullRequestChange): Promise<void> {
    const { owner, repo } = this.repository
    const { title, body } = change
    await this.octokit.rest.pulls.update({ owner, repo, pull_number: number, title, body })
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

  private treeIsComputed(treeSha: string, change: PullRequestChange): Promise<boolean | undefined> {
    return treeIsComputed(this.octokit, this.repository, treeSha, change)
  }

  private buildTree(change: PullRequestChange): Promise<string> {
    return buildTree(this.octokit, this.repository, change)
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

  /** Turns GitHub's auto-merge on with `method`, or off when it is undefined. */
  setAutoMerge(nodeId: string, method: AutoMergeMethod | undefined): Promise<AutoMergeChange> {
    return changeAutoMerge(this.octokit, nodeId, method)
  }

  private addExtras(number: number, change: PullRequestChange, pull?: OpenPull): Promise<void> {
    return addExtras(this.octokit, this.repository, this.logger, number, change, pull)
  }
}

function pullFields(
  pull: OpenPull | undefined
): Pick<PullRequestOutcome, 'number' | 'url' | 'nodeId' | 'autoMergeFound'> {
  if (!pull) return {}
  return {
    number: pull.number,
    url: pull.html_url,
    ...(pull.node_id ? { nodeId: pull.node_id } : {}),
    autoMergeFound: pull.auto_merge ? (pull.auto_merge.merge_method ?? 'merge') : null
  }
}
