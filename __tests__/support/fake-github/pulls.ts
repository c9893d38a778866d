/**
 * Pull requests and the issue side of them the action uses: requested reviewers, labels,
 * assignees and comments. GitHub's refusals are copied: a duplicate open pull, a head with no
 * commits beyond its base, bodies over 65536 characters, reviewers outside the collaborators.
 */
import {
  type Body,
  bodyOf,
  field,
  notFound,
  unprocessable,
  validationFailed
} from './http-errors.js'
import { commentJson, issueJson, labelJson, pullJson } from './pull-shapes.js'
import type { Context, RouteTable } from './router.js'
import { paginate } from './shapes.js'
import { BOT, lower, type PullState, type RepositoryState } from './state.js'

const BODY_LIMIT = 65536

export const pulls: RouteTable = {
  'GET /repos/{owner}/{repo}/pulls': ctx => {
    const { state } = ctx
    const wanted = ctx.query.state ?? 'open'
    let list = [...state.pulls.values()].filter(p => wanted === 'all' || p.state === wanted)
    const head = ctx.query.head
    // GitHub applies `head` only in the user:ref-name form; a bare branch name is ignored.
    if (head !== undefined && head.includes(':')) {
      const colon = head.indexOf(':')
      const user = head.slice(0, colon)
      const ref = head.slice(colon + 1)
      list = lower(user) === lower(state.owner) ? list.filter(p => p.head.ref === ref) : []
    }
    if (ctx.query.base !== undefined) list = list.filter(p => p.base.ref === ctx.query.base)
    const sort = ctx.query.sort ?? 'created'
    const key = (p: PullState) =>
      (sort === 'updated' ? p.updatedAt : '') + String(p.number).padStart(9, '0')
    list.sort((a, b) => (key(a) < key(b) ? -1 : 1))
    if ((ctx.query.direction ?? 'desc') === 'desc') list.reverse()
    return paginate(
      ctx,
      list.map(p => pullJson(state, p, false))
    )
  },

  'POST /repos/{owner}/{repo}/pulls': ctx => {
    const { state } = ctx
    const body = bodyOf(ctx.body)
    const title = field<string>(body, 'title', 'string')
    const headInput = field<string>(body, 'head', 'string', true)
    const baseInput = field<string>(body, 'base', 'string', true)
    const text = field<string>(body, 'body', 'string')
    const draft = field<boolean>(body, 'draft', 'boolean') ?? false
    const canModify = field<boolean>(body, 'maintainer_can_modify', 'boolean') ?? true
    if (!title) validationFailed({ resource: 'PullRequest', code: 'missing_field', field: 'title' })
    const head = localBranch(state, headInput, 'head')
    const baseRef = localBranch(state, baseInput, 'base')
    const headSha = state.branchSha(head)
    const baseSha = state.branchSha(baseRef)
    if (!headSha) validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' })
    if (!baseSha) validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' })
    checkBody(text, 'Issue')
    refuseDuplicate(state, head, baseRef)
    const behind = state.git.ancestors(baseSha!)
    if ([...state.git.ancestors(headSha!)].every(s => behind.has(s)))
      validationFailed({
        resource: 'PullRequest',
        code: 'custom',
        message: `No commits between ${baseRef} and ${head}`
      })
    const at = state.isoNow()
    const pull: PullState = {
      number: state.nextIssue++,
      id: state.nextId++,
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
      user: BOT.login,
      autoMerge: null
    }
    state.pulls.set(pull.number, pull)
    return {
      status: 201,
      body: pullJson(state, pull, true),
      headers: { location: `${state.repoUrl}/pulls/${pull.number}` }
    }
  },

  'GET /repos/{owner}/{repo}/pulls/{number}': ctx => ({
    status: 200,
    body: pullJson(ctx.state, pullOf(ctx), true)
  }),

  'PATCH /repos/{owner}/{repo}/pulls/{number}': ctx => {
    const { state } = ctx
    const pull = pullOf(ctx)
    const body = bodyOf(ctx.body)
    const title = field<string>(body, 'title', 'string')
    const text = field<string>(body, 'body', 'string')
    const wantedState = field<string>(body, 'state', 'string')
    const baseInput = field<string>(body, 'base', 'string')
    const canModify = field<boolean>(body, 'maintainer_can_modify', 'boolean')
    if (wantedState !== undefined && wantedState !== 'open' && wantedState !== 'closed')
      unprocessable(
        `Invalid request.\n\nFor 'properties/state', "${wantedState}" is not one of open, closed.`
      )
    if (title === '')
      validationFailed({ resource: 'PullRequest', code: 'missing_field', field: 'title' })
    checkBody(text, 'Issue')
    let baseRef: string | undefined
    if (baseInput !== undefined) {
      baseRef = localBranch(state, baseInput, 'base')
      if (pull.state === 'closed' && wantedState !== 'open')
        unprocessable('Cannot change the base branch of a closed pull request.')
      if (!state.refs.has(`refs/heads/${baseRef}`))
        validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' })
    }
    if (wantedState === 'open' && pull.state === 'closed') {
      if (pull.merged) unprocessable('Cannot reopen a merged pull request.')
      if (!state.refs.has(`refs/heads/${pull.head.ref}`))
        unprocessable(`state cannot be changed. The ${pull.head.ref} branch has been deleted.`)
      refuseDuplicate(state, pull.head.ref, baseRef ?? pull.base.ref)
    }
    if (title !== undefined) pull.title = title
    if (text !== undefined) pull.body = text
    if (baseRef !== undefined) pull.base.ref = baseRef
    if (canModify !== undefined) pull.maintainerCanModify = canModify
    pull.updatedAt = state.isoNow()
    if (wantedState === 'closed' && pull.state === 'open') state.close(pull)
    if (wantedState === 'open' && pull.state === 'closed') {
      pull.state = 'open'
      pull.closedAt = null
      pull.head.sha = state.branchSha(pull.head.ref)!
    }
    return { status: 200, body: pullJson(state, pull, true) }
  },

  'POST /repos/{owner}/{repo}/pulls/{number}/requested_reviewers': ctx => {
    const { state } = ctx
    const pull = pullOf(ctx)
    const body = bodyOf(ctx.body)
    const reviewers = stringList(body, 'reviewers')
    const teams = stringList(body, 'team_reviewers')
    if (reviewers.some(r => lower(r) === lower(pull.user)))
      unprocessable('Review cannot be requested from pull request author.')
    const allowed = state.collaborators?.map(lower)
    const allowedTeams = state.teams?.map(lower)
    if (
      (allowed && reviewers.some(r => !allowed.includes(lower(r)))) ||
      (allowedTeams && teams.some(t => !allowedTeams.includes(lower(t))))
    )
      unprocessable(
        `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${state.owner}/${state.repo} repository.`
      )
    for (const r of reviewers)
      if (!pull.requestedReviewers.some(x => lower(x) === lower(r))) pull.requestedReviewers.push(r)
    for (const t of teams)
      if (!pull.requestedTeams.some(x => lower(x) === lower(t))) pull.requestedTeams.push(t)
    pull.updatedAt = state.isoNow()
    return { status: 201, body: pullJson(state, pull, false) }
  },

  'GET /repos/{owner}/{repo}/issues/{number}/labels': ctx =>
    paginate(
      ctx,
      pullOf(ctx).labels.map(l => labelJson(ctx.state, l))
    ),

  'POST /repos/{owner}/{repo}/issues/{number}/labels': ctx => {
    const { state } = ctx
    const pull = pullOf(ctx)
    // GitHub takes {labels: [...]} or a bare array, of names or of {name} objects.
    const rawList = Array.isArray(ctx.body) ? ctx.body : bodyOf(ctx.body).labels
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
      const canonical = labelJson(state, name).name
      if (!pull.labels.some(l => lower(l) === lower(canonical))) pull.labels.push(canonical)
    }
    pull.updatedAt = state.isoNow()
    return { status: 200, body: pull.labels.map(l => labelJson(state, l)) }
  },

  'POST /repos/{owner}/{repo}/issues/{number}/assignees': ctx => {
    const { state } = ctx
    const pull = pullOf(ctx)
    const body = bodyOf(ctx.body)
    const wanted = stringList(body, 'assignees')
    const allowed = state.collaborators?.map(lower)
    // GitHub drops assignees who cannot be assigned instead of failing.
    for (const a of wanted) {
      if (allowed && !allowed.includes(lower(a))) continue
      if (pull.assignees.length >= 10) break
      if (!pull.assignees.some(x => lower(x) === lower(a))) pull.assignees.push(a)
    }
    pull.updatedAt = state.isoNow()
    return { status: 201, body: issueJson(state, pull) }
  },

  'GET /repos/{owner}/{repo}/issues/{number}/comments': ctx => {
    const { state } = ctx
    const pull = pullOf(ctx)
    return paginate(
      ctx,
      pull.comments.map(c => commentJson(state, pull, c))
    )
  },

  'POST /repos/{owner}/{repo}/issues/{number}/comments': ctx => {
    const { state } = ctx
    const pull = pullOf(ctx)
    const body = bodyOf(ctx.body)
    const text = field<string>(body, 'body', 'string', true)
    checkBody(text, 'IssueComment')
    const comment = { id: state.nextId++, body: text, user: BOT.login, createdAt: state.isoNow() }
    pull.comments.push(comment)
    pull.updatedAt = comment.createdAt
    return { status: 201, body: commentJson(state, pull, comment) }
  }
}

function pullOf(ctx: Context): PullState {
  const n = Number(ctx.params.number)
  return (Number.isInteger(n) && ctx.state.pulls.get(n)) || notFound()
}

/** GitHub allows one open pull per head and base. */
function refuseDuplicate(state: RepositoryState, head: string, base: string): void {
  const duplicate = [...state.pulls.values()].find(
    p => p.state === 'open' && p.head.ref === head && p.base.ref === base
  )
  if (duplicate)
    validationFailed({
      resource: 'PullRequest',
      code: 'custom',
      message: `A pull request already exists for ${state.owner}:${head}.`
    })
}

/** An optional array field, its items as strings. */
function stringList(body: Body, name: string): string[] {
  return (field<unknown[]>(body, name, 'array') ?? []).map(String)
}

function codePoints(s: string): number {
  // GitHub counts characters (Ruby String#length), not UTF-16 units.
  return Array.from(s).length
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
function localBranch(state: RepositoryState, value: string, fieldName: string): string {
  const colon = value.indexOf(':')
  if (colon < 0) return value
  if (lower(value.slice(0, colon)) !== lower(state.owner))
    validationFailed({ resource: 'PullRequest', field: fieldName, code: 'invalid' })
  return value.slice(colon + 1)
}
