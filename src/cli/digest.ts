/**
 * `image-digest-updater digest REF…`: each reference pinned, one per line (`REF@sha256:…`,
 * like `crane digest --full-ref`), or as JSON objects. The same credentials, retries,
 * timeouts and exit codes as the rest of the command line; no config, nothing written.
 */
import { parseArgs } from 'node:util'
import {
  FLAGS,
  PROGRAM,
  UsageError,
  parseArgsOptions,
  registryFlags,
  usageFromParseError
} from './args.js'
import { SetupError, readRegistryAuthFile } from './registry-auth.js'
import { RAW_IN_JSON, renderError } from './render.js'
import { secrets, terminalSafe, writeStderr, writeStdout } from './terminal.js'
import { FLAG_WORDS } from './words.js'
import { describeError } from '../domain/errors.js'
import { type Platform, parsePlatform } from '../domain/oci/platform.js'
import { createRegistryClient } from '../adapters/registry/create-client.js'
import type { Logger } from '../adapters/registry/http.js'
import { type DigestResult, resolveReferences } from '../run/digests.js'

const EXIT_OK = 0
const EXIT_FAILED = 1
const EXIT_USAGE = 2

/** The flags `digest` takes: those of the main command that mean the same here. */
const DIGEST_FLAGS = {
  platform: { ...FLAGS.platform!, help: 'Pin that platform manifest instead of the index.' },
  json: {
    type: 'boolean',
    help: 'Print one JSON array of {reference, pinned, digest, error} instead of lines.'
  },
  'registry-auth-file': FLAGS['registry-auth-file']!,
  'insecure-registry': FLAGS['insecure-registry']!,
  concurrency: FLAGS.concurrency!,
  'max-attempts': FLAGS['max-attempts']!,
  'request-timeout': FLAGS['request-timeout']!,
  verbose: FLAGS.verbose!,
  help: FLAGS.help!
} as const

interface DigestCommand {
  references: string[]
  platform?: Platform
  json: boolean
  registryAuthFile?: string
  insecureRegistries: string[]
  concurrency: number
  maxAttempts: number
  requestTimeoutMs: number
  verbose: boolean
}

export function digestHelpText(): string {
  const rows = Object.entries(DIGEST_FLAGS).map(([name, spec]) => {
    const short = 'short' in spec ? `-${spec.short}, ` : '    '
    return [`  ${short}--${name}${'value' in spec ? ` <${spec.value}>` : ''}`, spec.help]
  })
  const width = Math.max(...rows.map(([flag]) => flag!.length)) + 2
  return [
    `Usage: ${PROGRAM} digest [options] REF…`,
    '',
    'Prints each image reference pinned to its current digest, one per line (REF@sha256:…).',
    'A tag is kept for readers; a reference with neither tag nor digest means :latest.',
    '',
    'Options:',
    ...rows.map(([flag, help]) => flag!.padEnd(width) + help!),
    '',
    'Credentials as for the main command: --registry-auth-file, then the Docker config.',
    '',
    'Exit status: 0 when every reference resolved, 1 when any could not be (its error is on',
    'stderr, or in the JSON), 2 on bad usage or an unreadable --registry-auth-file.',
    ''
  ].join('\n')
}

/** The arguments after `digest`; undefined for --help. */
export function parseDigestArgs(argv: readonly string[]): DigestCommand | undefined {
  const options = parseArgsOptions(DIGEST_FLAGS)
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true })
  } catch (error) {
    throw usageFromParseError(error)
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>
  if (values.help === true) return undefined
  const str = (name: string) => values[name] as string | undefined
  const references = parsed.positionals
  if (references.length === 0) throw new UsageError('digest needs at least one image reference')
  let platform: Platform | undefined
  try {
    platform = str('platform') === undefined ? undefined : parsePlatform(str('platform')!)
  } catch (error) {
    throw new UsageError(`--platform: ${(error as Error).message}`)
  }
  return {
    references,
    platform,
    json: values.json === true,
    ...registryFlags(values),
    verbose: values.verbose === true
  }
}

function logger(verbose: boolean): Logger {
  const line = (prefix: string) => (message: string) =>
    writeStderr(`${prefix}${terminalSafe(message)}\n`)
  return {
    debug: verbose ? line('debug: ') : () => undefined,
    info: line(''),
    warning: line('warning: '),
    notice: line('notice: ')
  }
}

/** Lines for people and scripts: pinned references on stdout, in order; failures on stderr. */
function print(results: readonly DigestResult[], json: boolean): void {
  if (json) {
    const text = JSON.stringify(results, null, 2).replace(
      RAW_IN_JSON,
      ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
    )
    writeStdout(`${text}\n`)
    return
  }
  for (const result of results) {
    if (result.pinned !== null) writeStdout(`${terminalSafe(result.pinned)}\n`)
    else writeStderr(renderError(terminalSafe(`${result.reference.trim()}: ${result.error}`)))
  }
}

/** The `digest` command, from the arguments after `digest` to the exit status. */
export async function runDigest(argv: readonly string[]): Promise<number> {
  try {
    const command = parseDigestArgs(argv)
    if (command === undefined) {
      writeStdout(digestHelpText())
      return EXIT_OK
    }
    const log = logger(command.verbose)
    const client = createRegistryClient({
      registryAuth: await readRegistryAuthFile(command.registryAuthFile),
      insecureRegistries: command.insecureRegistries,
      concurrency: command.concurrency,
      maxAttempts: command.maxAttempts,
      requestTimeoutMs: command.requestTimeoutMs,
      logger: log,
      onSecret: secret => secrets.add(secret)
    })
    const results = await resolveReferences(command.references, client, {
      platform: command.platform,
      concurrency: command.concurrency,
      words: FLAG_WORDS
    })
    print(results, command.json)
    return results.some(result => result.error !== null) ? EXIT_FAILED : EXIT_OK
  } catch (error) {
    const message = terminalSafe(describeError(error, FLAG_WORDS))
    if (error instanceof UsageError) {
      writeStderr(`${PROGRAM}: ${message} (see ${PROGRAM} digest --help)\n`)
      return EXIT_USAGE
    }
    writeStderr(renderError(message))
    return error instanceof SetupError ? EXIT_USAGE : EXIT_FAILED
  }
}
