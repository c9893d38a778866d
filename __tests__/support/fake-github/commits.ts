/** The commits API: a history (optionally of one path) and one commit with its files. */
import type { StoredCommit } from './git-store.js'
import { fail, notFound } from './http-errors.js'
import type { RouteTable } from './router.js'
import { commitJson, filesJson, paginate } from './shapes.js'

export const commits: RouteTable = {
  'GET /repos/{owner}/{repo}/commits': ctx => {
    const { state } = ctx
    const start = ctx.query.sha ?? state.defaultBranch
    const head = state.resolveCommit(start) ?? notFound()
    let list = state.git.history(head)
    const path = ctx.query.path
    if (path) {
      const at = (c: StoredCommit | undefined) =>
        c ? state.git.lookup(c.tree, path)?.sha : undefined
      list = list.filter(c => at(c) !== at(state.git.commits.get(c.parents[0] ?? '')))
    }
    return paginate(
      ctx,
      list.map(c => commitJson(state, c))
    )
  },

  'GET /repos/{owner}/{repo}/commits/{+ref}': ctx => {
    const { state } = ctx
    const sha =
      state.resolveCommit(ctx.params.ref!) ??
      fail(422, `No commit found for SHA: ${ctx.params.ref}`)
    const commit = state.git.commits.get(sha)!
    const parent = commit.parents[0] ? state.git.commits.get(commit.parents[0]) : undefined
    return {
      status: 200,
      body: {
        ...commitJson(state, commit),
        files: filesJson(state, state.git.changes(parent?.tree, commit.tree))
      }
    }
  }
}
