/**
 * The action's edge: read inputs once, run the core, write outputs and the job summary.
 * Nothing else in the code base touches `@actions/core` inputs; everything written goes
 * through ./text/log.ts, which makes it safe for the runner.
 */
import * as core from '@actions/core'
import * as github from '@actions/github'
import { constants } from 'node:fs'
import { lstat, open, realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { ConfigError } from '../domain/config.js'
import {
  DEFAULT_REQUEST_TIMEOUT_SECONDS,
  REQUEST_TIMEOUT_RANGE,
  createRegistryClient,
  parseRequestTimeout
} from '../adapters/registry/create-client.js'
import {
  CredentialsInputError,
  parseRegistryAuth,
  type Credentials
} from '../adapters/registry/credentials.js'
import { code, escapeMarkdown } from '../domain/text/markdown.js'
import {
  DEFAULT_BRANCH,
  DEFAULT_TITLE,
  type ProposalSettings,
  describeProposal,
  proposeUpdate
} from '../run/propose.js'
import type { PullRequestPort } from '../run/pull-request-port.js'
import { PullRequestClient, type PullRequestOutcome } from '../adapters/github/pull-requests.js'
import { createOctokit } from '../adapters/github/octokit.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import { renderSummary } from './summary.js'
import { type ImageAnnouncement, announcedReference, readEventHint } from '../domain/event.js'
import { repositoryName } from '../domain/oci/reference.js'
import * as log from './log.js'
import { actionsLogger, secrets } from './log.js'
import { type Mode, type UpdateResult, runUpdate } from '../run/update.js'
import { splitPatternList } from '../adapters/fs/workspace-files.js'

export interface ActionInputs {
  mode: Mode
  config: string
  image?: string
  dryRun: boolean
  platform?: string
  registryAuth: Map<string, Credentials>
  insecureRegistries: string[]
  concurrency: number
  maxAttempts: number
  /** Per-request timeout (headers and body), from the request-timeout input. */
  requestTimeoutMs: number
  failOnError: boolean
  token?: string
  /** Globs of other files pinning the same images, relative to the workspace. */
  files: string[]
  pullRequest: PullRequestInputs
}

export interface PullRequestInputs {
  enabled: boolean
  branch: string
  /** True when the workflow set `branch`: only then may foreign commits on it be replaced. */
  branchExplicit: boolean
  base?: string
  title: string
  commitMessage: string
  /** Inline template text, or a workspace path holding it. */
  bodyTemplate?: string
  labels: string[]
  assignees: string[]
  reviewers: string[]
  teamReviewers: string[]
  draft: boolean
}

class InputError extends Error {
  override name = 'InputError'
}

function positiveInteger(name: string, fallback: number, max: number): number {
  const text = core.getInput(name).trim()
  if (text === '') return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new InputError(`input ${name} must be a whole number from 1 to ${max}, got "${text}"`)
  }
  return value
}

function booleanInput(name: string, fallback: boolean): boolean {
  const text = core.getInput(name).trim().toLowerCase()
  if (text === '') return fallback
  if (['true', 'yes', '1', 'on'].includes(text)) return true
  if (['false', 'no', '0', 'off'].includes(text)) return false
  throw new InputError(`input ${name} must be true or false, got "${text}"`)
}

export function listInput(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean)
}

export function readInputs(): ActionInputs {
  const mode = (core.getInput('mode').trim() || 'update') as Mode
  if (mode !== 'update' && mode !== 'matrix') {
    throw new InputError(`input mode must be "update" or "matrix", got "${mode}"`)
  }
  const registryAuthText = core.getInput('registry-auth')
  let registryAuth: Map<string, Credentials>
  try {
    registryAuth = parseRegistryAuth(registryAuthText)
  } catch (error) {
    if (error instanceof CredentialsInputError) throw new InputError(`input ${error.message}`)
    throw error
  }
  for (const creds of registryAuth.values()) secrets.add(creds.password)
  const token = core.getInput('token').trim() || undefined
  secrets.add(token)
  return {
    mode,
    config: core.getInput('config').trim() || '.github/containers.yml',
    image: core.getInput('image').trim() || undefined,
    dryRun: booleanInput('dry-run', false),
    platform: core.getInput('platform').trim() || undefined,
    registryAuth,
    insecureRegistries: listInput(core.getInput('insecure-registries')).map(h => h.toLowerCase()),
    concurrency: positiveInteger('concurrency', 8, 64),
    maxAttempts: positiveInteger('max-attempts', 3, 10),
    requestTimeoutMs: requestTimeoutInput(),
    failOnError: booleanInput('fail-on-error', false),
    token,
    files: splitPatternList(core.getInput('files')),
    pullRequest: readPullRequestInputs()
  }
}

