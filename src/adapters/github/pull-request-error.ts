/** The pull request step's error, and the status GitHub's API answered with. */

export class PullRequestError extends Error {
  override name = 'PullRequestError'
}

export function status(error: unknown): number | undefined {
  const value = (error as { status?: unknown }).status
  return typeof value === 'number' ? value : undefined
}
