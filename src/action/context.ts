/**
 * What the runner tells the action about the run besides its inputs: the event and the
 * repository, read from the environment as @actions/github's context does. Read here
 * rather than through `github.context` because importing @actions/github loads the whole
 * GitHub client, which only a run that opens a pull request needs.
 */
import { existsSync, readFileSync } from 'node:fs'
import { workflowRunUrl } from '../domain/pull-request/run-link.js'
import * as log from './log.js'

export interface RunEvent {
  name: string | undefined
  payload: Record<string, unknown>
}

/** GITHUB_EVENT_NAME and the JSON at GITHUB_EVENT_PATH ({} when there is none). */
export function readRunEvent(env: NodeJS.ProcessEnv = process.env): RunEvent {
  let payload: Record<string, unknown> = {}
  const path = env.GITHUB_EVENT_PATH
  if (path) {
    if (existsSync(path))
      payload = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
    else log.info(`GITHUB_EVENT_PATH ${path} does not exist`)
  }
  return { name: env.GITHUB_EVENT_NAME, payload }
}

/** The repository the run belongs to: GITHUB_REPOSITORY, else the event's. */
export function runRepository(
  event: RunEvent,
  env: NodeJS.ProcessEnv = process.env
): { owner: string; repo: string } {
  if (env.GITHUB_REPOSITORY) {
    const [owner, repo] = env.GITHUB_REPOSITORY.split('/')
    return { owner: owner!, repo: repo! }
  }
  const repository = event.payload.repository as
    { owner: { login: string }; name: string } | undefined
  if (repository) return { owner: repository.owner.login, repo: repository.name }
  throw new Error(
    "context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'"
  )
}

/**
 * The workflow run this step belongs to, for the pull request's footer: GITHUB_SERVER_URL,
 * GITHUB_REPOSITORY and GITHUB_RUN_ID, read once here and checked part by part, so a value
 * that is not a bare https host, an owner/name and a run number links nowhere rather than
 * somewhere else. Undefined outside a workflow run.
 */
export function readRunLink(env: NodeJS.ProcessEnv = process.env): URL | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = env
  if (!server || !repository || !run) return undefined
  const url = workflowRunUrl(server, repository, run)
  if (!url)
    log.info(
      'The pull request gets no link to this run: GITHUB_SERVER_URL, GITHUB_REPOSITORY or GITHUB_RUN_ID is not of its usual form'
    )
  return url
}
