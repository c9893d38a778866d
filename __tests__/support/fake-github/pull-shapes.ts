/** The JSON of pulls and of the issues behind them: labels, comments and the branches. */
import { repoJson, userJson } from './shapes.js'
import { BOT, lower, pullNodeId, type PullState, type RepositoryState } from './state.js'

/** A label, given the id of the first label of that name (any case). */
export function labelJson(state: RepositoryState, name: string) {
  let label = state.labels.get(lower(name))
  if (!label) {
    label = { id: state.nextId++, name }
    state.labels.set(lower(name), label)
  }
  return {
    id: label.id,
    node_id: '',
    url: `${state.repoUrl}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: 'ededed',
    default: false,
    description: null
  }
}

export function branchJson(state: RepositoryState, ref: string, sha: string) {
  return {
    label: `${state.owner}:${ref}`,
    ref,
    sha,
    user: userJson(state, state.owner),
    repo: repoJson(state)
  }
}

/** The commits the head has that its base lacks. */
function aheadCount(state: RepositoryState, pull: PullState): number {
  const baseSha = state.branchSha(pull.base.ref)
  const behind = baseSha ? state.git.ancestors(baseSha) : new Set<string>()
  return [...state.git.ancestors(pull.head.sha)].filter(s => !behind.has(s)).length
}

/** `full` adds what GET/POST/PATCH of one pull return and the list leaves out. */
export function pullJson(state: RepositoryState, pull: PullState, full: boolean) {
  const baseSha = state.branchSha(pull.base.ref) ?? ''
  const simple = {
    url: `${state.repoUrl}/pulls/${pull.number}`,
    id: pull.id,
    node_id: pullNodeId(pull),
    html_url: `${state.htmlUrl}/pull/${pull.number}`,
    diff_url: `${state.htmlUrl}/pull/${pull.number}.diff`,
    patch_url: `${state.htmlUrl}/pull/${pull.number}.patch`,
    issue_url: `${state.repoUrl}/issues/${pull.number}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userJson(state, pull.user),
    body: pull.body,
    labels: pull.labels.map(l => labelJson(state, l)),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: pull.assignees[0] ? userJson(state, pull.assignees[0]) : null,
    assignees: pull.assignees.map(u => userJson(state, u)),
    requested_reviewers: pull.requestedReviewers.map(u => userJson(state, u)),
    requested_teams: pull.requestedTeams.map(slug => ({ id: 1, name: slug, slug })),
    head: branchJson(state, pull.head.ref, pull.head.sha),
    base: branchJson(state, pull.base.ref, baseSha),
    author_association: 'NONE',
    auto_merge: pull.autoMerge
      ? {
          enabled_by: userJson(state, BOT.login),
          merge_method: pull.autoMerge.mergeMethod.toLowerCase(),
          commit_title: null,
          commit_message: null
        }
      : null,
    draft: pull.draft
  }
  if (!full) return simple
  return {
    ...simple,
    merged: pull.merged,
    mergeable: pull.state === 'open' ? true : null,
    rebaseable: pull.state === 'open' ? true : null,
    mergeable_state: pull.state === 'open' ? 'clean' : 'unknown',
    merged_by: pull.merged ? userJson(state, state.owner) : null,
    comments: pull.comments.length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: aheadCount(state, pull),
    additions: 0,
    deletions: 0,
    changed_files: 0
  }
}

export function issueJson(state: RepositoryState, pull: PullState) {
  const p = pullJson(state, pull, false)
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

export function commentJson(
  state: RepositoryState,
  pull: PullState,
  c: PullState['comments'][number]
) {
  return {
    id: c.id,
    node_id: '',
    url: `${state.repoUrl}/issues/comments/${c.id}`,
    html_url: `${state.htmlUrl}/pull/${pull.number}#issuecomment-${c.id}`,
    issue_url: `${state.repoUrl}/issues/${pull.number}`,
    body: c.body,
    user: userJson(state, c.user),
    created_at: c.createdAt,
    updated_at: c.createdAt,
    author_association: 'NONE'
  }
}
