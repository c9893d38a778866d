#!/usr/bin/env node
/**
 * The command line's edge: arguments, files, the environment, the terminal and the exit
 * status. It runs the same core as the action (runUpdate, createRegistryClient,
 * describeProposal) and never opens a pull request.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { type CliOptions, PROGRAM, UsageError, helpText } from './args.js'
import { parseCommand } from './commands.js'
import { unifiedDiff } from '../domain/pull-request/diff.js'
import { PinFileError, pinFiles } from '../run/pin-files.js'
import {
  COLOR,
  PLAIN,
  renderError,
  renderJson,
  renderProgress,
  renderProposal,
  renderTable,
  renderUsageError,
  useColor
} from './render.js'
import { ConfigError } from '../domain/config.js'
import { describeError } from '../domain/errors.js'
import { FLAG_WORDS } from './words.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import { createRegistryClient } from '../adapters/registry/create-client.js'
import { dockerHubApiFromEnv } from '../adapters/registry/docker-hub.js'
import type { Credentials } from '../adapters/registry/credentials.js'
import { SetupError, readRegistryAuthFile } from './registry-auth.js'
import { DEFAULT_TITLE, type Proposal, describeProposal } from '../run/propose.js'
import type { Logger } from '../adapters/registry/http.js'
import { secrets, terminalSafe, writeStderr, writeStdout } from './terminal.js'
import { type UpdateResult, runUpdate } from '../run/update.js'
import { NO_FACTS, TEST_NOW_VARIABLE, runClock } from '../run/policies.js'
import { FilesPatternError } from '../adapters/fs/workspace-files.js'
import { GitHubReviewSourcesClient } from '../adapters/github/review-sources.js'
import type { GitHubReviewSources } from '../run/review-sources.js'
import { WorkspacePathError } from '../adapters/fs/workspace-path.js'
import { runDigest } from './digest.js'
// Bundled in, so the version printed is the one the bundle was built from.
import packageJson from '../../package.json' with { type: 'json' }

const EXIT_OK = 0
const EXIT_FAILED = 1
const EXIT_USAGE = 2

const out = writeStdout

/** Stderr, keeping the progress line (TTY only) below whatever else is printed. */
class Stderr {
  private progress = ''
  private lastDraw = 0
  constructor(private readonly isTTY: boolean) {}

  line(text: string): void {
    this.clearProgress()
    writeStderr(text.endsWith('\n') ? text : `${text}\n`)
    if (this.progress) writeStderr(this.progress)
  }

  showProgress(done: number, total: number): void {
    if (!this.isTTY) return
    const now = Date.now()
    // A redraw per entry is wasted on thousand-entry configs; the last one always shows.
    if (done < total && now - this.lastDraw < 50) return
    this.lastDraw = now
    this.clearProgress()
    this.progress = renderProgress(done, total)
    writeStderr(this.progress)
  }

  endProgress(): void {
    this.clearProgress()
    this.progress = ''
  }

  private clearProgress(): void {
    if (this.progress) writeStderr('\r\x1b[K')
  }
}

/** The path a pull request would change: relative to the working directory, like `git diff`. */
function repositoryPath(config: string): string {
  const path = relative(process.cwd(), resolve(config))
  return path.startsWith('..') || isAbsolute(path) ? config : path.split(sep).join('/')
}

/**
 * Where the CLI may write the config. A path typed on the command line is the user's own
 * choice, so one outside the working directory is written too, with its own directory as
 * the root; inside the working directory, as for the action, no part of the path below it
 * may be a symbolic link. Either way the file itself must not be one.
 */
function configRoot(config: string): string {
  const path = relative(process.cwd(), resolve(config))
  return path.startsWith('..') || isAbsolute(path) ? dirname(resolve(config)) : process.cwd()
}

