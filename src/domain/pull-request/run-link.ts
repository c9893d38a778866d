/**
 * The footer's link to the workflow run that made the update. The runner's environment names
 * the host, the repository and the run; each part is checked, so a hostile value cannot turn
 * the footer into a link elsewhere (another scheme, credentials, a path or query of its own).
 */
import { linkDestination, safeUrl } from '../text/markdown.js'

const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/
const RUN_ID = /^[1-9][0-9]{0,19}$/

/**
 * `https://host/owner/repo/actions/runs/ID`, or undefined when any part is missing or not of
 * its form: the server must be a bare https origin (GitHub or a GHES host).
 */
export function workflowRunUrl(
  server: string | undefined,
  repository: string | undefined,
  runId: string | undefined
): URL | undefined {
  if (!server || !repository || !runId) return undefined
  const origin = safeUrl(server)
  if (!origin || origin.protocol !== 'https:' || origin.search || origin.hash) return undefined
  if (origin.pathname !== '/' || !/^[A-Za-z0-9.-]+$/.test(origin.hostname)) return undefined
  const name = repository.trim()
  if (!REPOSITORY.test(name) || name.split('/')[1] === '.' || name.split('/')[1] === '..')
    return undefined
  if (!RUN_ID.test(runId.trim())) return undefined
  return new URL(`${origin.origin}/${name}/actions/runs/${runId.trim()}`)
}

/** The footer line; nothing without a run. */
export function runLine(url: URL | undefined): string {
  return url ? `_Made by [this workflow run](${linkDestination(url)})._` : ''
}
