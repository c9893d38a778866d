/** The repository itself and its branches. */
import { notFound } from './http-errors.js'
import type { RouteTable } from './router.js'
import { commitJson, repoJson } from './shapes.js'

export const repository: RouteTable = {
  'GET /repos/{owner}/{repo}{/}': ctx => ({ status: 200, body: repoJson(ctx.state) }),

  'GET /repos/{owner}/{repo}/branches/{+branch}': ctx => {
    const { state } = ctx
    const sha = state.refs.get(`refs/heads/${ctx.params.branch}`) ?? notFound()
    return {
      status: 200,
      body: {
        name: ctx.params.branch,
        commit: commitJson(state, state.git.commits.get(sha)!),
        protected: false,
        _links: { self: `${state.repoUrl}/branches/${ctx.params.branch}`, html: state.htmlUrl }
      }
    }
  }
}
