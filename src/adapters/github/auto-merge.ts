/**
 * GitHub's auto-merge on one pull request, through GraphQL (REST has no call for it):
 * enablePullRequestAutoMerge and disablePullRequestAutoMerge on the pull's node id. A refusal
 * is an answer, not an error: the repository may not allow auto-merge, or the token may not
 * use it, and neither may cost the pull request the run just made.
 */
import type { Octokit } from './pull-requests.js'
import { status } from './pull-request-error.js'

export const AUTO_MERGE_METHODS = ['merge', 'squash', 'rebase'] as const
export type AutoMergeMethod = (typeof AUTO_MERGE_METHODS)[number]

export type AutoMergeChange =
  | { state: 'enabled' | 'disabled' }
  /** GitHub refused; `reason` is one line of our own words. */
  | { state: 'refused'; reason: string }

const ENABLE = `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId, mergeMethod: $mergeMethod}) {
    pullRequest { id }
  }
}`

const DISABLE = `mutation($pullRequestId: ID!) {
  disablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId}) {
    pullRequest { id }
  }
}`

interface GraphQLFailure {
  errors?: Array<{ type?: unknown; message?: unknown }>
}

/** Turns auto-merge on with `method`, or off when `method` is undefined. */
export async function changeAutoMerge(
  octokit: Octokit,
  nodeId: string,
  method: AutoMergeMethod | undefined
): Promise<AutoMergeChange> {
  try {
    if (method)
      await octokit.graphql(ENABLE, { pullRequestId: nodeId, mergeMethod: method.toUpperCase() })
    else await octokit.graphql(DISABLE, { pullRequestId: nodeId })
    return { state: method ? 'enabled' : 'disabled' }
  } catch (error) {
    return { state: 'refused', reason: refusal(error, method !== undefined) }
  }
}

/** GitHub's refusal in our words; its own message is matched, never quoted. */
function refusal(error: unknown, enabling: boolean): string {
  const verb = enabling ? 'enable' : 'disable'
  const errors = (error as GraphQLFailure).errors ?? []
  const messages = [
    ...errors.map(e => String(e.message ?? '')),
    error instanceof Error ? error.message : ''
  ]
  const types = errors.map(e => String(e.type ?? ''))
  if (messages.some(m => /auto.?merge is not allowed/i.test(m)))
    return 'the repository does not allow auto-merge (Settings → General → Allow auto-merge)'
  if (messages.some(m => /clean status/i.test(m)))
    return 'the pull request can already be merged with nothing pending, so GitHub has nothing to wait for'
  if (types.includes('FORBIDDEN') || messages.some(m => /not accessible by integration/i.test(m)))
    return `the token may not ${verb} auto-merge (it needs contents: write and pull-requests: write)`
  const code = status(error)
  if (code !== undefined) return `GitHub answered HTTP ${code} when asked to ${verb} auto-merge`
  const type = types.find(t => /^[A-Z_]{1,40}$/.test(t))
  return `GitHub refused to ${verb} auto-merge${type ? ` (${type})` : ''}`
}
