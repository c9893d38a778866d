/**
 * GitHub's refusal of a commit that touches `.github/workflows/`, reworded to name every such
 * file and the token that can push them.
 */
import { PullRequestError, status } from './pull-request-error.js'

/** GitHub's answer when a token without the workflows permission pushes a workflow change. */
const WORKFLOW_REFUSAL = /workflows?` (permission|scope)|create or update workflow/i

export function isWorkflowPath(path: string): boolean {
  return path.startsWith('.github/workflows/')
}

/**
 * GitHub refuses a commit that changes `.github/workflows/` from a token without the
 * `workflows` permission, which GITHUB_TOKEN can never have. Its answer names one file and
 * no way out; this names every such file and the token that can push them.
 */
export function workflowRefusal(
  error: unknown,
  paths: readonly string[]
): PullRequestError | undefined {
  const workflows = paths.filter(isWorkflowPath)
  if (workflows.length === 0) return undefined
  const code = status(error)
  const message = error instanceof Error ? error.message : String(error)
  const refused = WORKFLOW_REFUSAL.test(message)
  // GitHub has also been seen answering a bare 404 to such trees; a rate limit is no refusal.
  const likely = code === 403 || code === 404 || code === 422
  if (!refused && (!likely || /rate limit/i.test(message))) return undefined
  const files = workflows.map(p => `\`${p}\``).join(', ')
  return new PullRequestError(
    (refused
      ? `GitHub refused the commit changing ${files}: `
      : `GitHub answered ${code} to the commit changing ${files}, most likely because `) +
      'files under .github/workflows/ can only be changed with a token that has the workflows permission, and the default GITHUB_TOKEN cannot have it',
    {
      cause: error,
      fix: {
        text:
          'Pass as {token} a fine-grained personal access token with "Workflows: write" (plus "Contents: write" and "Pull requests: write"), ' +
          'or a GitHub App installation token with workflows: write; or leave .github/workflows/ out of {the:files}.',
        join: 'sentence'
      },
      after: ` GitHub said: ${message.split('\n')[0]}`
    }
  )
}