async function run(options: CliOptions, stderr: Stderr): Promise<number> {
  const registryAuth = await readRegistryAuthFile(options.registryAuthFile)
  const logger = terminalLogger(stderr, options.verbose)
  const updateOptions = {
    mode: options.mode,
    configPath: resolve(options.config),
    configLabel: options.config,
    defaultImage: options.image,
    defaultPlatform: options.platform,
    dryRun: options.dryRun,
    concurrency: options.concurrency,
    files: options.files,
    workspace: process.cwd(),
    configWrite: { root: configRoot(options.config), label: `--config ${options.config}` },
    defaultImageSource: '--image',
    words: FLAG_WORDS,
    sizeWarnIncrease: options.sizeWarnIncrease,
    reviewSources: options.mode === 'update' ? cliReviewSources(logger) : undefined,
    // No first-seen store: the CLI has no repository to keep the times in (docs/policies.md).
    policies: {
      settings: options.policies,
      now: runClock(process.env[TEST_NOW_VARIABLE]),
      facts: NO_FACTS,
      persist: !options.dryRun
    },
    checkPins: options.checkPins,
    signatures: {
      mode: options.verifySignatures,
      keys: options.signatureKeys.join('\n') || undefined,
      trustedRoot: options.sigstoreTrustedRoot,
      names: { keys: '--signature-key', trustedRoot: '--sigstore-trusted-root' }
    },
    discover: options.discover
  }
  const client = options.mode === 'update' ? createClient(options, registryAuth, logger) : undefined

  let result
  try {
    result = await runUpdate(updateOptions, client, logger, (done, total) =>
      stderr.showProgress(done, total)
    )
  } catch (error) {
    // A missing or broken config is bad setup, not a failed run: nothing was resolved.
    if (
      error instanceof ConfigError ||
      error instanceof FilesPatternError ||
      error instanceof WorkspacePathError
    )
      throw new SetupError(error.reason, { fix: error.fix, cause: error })
    throw error
  } finally {
    stderr.endProgress()
  }

  const proposal =
    options.showPullRequest && options.mode === 'update'
      ? await previewPullRequest(options, result, client, logger)
      : undefined

  if (options.json) {
    out(renderJson(result, proposal))
  } else {
    const style = useColor(process.stdout.isTTY, process.env) ? COLOR : PLAIN
    out(renderTable(result, { dryRun: options.dryRun, style }))
    if (proposal !== undefined) out(renderProposal(proposal, style))
  }

  const failed = result.failed.length
  const total = result.results.length
  // A pinned digest the registry lost breaks the builds pinned to it, like an entry that failed.
  if ((result.pinHealth?.gone.length ?? 0) > 0 && options.failOnError) return EXIT_FAILED
  return failed > 0 && (options.failOnError || failed === total) ? EXIT_FAILED : EXIT_OK
}

/** `pin FILE…`: pins and refreshes in place; a dry run prints the diff it would write. */
async function runPin(
  files: readonly string[],
  options: CliOptions & { discover: NonNullable<CliOptions['discover']> },
  stderr: Stderr
): Promise<number> {
  const registryAuth = await readRegistryAuthFile(options.registryAuthFile)
  const logger = terminalLogger(stderr, options.verbose)
  const client = createClient(options, registryAuth, logger)
  let result
  try {
    result = await pinFiles(
      {
        files: files.map(path => ({
          path,
          absolutePath: resolve(path),
          root: configRoot(path)
        })),
        discover: options.discover,
        dryRun: options.dryRun,
        concurrency: options.concurrency,
        words: FLAG_WORDS
      },
      client,
      logger
    )
  } catch (error) {
    if (error instanceof PinFileError || error instanceof WorkspacePathError)
      throw new SetupError(error.reason, { fix: error.fix, cause: error })
    throw error
  }
  if (options.json) out(renderJson(result, undefined))
  else if (options.dryRun)
    out(result.pinnedFiles.map(f => unifiedDiff(f.path, f.text, f.newText)).join(''))
  else {
    const style = useColor(process.stdout.isTTY, process.env) ? COLOR : PLAIN
    out(renderTable(result, { dryRun: false, style }))
  }
  const failed = result.failed.length
  return failed > 0 && (options.failOnError || failed === result.results.length)
    ? EXIT_FAILED
    : EXIT_OK
}

