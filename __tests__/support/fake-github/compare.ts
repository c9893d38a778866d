/**
 * The compare API: `base...head` (either side may be `owner:branch`), with the commits the head
 * is ahead by, oldest first, and the files changed since the merge base. Like GitHub it pages
 * the commits (`per_page`, default 250, and `page`) while `total_commits` counts them all.
 */
import { fail, notFound } from './http-errors.js'
import type { RouteTable } from './router.js'
import { commitJson, filesJson } from './shapes.js'

export const compare: RouteTable = {
  'GET /repos/{owner}/{repo}/compare/{+basehead}': ctx => {
    const { state } = ctx
    const spec = ctx.params.basehead!
    const dots = spec.indexOf('...')
    if (dots < 0) notFound()
    const strip = (s: string) => (s.includes(':') ? s.slice(s.lastIndexOf(':') + 1) : s)
    const baseName = strip(spec.slice(0, dots))
    const headName = strip(spec.slice(dots + 3))
    const baseSha = state.resolveCommit(baseName) ?? notFound()
    const headSha = state.resolveCommit(headName) ?? notFound()
    const fromBase = state.git.ancestors(baseSha)
    const fromHead = state.git.ancestors(headSha)
    const ahead = state.git.history(headSha).filter(c => !fromBase.has(c.sha))
    const behind = state.git.history(baseSha).filter(c => !fromHead.has(c.sha))
    const common = state.git.history(headSha).find(c => fromBase.has(c.sha))
    if (!common) fail(404, `No common ancestor between ${baseName} and ${headName}.`)
    const status =
      ahead.length === 0 && behind.length === 0
        ? 'identical'
        : behind.length === 0
          ? 'ahead'
          : ahead.length === 0
            ? 'behind'
            : 'diverged'
    const perPage = Math.min(250, Math.max(1, Number(ctx.query.per_page) || 250))
    const page = Math.max(1, Number(ctx.query.page) || 1)
    // Oldest first, as GitHub lists them.
    const listed = ahead.reverse().slice((page - 1) * perPage, page * perPage)
    return {
      status: 200,
      body: {
        url: `${state.repoUrl}/compare/${spec}`,
        html_url: `${state.htmlUrl}/compare/${spec}`,
        permalink_url: `${state.htmlUrl}/compare/${baseSha}...${headSha}`,
        diff_url: `${state.htmlUrl}/compare/${spec}.diff`,
        patch_url: `${state.htmlUrl}/compare/${spec}.patch`,
        base_commit: commitJson(state, state.git.commits.get(baseSha)!),
        merge_base_commit: commitJson(state, common),
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        commits: listed.map(c => commitJson(state, c)),
        files: filesJson(
          state,
          state.git.changes(common.tree, state.git.commits.get(headSha)!.tree)
        )
      }
    }
  }
}
