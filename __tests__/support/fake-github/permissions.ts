/**
 * Who may do what: the two tokens the fake accepts, and the `workflows` permission GITHUB_TOKEN
 * never has. Without it GitHub refuses to move a branch onto commits that change anything under
 * `.github/workflows/`; the commits and trees themselves are accepted.
 */
import { DOCS, unprocessable } from './http-errors.js'
import type { Context, Reply } from './router.js'
import type { RepositoryState } from './state.js'

export type Authentication = { workflows: boolean } | { refused: Reply }

/** Reads `Authorization: token <t>` or `Bearer <t>`; anything else is GitHub's 401. */
export function authenticate(state: RepositoryState, header: string | undefined): Authentication {
  const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '')
  if (!auth || (auth[1] !== state.token && auth[1] !== state.workflowsToken))
    return {
      refused: {
        status: 401,
        body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' }
      }
    }
  return { workflows: auth[1] === state.workflowsToken }
}

/**
 * What GitHub checks on a push: the commits the ref would newly reach (those no ref reaches
 * yet) must not touch `.github/workflows/` unless the token has the `workflows` permission.
 */
export function refuseWorkflowChanges(ctx: Context, sha: string): void {
  const { git, refs } = ctx.state
  if (ctx.workflows || !git.commits.has(sha)) return
  const known = new Set<string>()
  for (const head of refs.values()) for (const c of git.ancestors(head)) known.add(c)
  for (const commit of git.history(sha)) {
    if (known.has(commit.sha)) continue
    const parents = commit.parents.length > 0 ? commit.parents : [undefined]
    for (const parent of parents) {
      const before = parent ? git.commits.get(parent)?.tree : undefined
      const changed = git
        .changes(before, commit.tree)
        .map(f => f.filename)
        .find(path => path.startsWith('.github/workflows/'))
      if (changed)
        unprocessable(
          `refusing to allow a GitHub App to create or update workflow \`${changed}\` without \`workflows\` permission`
        )
    }
  }
}
