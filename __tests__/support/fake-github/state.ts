/**
 * The one repository the fake serves: its git objects, refs and pulls, the counters GitHub
 * numbers things with, and the rules that tie them together (moving a branch moves or closes
 * the pulls on it). Every API area and the test-facing control API share one of these.
 */
import { GitStore } from './git-store.js'
import type { FakeComment, FakeGitHubOptions, FakeGraphQLCall } from './types.js'

/** The token's bot identity: who opens pulls and who commits when no identity is given. */
export const BOT = {
  login: 'github-actions[bot]',
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
  id: 41898282
}

export const lower = (s: string) => s.toLowerCase()

export function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export interface PullState {
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
  /** Set by GraphQL enablePullRequestAutoMerge; null when auto-merge is off. */
  autoMerge: { mergeMethod: 'MERGE' | 'SQUASH' | 'REBASE' } | null
}

/** One version of a container package, as the Packages API lists it. */
export interface PackageVersionState {
  id: number
  /** The digest. */
  name: string
  createdAt: string
  updatedAt: string
  tags: string[]
}

/** The GraphQL node id GitHub gives a pull; the fake's own encoding, opaque to callers. */
export function pullNodeId(pull: { id: number }): string {
  return `PR_kwDOfake${pull.id}`
}

export class RepositoryState {
  readonly owner: string
  readonly repo: string
  readonly defaultBranch: string
  readonly token: string
  readonly workflowsToken: string
  readonly collaborators: string[] | undefined
  readonly teams: string[] | undefined
  readonly git = new GitStore()
  /** Full ref name → commit sha. */
  readonly refs = new Map<string, string>()
  readonly pulls = new Map<number, PullState>()
  /** Lower-cased label name → the label as first named; labels are repository-wide. */
  readonly labels = new Map<string, { id: number; name: string }>()
  nextIssue = 1
  /** Ids of pulls, comments and labels, from one counter. */
  nextId = 1000
  /**
   * Container packages by `orgs/<owner>` or `users/<owner>` (lower case), then package name
   * (`a/b` for ghcr.io/owner/a/b); versions newest first, as GitHub lists them.
   */
  readonly packages = new Map<string, Map<string, PackageVersionState[]>>()
  /** The repository setting "Allow auto-merge"; GraphQL enablePullRequestAutoMerge needs it. */
  allowAutoMerge: boolean
  readonly graphqlCalls: FakeGraphQLCall[] = []
  /** Set by truncateTrees(): recursive tree listings answer truncated. */
  truncating = false
  /** The server's address; known once it listens. */
  baseUrl = ''
  private readonly now: () => Date

  constructor(options: FakeGitHubOptions) {
    this.owner = options.owner
    this.repo = options.repo
    this.defaultBranch = options.defaultBranch ?? 'main'
    this.token = options.token ?? 'ghs_test_token'
    this.workflowsToken = options.workflowsToken ?? 'github_pat_workflows'
    this.collaborators = options.collaborators
    this.teams = options.teams
    this.now = options.now ?? (() => new Date())
    this.allowAutoMerge = options.allowAutoMerge ?? true
  }

  seconds(): number {
    return Math.floor(this.now().getTime() / 1000)
  }

  isoNow(): string {
    return isoDate(this.seconds())
  }

  /** The API URL of the repository, e.g. http://127.0.0.1:40123/repos/o/r. */
  get repoUrl(): string {
    return `${this.baseUrl}/repos/${this.owner}/${this.repo}`
  }

  /** Where the repository's web pages would be. */
  get htmlUrl(): string {
    return `${this.baseUrl}/${this.owner}/${this.repo}`
  }

  branchSha(branch: string): string | undefined {
    return this.refs.get(`refs/heads/${branch}`)
  }

  /** A commit by full sha, ref, branch, tag or unique abbreviated sha, as GitHub resolves them. */
  resolveCommit(ref: string): string | undefined {
    if (/^[0-9a-f]{40}$/.test(ref)) return this.git.commits.has(ref) ? ref : undefined
    for (const candidate of [ref, `refs/heads/${ref}`, `refs/tags/${ref}`, `refs/${ref}`]) {
      const sha = this.refs.get(candidate)
      if (sha) return sha
    }
    if (/^[0-9a-f]{7,39}$/.test(ref)) {
      const hits = [...this.git.commits.keys()].filter(s => s.startsWith(ref))
      if (hits.length === 1) return hits[0]
    }
    return undefined
  }

  /** Moves, creates (sha) or deletes (undefined) a ref, and follows it with the open pulls. */
  setRef(full: string, sha: string | undefined): void {
    if (sha === undefined) this.refs.delete(full)
    else this.refs.set(full, sha)
    if (!full.startsWith('refs/heads/')) return
    const branch = full.slice('refs/heads/'.length)
    for (const pull of this.pulls.values()) {
      if (pull.state !== 'open') continue
      if (pull.head.ref === branch) {
        if (sha === undefined) this.close(pull)
        else pull.head.sha = sha
      }
      if (pull.base.ref === branch) {
        if (sha === undefined) this.close(pull)
        else if (this.git.ancestors(sha).has(pull.head.sha)) {
          // Pushing the head's commits to the base merges the pull, as on GitHub.
          this.close(pull)
          pull.merged = true
          pull.mergedAt = pull.closedAt
          pull.mergeCommitSha = sha
        }
      }
    }
  }

  close(pull: PullState): void {
    pull.state = 'closed'
    pull.closedAt = this.isoNow()
    pull.updatedAt = pull.closedAt
  }
}
