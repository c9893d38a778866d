/** Closing the one pull request when nothing is left to propose, with a comment saying why. */
import type { OpenPull, Octokit, PullRequestChange, RepositoryId } from './pull-requests.js'

/** How many held updates the closing comment lists before it counts the rest. */
const LISTED = 20

/**
 * The comment's text. With updates held back the base does not hold the tags' digests, so
 * saying it "already pins every current digest" would be false: the held ones are named.
 */
export function closingComment(change: PullRequestChange): string {
  const base = change.base.branch
  const held = change.held ?? []
  if (held.length === 0)
    return `${base} already pins every current digest, so this pull request is no longer needed. Closed by image-digest-updater.`
  const listed = held.slice(0, LISTED)
  if (held.length > LISTED) listed.push(`- …and ${held.length - LISTED} more.`)
  return [
    `Nothing is left to propose: ${base} pins every digest this run would propose, and these newer digests are held back by a policy:`,
    '',
    ...listed,
    '',
    'A new pull request opens when a run can propose one of them. Closed by image-digest-updater.'
  ].join('\n')
}

/** The log's line for the close. */
export function closingLine(change: PullRequestChange, pull: OpenPull): string {
  const n = change.held?.length ?? 0
  if (n === 0) return `Closed #${pull.number}: ${change.base.branch} already holds every digest`
  const updates = n === 1 ? '1 update is' : `${n} updates are`
  return `Closed #${pull.number}: nothing is left to propose while ${updates} held back`
}

/** Comments on the pull request, then closes it. */
export async function closePull(
  octokit: Octokit,
  { owner, repo }: RepositoryId,
  pull: OpenPull,
  change: PullRequestChange
): Promise<void> {
  const number = pull.number
  const body = closingComment(change)
  await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body })
  await octokit.rest.pulls.update({ owner, repo, pull_number: number, state: 'closed' })
}