function readPullRequestInputs(): PullRequestInputs {
  const branch = core.getInput('branch').trim()
  const title = core.getInput('title').trim() || DEFAULT_TITLE
  return {
    enabled: booleanInput('pull-request', true),
    branch: branch || DEFAULT_BRANCH,
    branchExplicit: branch !== '',
    base: core.getInput('base').trim() || undefined,
    title,
    commitMessage: core.getInput('commit-message').trim() || title,
    bodyTemplate: core.getInput('body-template') || undefined,
    labels: listInput(core.getInput('labels')),
    assignees: listInput(core.getInput('assignees')),
    reviewers: listInput(core.getInput('reviewers')),
    teamReviewers: listInput(core.getInput('team-reviewers')),
    draft: booleanInput('draft', false)
  }
}

function requestTimeoutInput(): number {
  const text = core.getInput('request-timeout').trim()
  if (text === '') return DEFAULT_REQUEST_TIMEOUT_SECONDS * 1000
  const ms = parseRequestTimeout(text)
  if (ms === undefined)
    throw new InputError(`input request-timeout must be ${REQUEST_TIMEOUT_RANGE}, got "${text}"`)
  return ms
}

export function writeOutputs(result: UpdateResult): void {
  log.setOutput('matrix', JSON.stringify(result.matrix))
  log.setOutput('changed', String(result.changed))
  log.setOutput('updates', JSON.stringify(result.updates))
  log.setOutput('failed', JSON.stringify(result.failed))
}

export function writePullRequestOutputs(outcome: PullRequestOutcome): void {
  log.setOutput('pull-request-number', outcome.number === undefined ? '' : String(outcome.number))
  log.setOutput('pull-request-url', outcome.url ?? '')
  log.setOutput('pull-request-operation', outcome.operation)
  log.setOutput('pull-request-branch', outcome.branch)
}

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

function fenced(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}`
}

async function runPullRequestStep(
  inputs: ActionInputs,
  workspace: string,
  result: UpdateResult,
  client: RegistryClient | undefined,
  published: string | undefined
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
      now: new Date()
    }
  }

  if (inputs.dryRun) {
    writePullRequestOutputs({ operation: 'none', branch: pr.branch })
    const preview = { repoPath: settings.repoPath, title: pr.title, body: settings.body }
    const proposal = await describeProposal(result, preview, client, actionsLogger)
    if (!proposal) {
      log.info('Dry run: no digest moved, so no pull request would be opened or updated.')
      return { summary: '' }
    }
    log.block(
      `Dry run: the pull request that would be proposed on ${pr.branch}`,
      `Title: ${proposal.title}\n\n${proposal.body}\n${proposal.diff}`
    )
    return {
      summary: [
        '',
        `### Pull request that would be proposed (dry run)`,
        '',
        `**${escapeMarkdown(proposal.title)}** on branch ${code(pr.branch)}`,
        '',
        '<details><summary>Body</summary>',
        '',
        fenced(proposal.body, 'markdown'),
        '',
        '</details>',
        '',
        fenced(proposal.diff, 'diff'),
        ''
      ].join('\n')
    }
  }

  if (!inputs.token) {
    throw new InputError(
      'a token is needed to open the pull request: pass token (the default is github.token) or set pull-request to false'
    )
  }
  const repository = github.context.repo
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
    closed: `Closed pull request ${link}: the base branch already holds every current digest.`,
    none: 'No pull request needed.'
  }
  return { summary: `\n${said[outcome.operation]}\n` }
}

