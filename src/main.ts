/**
 * The action's edge: read inputs once, run the core, write outputs and the job summary.
 * Nothing else in the code base touches `@actions/core` inputs.
 */
import * as core from '@actions/core'
import * as github from '@actions/github'
import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { ConfigError } from './config.js'
import {
  DEFAULT_REQUEST_TIMEOUT_SECONDS,
  REQUEST_TIMEOUT_RANGE,
  createRegistryClient,
  parseRequestTimeout
} from './create-client.js'
import { CredentialsInputError, parseRegistryAuth, type Credentials } from './credentials.js'
import type { Logger } from './registry/http.js'
import { code, escapeMarkdown } from './markdown.js'
import {
  DEFAULT_BRANCH,
  DEFAULT_TITLE,
  type ProposalSettings,
  describeProposal,
  proposeUpdate
} from './propose.js'
import { PullRequestClient, type PullRequestOutcome } from './pull-request/github.js'
import { createOctokit } from './pull-request/octokit.js'
import type { RegistryClient } from './registry/client.js'
import { renderSummary } from './summary.js'
import { type ImageAnnouncement, announcedReference, readEventHint } from './event.js'
import { repositoryName } from './reference.js'
import { type Mode, type UpdateResult, runUpdate } from './update.js'
import { splitPatternList } from './workspace-files.js'

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
  for (const creds of registryAuth.values()) core.setSecret(creds.password)
  const token = core.getInput('token').trim() || undefined
  if (token) core.setSecret(token)
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

const actionsLogger: Logger = {
  debug: message => core.debug(message),
  info: message => core.info(message),
  warning: message => core.warning(message),
  notice: message => core.notice(message)
}

export function writeOutputs(result: UpdateResult): void {
  core.setOutput('matrix', JSON.stringify(result.matrix))
  core.setOutput('changed', String(result.changed))
  core.setOutput('updates', JSON.stringify(result.updates))
  core.setOutput('failed', JSON.stringify(result.failed))
}

export function writePullRequestOutputs(outcome: PullRequestOutcome): void {
  core.setOutput('pull-request-number', outcome.number === undefined ? '' : String(outcome.number))
  core.setOutput('pull-request-url', outcome.url ?? '')
  core.setOutput('pull-request-operation', outcome.operation)
  core.setOutput('pull-request-branch', outcome.branch)
}

/** A single-line value naming an existing workspace file is a template path; anything else is the template. */
async function readBodyTemplate(
  value: string | undefined,
  workspace: string
): Promise<string | undefined> {
  if (value === undefined || value.includes('\n')) return value
  const path = resolve(workspace, value.trim())
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENAMETOOLONG') return value
    throw new InputError(`input body-template: cannot read ${value.trim()} (${code})`)
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
    configLabel: inputs.config,
    defaultImage: inputs.image,
    defaultPlatform: inputs.platform,
    base: pr.base,
    branch: pr.branch,
    branchExplicit: pr.branchExplicit,
    title: pr.title,
    commitMessage: pr.commitMessage,
    bodyTemplate: await readBodyTemplate(pr.bodyTemplate, workspace),
    labels: pr.labels,
    assignees: pr.assignees,
    reviewers: pr.reviewers,
    teamReviewers: pr.teamReviewers,
    draft: pr.draft,
    published,
    now: new Date()
  }

  if (inputs.dryRun) {
    writePullRequestOutputs({ operation: 'none', branch: pr.branch })
    const proposal = await describeProposal(result, settings, client, actionsLogger)
    if (!proposal) {
      core.info('Dry run: no digest moved, so no pull request would be opened or updated.')
      return { summary: '' }
    }
    core.startGroup(`Dry run: the pull request that would be proposed on ${pr.branch}`)
    core.info(`Title: ${proposal.title}\n\n${proposal.body}\n${proposal.diff}`)
    core.endGroup()
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
  const pullRequests = new PullRequestClient(
    createOctokit(inputs.token, actionsLogger),
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
    core.warning(
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
            onSecret: secret => core.setSecret(secret)
          })
        : undefined

    const hint = readEventHint(github.context.eventName, github.context.payload)
    let announcement: ImageAnnouncement | undefined
    if (hint.kind === 'ignored') core.warning(hint.warning)
    if (hint.kind === 'announcement') {
      announcement = hint.announcement
      core.info(`Triggered by the publication of ${announcedReference(announcement)}`)
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
        workspace
      },
      client,
      actionsLogger
    )

    if (result.skipped) core.notice(`Nothing to do: ${result.skipped}.`)
    if (announcement?.digest) warnOnAnnouncedDigest(announcement, result)
    for (const r of result.results) {
      if (r.status === 'failed') {
        core.warning(`${r.entry.name}: ${r.error}`, {
          title: 'Digest not updated',
          file: inputs.config,
          startLine: r.entry.line
        })
      } else if (r.status === 'updated' || r.status === 'pinned') {
        core.info(`${r.entry.name}: ${r.previous ?? 'unpinned'} → ${r.current}`)
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
    await core.summary
      .addRaw(
        renderSummary(result, {
          dryRun: inputs.dryRun,
          published: announcement && announcedReference(announcement)
        }) + proposalSummary
      )
      .write()
    if (pullRequestFailure) core.setFailed(pullRequestFailure)

    const total = result.results.length
    if (result.failed.length > 0 && (result.failed.length === total || inputs.failOnError)) {
      core.setFailed(
        result.failed.length === total
          ? `none of the ${total} image(s) could be resolved`
          : `${result.failed.length} of ${total} image(s) could not be resolved (fail-on-error is on)`
      )
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      core.error(error.detail, {
        title: `Invalid config${error.field ? `: ${error.field}` : ''}`,
        file: error.file,
        startLine: error.position?.line,
        startColumn: error.position?.col
      })
    }
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
