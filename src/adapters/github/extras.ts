/** The labels, assignees and reviewers a pull request gets besides its commit. */
import type {
  OpenPull,
  Octokit,
  PullRequestChange,
  PullRequestLogger,
  RepositoryId
} from './pull-requests.js'

/**
 * Adds the labels, assignees and reviewers the inputs name that the pull request lacks, on
 * every run that creates or updates it; removes none. Extras must not cost the pull request
 * itself: a reviewer who is not a collaborator makes GitHub answer 422, which is worth a
 * warning, not a failed run.
 */
export async function addExtras(
  octokit: Octokit,
  repository: RepositoryId,
  logger: PullRequestLogger,
  number: number,
  change: PullRequestChange,
  pull?: OpenPull
): Promise<void> {
  const { owner, repo } = repository
  const missing = (wanted: string[], have: Array<string | undefined> | undefined) => {
    const known = new Set((have ?? []).map(h => h?.toLowerCase()))
    return wanted.filter(w => !known.has(w.toLowerCase()))
  }
  const labels = missing(
    change.labels,
    pull?.labels?.map(l => (typeof l === 'string' ? l : l.name))
  )
  const assignees = missing(
    change.assignees,
    pull?.assignees?.map(a => a.login)
  )
  const reviewers = missing(
    change.reviewers,
    pull?.requested_reviewers?.map(r => r.login)
  )
  const teams = missing(
    change.teamReviewers,
    pull?.requested_teams?.map(t => t.slug)
  )
  const extras: Array<[string, () => Promise<unknown>]> = []
  if (labels.length > 0)
    extras.push([
      'labels',
      () => octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels })
    ])
  if (assignees.length > 0)
    extras.push([
      'assignees',
      () => octokit.rest.issues.addAssignees({ owner, repo, issue_number: number, assignees })
    ])
  if (reviewers.length > 0 || teams.length > 0)
    extras.push([
      'reviewers',
      () =>
        octokit.rest.pulls.requestReviewers({
          owner,
          repo,
          pull_number: number,
          reviewers,
          team_reviewers: teams
        })
    ])
  for (const [what, call] of extras) {
    try {
      await call()
    } catch (error) {
      logger.warning(
        `#${number}: could not add ${what}: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
}