/** The registry's answer wins; a publisher whose event names another digest is worth a warning. */
function warnOnAnnouncedDigest(announcement: ImageAnnouncement, result: UpdateResult): void {
  for (const r of result.results) {
    const ref = r.entry.reference
    if (
      r.status === 'failed' ||
      r.entry.platform ||
      repositoryName(ref) !== announcement.image ||
      (announcement.tag !== undefined && ref.tag !== announcement.tag) ||
      r.current === announcement.digest
    )
      continue
    log.warning(
      `${r.entry.name}: the ${announcement.event} event announced ${announcement.digest} for ${announcement.image}:${ref.tag}, but the registry returns ${r.current}; using the registry's digest`
    )
  }
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const client =
      inputs.mode === 'update'
        ? createRegistryClient({
            registryAuth: inputs.registryAuth,
            insecureRegistries: inputs.insecureRegistries,
            concurrency: inputs.concurrency,
            maxAttempts: inputs.maxAttempts,
            requestTimeoutMs: inputs.requestTimeoutMs,
            githubToken: inputs.token,
            logger: actionsLogger,
            onSecret: secret => secrets.add(secret)
          })
        : undefined

    const hint = readEventHint(github.context.eventName, github.context.payload)
    let announcement: ImageAnnouncement | undefined
    if (hint.kind === 'ignored') log.warning(hint.warning)
    if (hint.kind === 'announcement') {
      announcement = hint.announcement
      log.info(`Triggered by the publication of ${announcedReference(announcement)}`)
    }

    const result = await runUpdate(
      {
        mode: inputs.mode,
        configPath: resolve(workspace, inputs.config),
        configLabel: inputs.config,
        defaultImage: inputs.image,
        defaultPlatform: inputs.platform,
        dryRun: inputs.dryRun,
        concurrency: inputs.concurrency,
        announcedImage: inputs.mode === 'update' ? announcement?.image : undefined,
        skipReason: hint.kind === 'skip' ? hint.reason : undefined,
        files: inputs.files,
        workspace,
        // The action writes only into the repository it checked out.
        configWrite: { root: workspace, label: `input config ${inputs.config}` },
        defaultImageSource: 'the image input'
      },
      client,
      actionsLogger
    )

    if (result.skipped) log.notice(`Nothing to do: ${result.skipped}.`)
    if (announcement?.digest) warnOnAnnouncedDigest(announcement, result)
    for (const r of result.results) {
      if (r.status === 'failed') {
        log.warning(`${r.entry.name}: ${r.error}`, {
          title: 'Digest not updated',
          file: inputs.config,
          startLine: r.entry.line
        })
      } else if (r.status === 'updated' || r.status === 'pinned') {
        log.info(`${r.entry.name}: ${r.previous ?? 'unpinned'} → ${r.current}`)
      }
    }
    writeOutputs(result)
    let pullRequestFailure: string | undefined
    let proposalSummary = ''
    if (inputs.mode === 'update' && inputs.pullRequest.enabled && !result.skipped) {
      try {
        const published = announcement && announcedReference(announcement)
        const step = await runPullRequestStep(inputs, workspace, result, client, published)
        proposalSummary = step.summary
      } catch (error) {
        pullRequestFailure = `pull request: ${error instanceof Error ? error.message : String(error)}`
      }
    } else {
      writePullRequestOutputs({ operation: 'none', branch: '' })
    }
    await log.writeSummary(
      renderSummary(result, {
        dryRun: inputs.dryRun,
        published: announcement && announcedReference(announcement)
      }) + proposalSummary
    )
    if (pullRequestFailure) log.setFailed(pullRequestFailure)

    const total = result.results.length
    if (result.failed.length > 0 && (result.failed.length === total || inputs.failOnError)) {
      log.setFailed(
        result.failed.length === total
          ? `none of the ${total} image(s) could be resolved`
          : `${result.failed.length} of ${total} image(s) could not be resolved (fail-on-error is on)`
      )
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      log.error(error.detail, {
        title: `Invalid config${error.field ? `: ${error.field}` : ''}`,
        file: error.file,
        startLine: error.position?.line,
        startColumn: error.position?.col
      })
    }
    log.setFailed(error instanceof Error ? error.message : String(error))
  }
}
