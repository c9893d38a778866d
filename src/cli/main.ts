#!/usr/bin/env node
/**
 * The command line's edge: arguments, files, the environment, the terminal and the exit
 * status. It runs the same core as the action (runUpdate, createRegistryClient,
 * describeProposal) and never opens a pull request.
 */
import { readFile } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { type CliOptions, PROGRAM, UsageError, helpText, parseCliArgs } from './args.js'
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
import { UpdaterError, describeError } from '../domain/errors.js'
import { FLAG_WORDS } from './words.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import { createRegistryClient } from '../adapters/registry/create-client.js'
import {
  type Credentials,
  CredentialsInputError,
  parseRegistryAuth
} from '../adapters/registry/credentials.js'
import { DEFAULT_TITLE, type Proposal, describeProposal } from '../run/propose.js'
import type { Logger } from '../adapters/registry/http.js'
import { secrets, terminalSafe, writeStderr, writeStdout } from './terminal.js'
import { type UpdateResult, runUpdate } from '../run/update.js'
import { FilesPatternError } from '../adapters/fs/workspace-files.js'
import { WorkspacePathError } from '../adapters/fs/workspace-path.js'
import { runDigest } from './digest.js'
// Bundled in, so the version printed is the one the bundle was built from.
import packageJson from '../../package.json' with { type: 'json' }

const EXIT_OK = 0
const EXIT_FAILED = 1
const EXIT_USAGE = 2

/** Bad config or a bad credentials file: like bad usage, nothing ran and nothing was written. */
class SetupError extends UpdaterError {
  override name = 'SetupError'
}

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

async function readRegistryAuthFile(path: string): Promise<Map<string, Credentials>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new SetupError(`--registry-auth-file ${path}: cannot read the file (${code})`)
  }
  try {
    const parsed = parseRegistryAuth(text, `the registry auth file ${path}`)
    for (const credentials of parsed.values()) secrets.add(credentials.password)
    return parsed
  } catch (error) {
    if (error instanceof CredentialsInputError)
      throw new SetupError(`--registry-auth-file ${path} ${error.message}`)
    throw error
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
  const registryAuth = options.registryAuthFile
    ? await readRegistryAuthFile(options.registryAuthFile)
    : new Map<string, Credentials>()
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
    words: FLAG_WORDS
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
  return failed > 0 && (options.failOnError || failed === total) ? EXIT_FAILED : EXIT_OK
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
    onSecret: secret => secrets.add(secret)
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
    body: { now: new Date() }
  }
  return (await describeProposal(result, preview, client, logger)) ?? null
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'digest') return runDigest(argv.slice(1))
  const stderr = new Stderr(process.stderr.isTTY === true)
  let command
  try {
    command = parseCliArgs(argv)
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
    return await run(command.options, stderr)
  } catch (error) {
    // The one place the CLI words errors: settings named as its flags.
    stderr.line(renderError(terminalSafe(describeError(error, FLAG_WORDS))))
    return error instanceof SetupError ? EXIT_USAGE : EXIT_FAILED
  }
}

process.exitCode = await main(process.argv.slice(2))
