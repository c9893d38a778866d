/** The pull request step's error, and the status GitHub's API answered with. */
import { type Fix, UpdaterError } from '../../domain/errors.js'

export class PullRequestError extends UpdaterError {
  override name = 'PullRequestError'
}

/** Our own fix for a branch holding commits the action may not replace. */
export const BRANCH_FIX: Fix = {
  text: 'Delete the branch, or {set:branch} explicitly to let the action replace it',
  join: 'sentence'
}

export function status(error: unknown): number | undefined {
  const value = (error as { status?: unknown }).status
  return typeof value === 'number' ? value : undefined
}
