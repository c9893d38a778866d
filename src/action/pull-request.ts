/**
 * The action's pull-request step: the settings from the inputs, then either the dry run's
 * preview or the pull request itself. The GitHub client is loaded here, on demand, so a run
 * that opens no pull request (matrix mode, dry runs, nothing to propose) never loads it.
 */
import { constants } from 'node:fs'
import { lstat, open, realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { PullRequestClient, type PullRequestOutcome } from '../adapters/github/pull-requests.js'
import { GitHubReviewSourcesClient } from '../adapters/github/review-sources.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import { type ProposalSettings, describeProposal, proposeUpdate } from '../run/propose.js'
import type { PullRequestPort } from '../run/pull-request-port.js'
import { autoMergeSummary } from '../run/auto-merge.js'
import { TEST_NOW_VARIABLE, runClock } from '../run/policies.js'
import type { GitHubReviewSources } from '../run/review-sources.js'
import type { UpdateResult } from '../run/update.js'
import { type RunEvent, readRunLink, runRepository } from './context.js'
import { InputError, type Inputs } from './inputs.js'
import { actionsLogger, secrets } from './log.js'
import { writePullRequestOutputs } from './outputs.js'
import { showPreview } from './preview.js'

/** GitHub's body limit is 65,536 characters; a template longer than that is no template. */
export const BODY_TEMPLATE_MAX_BYTES = 64 * 1024

/**
 * A single-line value naming an existing file is a template path; anything else is the
 * template. The file is published, so it must be a regular file inside the workspace by its
 * real path (a committed symlink to the environment or to a file outside is refused), not
 * under `.git` (the checkout's credentials live there), and at most 64 KiB.
 */
export async function readBodyTemplate(
  value: string | undefined,
  workspace: string
): Promise<string | undefined> {
  if (value === undefined || value.includes('\n')) return value
  const name = value.trim()
  const path = resolve(workspace, name)
  const refuse = (why: string) => new InputError(`input body-template: ${name} ${why}`)
  let real: string
  try {
    await lstat(path)
    real = await realpath(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENAMETOOLONG' || code === 'ENOTDIR') return value
    throw refuse(`cannot be read (${code})`)
  }
  const inside = relative(await realpath(workspace), real)
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw refuse(
      'is outside the workspace (by its real path, symlinks followed); put the template in the repository'
    )
  }
  if (inside.split(sep).includes('.git')) {
    throw refuse("is inside .git, which holds the checkout's credentials; choose another file")
  }
  const file = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW)
  try {
    if (!(await file.stat()).isFile()) throw refuse('is not a regular file')
    // Read one byte past the cap rather than trusting the size stat reports.
    const buffer = Buffer.alloc(BODY_TEMPLATE_MAX_BYTES + 1)
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0)
    if (bytesRead > BODY_TEMPLATE_MAX_BYTES) {
      throw refuse(`is larger than ${BODY_TEMPLATE_MAX_BYTES / 1024} KiB, GitHub's body limit`)
    }
    return buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await file.close()
  }
}

/**
 * What the review of each move may ask GitHub, with the action's token and only on the run's
 * own host (GITHUB_SERVER_URL, API at GITHUB_API_URL); undefined without a token. Octokit is
 * loaded on the first question, so a run where nothing moved never loads it.
 */
export function actionReviewSources(
  token: string | undefined,
  env: NodeJS.ProcessEnv = process.env
): GitHubReviewSources | undefined {
  if (!token) return undefined
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com'
  if (!URL.canParse(serverUrl)) {
    actionsLogger.debug(`GITHUB_SERVER_URL is no URL; GitHub is not asked for review details`)
    return undefined
  }
  return new GitHubReviewSourcesClient({
    serverUrl,
    authenticated: true,
    logger: actionsLogger,
    connect: async () => {
      const { createOctokit } = await import('../adapters/github/octokit.js')
      const octokit = createOctokit(token, actionsLogger, undefined, text => secrets.redact(text))
      return (route, params) => octokit.request(route, params)
    }
  })
}

function repositoryPath(workspace: string, config: string, dryRun: boolean): string {
  const path = relative(workspace, resolve(workspace, config))
  if (path.startsWith('..') || isAbsolute(path)) {
    // A dry run only shows the diff, so a config outside the repository is fine there.
    if (dryRun) return config
    throw new InputError(
      `input config ${config} is outside the workspace, so it cannot be proposed in a pull request; set pull-request to false`
    )
  }
  return path.split(sep).join('/')
}

export async function runPullRequestStep(
  inputs: Inputs,
  workspace: string,
  result: UpdateResult,
  client: RegistryClient | undefined,
  published: string | undefined,
  event: RunEvent
): Promise<{ summary: string }> {
  const pr = inputs.pullRequest
  const settings: ProposalSettings = {
    repoPath: repositoryPath(workspace, inputs.config, inputs.dryRun),
    files: inputs.files,
    config: { label: inputs.config, defaultImage: inputs.image, defaultPlatform: inputs.platform },
    pullRequest: pr,
    body: {
      template: await readBodyTemplate(pr.bodyTemplate, workspace),
      published,
      // The run's clock: the details' age agrees with the policies', and a test pins the date.
      now: runClock(process.env[TEST_NOW_VARIABLE]),
      run: readRunLink()
    }
  }

  if (inputs.dryRun) {
    writePullRequestOutputs({ operation: 'none', branch: pr.branch })
    const preview = {
      repoPath: settings.repoPath,
      title: pr.title,
      body: settings.body,
      autoMerge: pr.autoMerge
    }
    const proposal = await describeProposal(result, preview, client, actionsLogger)
    return { summary: showPreview(proposal, pr.branch) }
  }

  if (!inputs.token) {
    throw new InputError(
      'a token is needed to open the pull request: pass token (the default is github.token) or set pull-request to false'
    )
  }
  const repository = runRepository(event)
  // Loaded only here, so a run that opens no pull request never parses @actions/github and
  // Octokit (a chunk of about 210 KB).
  const { createOctokit } = await import('../adapters/github/octokit.js')
  const pullRequests: PullRequestPort = new PullRequestClient(
    createOctokit(inputs.token, actionsLogger, undefined, text => secrets.redact(text)),
    repository,
    actionsLogger
  )
  const outcome = await proposeUpdate(result, settings, pullRequests, client, actionsLogger)
  writePullRequestOutputs(outcome)
  const link = outcome.url ? `[#${outcome.number}](${outcome.url})` : ''
  const said: Record<PullRequestOutcome['operation'], string> = {
    created: `Opened pull request ${link}.`,
    updated: `Updated pull request ${link}.`,
    unchanged: `Pull request ${link} already proposes these digests.`,
    closed:
      result.held.length > 0
        ? `Closed pull request ${link}: nothing is left to propose while ${result.held.length === 1 ? 'one update is' : `${result.held.length} updates are`} held back.`
        : `Closed pull request ${link}: the base branch already holds every current digest.`,
    none: 'No pull request needed.'
  }
  const autoMerge = outcome.autoMerge ? ` ${autoMergeSummary(outcome.autoMerge)}` : ''
  return { summary: `\n${said[outcome.operation]}${autoMerge}\n` }
}
