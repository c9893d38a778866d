/**
 * GraphQL, for the two mutations the action sends: enablePullRequestAutoMerge and
 * disablePullRequestAutoMerge, at POST /graphql (github.com's api host) and POST /api/graphql
 * (GitHub Enterprise Server). GraphQL answers its errors with 200 and an `errors` array, so the
 * handler replies rather than throws. The fake reads the mutation's input from the variables
 * `pullRequestId` and `mergeMethod` only (it parses no GraphQL), and answers a fixed selection.
 *
 * What GitHub does that the action must cope with:
 * - a repository whose "Allow auto-merge" setting is off refuses enabling with
 *   "Pull request Auto merge is not allowed for this repository" (type UNPROCESSABLE);
 * - an id that names no pull is "Could not resolve to a node with the global id of '…'";
 * - every open pull here counts as having pending required checks, so enabling succeeds
 *   (GitHub refuses it on a pull already mergeable with nothing pending: "clean status").
 * Disabling a pull whose auto-merge is off is refused too; the fake's wording is its own.
 */
import type { Context, Reply, RouteTable } from './router.js'
import { pullNodeId, type PullState } from './state.js'

const OPERATIONS = ['enablePullRequestAutoMerge', 'disablePullRequestAutoMerge'] as const
type Operation = (typeof OPERATIONS)[number]
const METHODS = new Set(['MERGE', 'SQUASH', 'REBASE'])

function errorReply(operation: string | undefined, type: string, message: string): Reply {
  return {
    status: 200,
    body: {
      data: operation ? { [operation]: null } : null,
      errors: [{ type, path: operation ? [operation] : [], message }]
    }
  }
}

function autoMerge(ctx: Context, operation: Operation, pull: PullState, method: unknown): Reply {
  const { state } = ctx
  if (pull.state !== 'open')
    return errorReply(operation, 'UNPROCESSABLE', 'Pull request is not open')
  if (operation === 'enablePullRequestAutoMerge') {
    if (!state.allowAutoMerge)
      return errorReply(
        operation,
        'UNPROCESSABLE',
        'Pull request Auto merge is not allowed for this repository'
      )
    const mergeMethod = method ?? 'MERGE'
    if (typeof mergeMethod !== 'string' || !METHODS.has(mergeMethod))
      return errorReply(
        operation,
        'INVALID',
        `Variable $mergeMethod of type PullRequestMergeMethod was provided invalid value`
      )
    pull.autoMerge = { mergeMethod: mergeMethod as 'MERGE' | 'SQUASH' | 'REBASE' }
  } else {
    if (!pull.autoMerge)
      return errorReply(
        operation,
        'UNPROCESSABLE',
        'Auto-merge is not enabled on this pull request'
      )
    pull.autoMerge = null
  }
  return {
    status: 200,
    body: {
      data: {
        [operation]: {
          pullRequest: {
            id: pullNodeId(pull),
            number: pull.number,
            autoMergeRequest: pull.autoMerge ? { mergeMethod: pull.autoMerge.mergeMethod } : null
          }
        }
      }
    }
  }
}

function graphql(ctx: Context): Reply {
  const { state } = ctx
  const body = (ctx.body ?? {}) as { query?: unknown; variables?: unknown }
  const query = typeof body.query === 'string' ? body.query : ''
  const variables = (
    typeof body.variables === 'object' && body.variables !== null ? body.variables : {}
  ) as Record<string, unknown>
  const operation = OPERATIONS.find(op => new RegExp(`\\b${op}\\s*\\(`).test(query))
  let reply: Reply
  if (!operation) {
    reply = errorReply(
      undefined,
      'NOT_SUPPORTED',
      'fake-github: this GraphQL document is not served'
    )
  } else {
    const id = variables.pullRequestId
    const pull = [...state.pulls.values()].find(p => pullNodeId(p) === id)
    reply = pull
      ? autoMerge(ctx, operation, pull, variables.mergeMethod)
      : errorReply(
          operation,
          'NOT_FOUND',
          `Could not resolve to a node with the global id of '${String(id)}'`
        )
  }
  const errors = (reply.body as { errors?: Array<{ message: string }> }).errors ?? []
  state.graphqlCalls.push({ operation, variables, errors: errors.map(e => e.message) })
  return reply
}

export const graphqlApi: RouteTable = {
  'POST /graphql': graphql,
  'POST /api/graphql': graphql
}
