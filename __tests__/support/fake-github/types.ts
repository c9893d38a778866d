/** What callers of the fake see: its options, its recorded requests and its snapshots. */

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
  /** The repository setting "Allow auto-merge"; default true (switch with setAllowAutoMerge). */
  allowAutoMerge?: boolean
  /**
   * A file the repository is saved to when the fake stops and restored from when a fake
   * starts on it (then `files` is ignored): a restart of GitHub, which keeps what was written.
   */
  stateFile?: string
}

export interface FakePackageVersion {
  /** `org` for /orgs/<owner>/packages, `user` for /users/<owner>/packages. */
  ownerKind: 'org' | 'user'
  owner: string
  /** The package name: `a/b` for ghcr.io/<owner>/a/b. */
  name: string
  digest: string
  /** RFC 3339. */
  createdAt: string
  /** Default createdAt. */
  updatedAt?: string
  tags?: string[]
}

/** One POST to /graphql (or /api/graphql): what was asked and whether GitHub answered errors. */
export interface FakeGraphQLCall {
  /** The first field of the document's selection, e.g. enablePullRequestAutoMerge. */
  operation: string | undefined
  variables: Record<string, unknown>
  /** The messages of the `errors` array; empty when the call succeeded. */
  errors: string[]
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
  /** Merged over the usual headers; 403 and 429 without a `body` default to `retry-after: 1`. */
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
  /** The GraphQL id REST calls node_id. */
  nodeId: string
  /** Null when auto-merge is off. */
  autoMerge: { mergeMethod: 'MERGE' | 'SQUASH' | 'REBASE' } | null
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
  /** Publishes a container package version for the Packages API; newest added lists first. */
  addPackageVersion(version: FakePackageVersion): void
  /** The repository setting "Allow auto-merge". */
  setAllowAutoMerge(on: boolean): void
  /** Every GraphQL call so far, in order; `requests` has the raw requests too. */
  graphqlCalls(): FakeGraphQLCall[]
  stop(): Promise<void>
}