/** The core's messages on stderr, made safe for the terminal; debug lines only with -v. */
function terminalLogger(stderr: Stderr, verbose: boolean): Logger {
  return {
    debug: message => {
      if (verbose) stderr.line(`debug: ${terminalSafe(message)}`)
    },
    info: message => stderr.line(terminalSafe(message)),
    warning: message => stderr.line(`warning: ${terminalSafe(message)}`),
    notice: message => stderr.line(`notice: ${terminalSafe(message)}`)
  }
}

/**
 * What the review of each move may ask GitHub: with GITHUB_TOKEN from the environment when it
 * is set (a flag would show the token in the process list), else anonymously, which only
 * github.com answers. The host is GITHUB_SERVER_URL's (default github.com), the API
 * GITHUB_API_URL's, as for the action on GitHub Enterprise Server.
 */
function cliReviewSources(logger: Logger): GitHubReviewSources | undefined {
  const token = process.env.GITHUB_TOKEN?.trim() || undefined
  if (token) secrets.add(token)
  const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com'
  if (!URL.canParse(serverUrl)) {
    logger.debug('GITHUB_SERVER_URL is no URL; GitHub is not asked for review details')
    return undefined
  }
  const github = { info: logger.info, warning: logger.warning }
  return new GitHubReviewSourcesClient({
    serverUrl,
    authenticated: token !== undefined,
    logger,
    connect: async () => {
      const { createAnonymousOctokit, createOctokit } =
        await import('../adapters/github/octokit.js')
      const octokit = token
        ? createOctokit(token, github, undefined, text => secrets.redact(text))
        : createAnonymousOctokit(github)
      return (route, params) => octokit.request(route, params)
    }
  })
}

function createClient(
  options: CliOptions,
  registryAuth: Map<string, Credentials>,
  logger: Logger
): RegistryClient {
  return createRegistryClient({
    registryAuth,
    insecureRegistries: options.insecureRegistries,
    concurrency: options.concurrency,
    maxAttempts: options.maxAttempts,
    requestTimeoutMs: options.requestTimeoutMs,
    logger,
    onSecret: secret => secrets.add(secret),
    dockerHubApi: dockerHubApiFromEnv(process.env)
  })
}

/** The pull request the action would propose for this run; null when nothing moved. */
async function previewPullRequest(
  options: CliOptions,
  result: UpdateResult,
  client: RegistryClient | undefined,
  logger: Logger
): Promise<Proposal | null> {
  const preview = {
    repoPath: repositoryPath(options.config),
    title: DEFAULT_TITLE,
    body: { now: runClock(process.env[TEST_NOW_VARIABLE]) },
    autoMerge: options.autoMerge
  }
  return (await describeProposal(result, preview, client, logger)) ?? null
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'digest') return runDigest(argv.slice(1))
  const stderr = new Stderr(process.stderr.isTTY === true)
  let command
  try {
    command = parseCommand(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    writeStderr(renderUsageError(terminalSafe(error.message)))
    return EXIT_USAGE
  }
  if (command.kind === 'help') {
    out(helpText())
    return EXIT_OK
  }
  if (command.kind === 'version') {
    out(`${PROGRAM} ${packageJson.version}\n`)
    return EXIT_OK
  }
  try {
    if (command.kind === 'pin') return await runPin(command.files, command.options, stderr)
    return await run(command.options, stderr)
  } catch (error) {
    // The one place the CLI words errors: settings named as its flags.
    stderr.line(renderError(terminalSafe(describeError(error, FLAG_WORDS))))
    return error instanceof SetupError ? EXIT_USAGE : EXIT_FAILED
  }
}

process.exitCode = await main(process.argv.slice(2))
