/**
 * The action's run: read the inputs (./inputs.ts) and the event (./context.ts), run the
 * core, then write outputs (./outputs.ts), annotations, the job summary (./summary.ts) and
 * the pull-request step (./pull-request.ts). Everything written goes through ./log.ts, which
 * makes it safe for the runner; every error is worded once, as inputs (./words.ts).
 */
import { TEST_NOW_VARIABLE, runClock } from '../run/policies.js'
import { resolve } from 'node:path'
import { ConfigError } from '../domain/config.js'
import { describeError } from '../domain/errors.js'
import {
  type EventHint,
  type ImageAnnouncement,
  announcedReference,
  readEventHint
} from '../domain/event.js'
import { repositoryName } from '../domain/oci/reference.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import { createRegistryClient } from '../adapters/registry/create-client.js'
import { dockerHubApiFromEnv } from '../adapters/registry/docker-hub.js'
import { type UpdateResult, runUpdate } from '../run/update.js'
import { type RunEvent, readRunEvent } from './context.js'
import { type Inputs, getInputs } from './inputs.js'
import * as log from './log.js'
import { actionsLogger, secrets } from './log.js'
import { writeOutputs, writePullRequestOutputs } from './outputs.js'
import { actionReviewSources, runPullRequestStep } from './pull-request.js'
import { renderSummary } from './summary.js'
import { INPUT_WORDS } from './words.js'
import { policyOptions } from './policies.js'

/** The registry's answer wins; a publisher whose event names another digest is worth a warning. */
function warnOnAnnouncedDigest(announcement: ImageAnnouncement, result: UpdateResult): void {
  for (const r of result.results) {
    const ref = r.entry.reference
    if (
      r.status === 'failed' ||
      r.entry.platform ||
      repositoryName(ref) !== announcement.image ||
      (announcement.tag !== undefined && ref.tag !== announcement.tag) ||
      // A held entry's tag points at its candidate, which may well be the announced digest.
      (r.candidate ?? r.current) === announcement.digest
    )
      continue
    log.warning(
      `${r.entry.name}: the ${announcement.event} event announced ${announcement.digest} for ${announcement.image}:${ref.tag}, but the registry returns ${r.current}; using the registry's digest`
    )
  }
}

function logResults(result: UpdateResult, config: string): void {
  for (const r of result.results) {
    if (r.policy === 'error') {
      log.error(`${r.entry.name}: ${r.error}`, {
        title: 'Immutable tag moved',
        file: config,
        startLine: r.entry.line
      })
    } else if (r.status === 'failed') {
      log.warning(`${r.entry.name}: ${r.error}`, {
        title: 'Digest not updated',
        file: r.entry.file ?? config,
        startLine: r.entry.line
      })
    } else if (r.status === 'held') {
      log.info(`${r.entry.name}: ${r.candidate} held back: ${r.reason}`)
    } else if (r.status === 'updated' || r.status === 'pinned') {
      log.info(`${r.entry.name}: ${r.previous ?? 'unpinned'} → ${r.current}`)
    }
  }
  for (const gone of result.pinHealth?.gone ?? []) {
    log.error(`${gone.name}: ${gone.reason}`, {
      title: 'Pinned digest gone',
      file: config,
      startLine: gone.line
    })
  }
  for (const u of result.pinHealth?.unchecked ?? [])
    log.warning(`${u.name}: pin health ${u.reason}`, { file: config, startLine: u.line })
}

export async function run(): Promise<void> {
  try {
    const inputs = getInputs(secret => secrets.add(secret))
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const client = inputs.mode === 'update' ? createClient(inputs) : undefined

    const event = readRunEvent()
    const { hint, announcement, published } = readAnnouncement(event)

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
        defaultImageSource: 'the image input',
        words: INPUT_WORDS,
        sizeWarnIncrease: inputs.sizeWarnIncrease,
        reviewSources: inputs.mode === 'update' ? actionReviewSources(inputs.token) : undefined,
        policies: policyOptions(inputs, event),
        checkPins: inputs.checkPins,
        signatures: {
          ...inputs.signatures,
          names: {
            keys: 'the signature-keys input',
            trustedRoot: 'the sigstore-trusted-root input'
          }
        },
        discover: inputs.discover
      },
      client,
      actionsLogger
    )

    if (result.skipped) log.notice(`Nothing to do: ${result.skipped}.`)
    if (announcement?.digest) warnOnAnnouncedDigest(announcement, result)
    logResults(result, inputs.config)
    writeOutputs(result)
    let pullRequestFailure: string | undefined
    let proposalSummary = ''
    if (inputs.mode === 'update' && inputs.pullRequest.enabled && !result.skipped) {
      try {
        const step = await runPullRequestStep(inputs, workspace, result, client, published, event)
        proposalSummary = step.summary
      } catch (error) {
        pullRequestFailure = `pull request: ${describeError(error, INPUT_WORDS)}`
      }
    } else {
      writePullRequestOutputs({ operation: 'none', branch: '' })
    }
    await log.writeSummary(
      renderSummary(result, {
        dryRun: inputs.dryRun,
        published,
        now: runClock(process.env[TEST_NOW_VARIABLE])
      }) + proposalSummary
    )
    if (pullRequestFailure) log.setFailed(pullRequestFailure)

    failOnUnresolved(result, inputs.failOnError)
  } catch (error) {
    reportError(error)
  }
}

function createClient(inputs: Inputs): RegistryClient {
  return createRegistryClient({
    registryAuth: inputs.registryAuth,
    insecureRegistries: inputs.insecureRegistries,
    concurrency: inputs.concurrency,
    maxAttempts: inputs.maxAttempts,
    requestTimeoutMs: inputs.requestTimeoutMs,
    githubToken: inputs.token,
    githubTokenSource: 'the token input',
    logger: actionsLogger,
    onSecret: secret => secrets.add(secret),
    dockerHubApi: dockerHubApiFromEnv(process.env)
  })
}

/** What the event that started the run says: a hint, and the reference it announced. */
function readAnnouncement(event: RunEvent): {
  hint: EventHint
  announcement?: ImageAnnouncement
  published?: string
} {
  const hint = readEventHint(event.name, event.payload)
  if (hint.kind === 'ignored') log.warning(hint.warning)
  if (hint.kind !== 'announcement') return { hint }
  const published = announcedReference(hint.announcement)
  log.info(`Triggered by the publication of ${published}`)
  return { hint, announcement: hint.announcement, published }
}

/** Fails the step when nothing resolved, or anything failed with fail-on-error on. */
function failOnUnresolved(result: UpdateResult, failOnError: boolean): void {
  const total = result.results.length
  const failed = result.failed.length
  // A pin the registry lost breaks the builds pinned to it, like an entry that failed.
  const gone = result.pinHealth?.gone.length ?? 0
  if (gone > 0 && failOnError)
    log.setFailed(`${gone} pinned digest(s) are no longer served (fail-on-error is on)`)
  if (failed === 0 || (failed < total && !failOnError)) return
  log.setFailed(
    failed === total
      ? `none of the ${total} image(s) could be resolved`
      : `${failed} of ${total} image(s) could not be resolved (fail-on-error is on)`
  )
}

/** A run that stopped early: a config error also gets an annotation on its line. */
function reportError(error: unknown): void {
  if (error instanceof ConfigError) {
    log.error(error.describeDetail(INPUT_WORDS), {
      title: `Invalid config${error.field ? `: ${error.field}` : ''}`,
      file: error.file,
      startLine: error.position?.line,
      startColumn: error.position?.col
    })
  }
  log.setFailed(describeError(error, INPUT_WORDS))
}
