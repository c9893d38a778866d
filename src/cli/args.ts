/**
 * The command line's flags, parsed into plain data. Pure: reading files and the environment
 * is the entry's job (src/cli/main.ts). Flags mirror the action's inputs one to one where they can.
 */
import { UpdaterError } from '../domain/errors.js'
import { type ParseArgsConfig, parseArgs } from 'node:util'
import {
  DEFAULT_REQUEST_TIMEOUT_SECONDS,
  REQUEST_TIMEOUT_RANGE,
  parseRequestTimeout
} from '../adapters/registry/create-client.js'
import type { Mode } from '../run/update.js'
import { DEFAULT_SIZE_WARN_INCREASE, parseSizeWarnIncrease } from '../run/review.js'
import { splitPatternList } from '../adapters/fs/workspace-files.js'
import { AUTO_MERGE_METHODS, type AutoMergeMethod } from '../adapters/github/auto-merge.js'
import type { PolicySettings } from '../domain/policy/engine.js'
import {
  type PolicySettingName,
  PolicySettingError,
  parsePolicySettings
} from '../domain/policy/settings.js'
import { VERIFY_MODES, type VerifyMode, parseVerifyMode } from '../domain/signature/policy.js'
import type { PinSettings } from '../run/discover.js'
import { parseRegistryMap } from '../domain/discovery/pin.js'

export interface CliOptions {
  mode: Mode
  config: string
  image?: string
  platform?: string
  dryRun: boolean
  concurrency: number
  maxAttempts: number
  /** Per-request timeout in milliseconds, from --request-timeout (seconds). */
  requestTimeoutMs: number
  /** Exit 1 when any entry fails (the default); off, only when every entry fails, as the action does. */
  failOnError: boolean
  registryAuthFile?: string
  insecureRegistries: string[]
  /** Globs, relative to the working directory, of other files that pin the same images. */
  files: string[]
  json: boolean
  showPullRequest: boolean
  verbose: boolean
  /** A platform growing by more than this fraction is flagged (--size-warn-increase, `20%`). */
  sizeWarnIncrease: number
  /** The action's auto-merge input, for the preview's line about it; needs showPullRequest. */
  autoMerge?: AutoMergeMethod
  /** --min-age, --min-age-unknown, --allow-rewind, --immutable-tag, --size-limit-increase, --size-policy. */
  policies: PolicySettings
  /** Ask whether every pinned digest is still served, as the check-pins input. */
  checkPins: boolean
  /** --verify-signatures, --signature-key (repeatable), --sigstore-trusted-root. */
  verifySignatures: VerifyMode
  signatureKeys: string[]
  sigstoreTrustedRoot?: string
  /** Discovery's settings, from --discover, --pin, --pin-untagged, --ignore and --registry-map. */
  discover?: PinSettings
}

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; options: CliOptions; positionals?: string[] }

/** Bad usage: the entry prints the message with a hint to --help and exits 2. */
export class UsageError extends UpdaterError {
  override name = 'UsageError'
}

export {
  DEFAULT_CONCURRENCY,
  DEFAULT_CONFIG,
  DEFAULT_MAX_ATTEMPTS,
  FLAGS,
  MAX_CONCURRENCY,
  MAX_MAX_ATTEMPTS,
  PROGRAM,
  helpText
} from './flags.js'
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_CONFIG,
  DEFAULT_MAX_ATTEMPTS,
  FLAGS,
  MAX_CONCURRENCY,
  MAX_MAX_ATTEMPTS
} from './flags.js'

export function integer(
  name: string,
  text: string | undefined,
  fallback: number,
  max: number
): number {
  if (text === undefined) return fallback
  const value = Number(text.trim())
  if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}, got "${text}"`)
  }
  return value
}

function verifyMode(text: string | undefined): VerifyMode {
  if (text === undefined) return 'off'
  const mode = parseVerifyMode(text)
  if (!mode)
    throw new UsageError(
      `--verify-signatures must be one of ${VERIFY_MODES.join(', ')}, got "${text}"`
    )
  return mode
}

export function requestTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_REQUEST_TIMEOUT_SECONDS * 1000
  const ms = parseRequestTimeout(text)
  if (ms === undefined)
    throw new UsageError(`--request-timeout must be ${REQUEST_TIMEOUT_RANGE}, got "${text}"`)
  return ms
}

function sizeWarnIncrease(text: string | undefined): number {
  const fraction = parseSizeWarnIncrease(text ?? DEFAULT_SIZE_WARN_INCREASE)
  if (fraction === undefined)
    throw new UsageError(
      `--size-warn-increase must be a percentage such as 20% (0% flags any growth), got "${text}"`
    )
  return fraction
}

function nonEmpty(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  const value = text.trim()
  if (value === '') throw new UsageError(`--${name} needs a value`)
  return value
}

/** Node's messages span lines and suggest `--` tricks; one line naming the flag reads better. */
export function usageFromParseError(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message: string }
  const name = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1]
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${name ?? message.split('\n')[0]}`)
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}`.trim())
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const spec = name ? FLAGS[name.replace(/^-+/, '')] : undefined
      if (spec?.type === 'boolean') return new UsageError(`${name} takes no value`)
      return new UsageError(`${name ?? 'an option'} needs a value`)
    }
    default:
      return new UsageError(message.split('\n')[0] ?? message)
  }
}

const POLICY_FLAG: Record<PolicySettingName, string> = {
  'min-age': '--min-age',
  'min-age-unknown': '--min-age-unknown',
  'immutable-tags': '--immutable-tag',
  'size-limit-increase': '--size-limit-increase',
  'size-policy': '--size-policy'
}

function policyFlags(
  str: (name: string) => string | undefined,
  allowRewind: boolean,
  immutableTags: string[] | undefined
): PolicySettings {
  try {
    return parsePolicySettings({
      minAge: str('min-age')?.trim(),
      minAgeUnknown: str('min-age-unknown')?.trim(),
      allowRewind,
      immutableTags,
      sizeLimitIncrease: str('size-limit-increase')?.trim(),
      sizePolicy: str('size-policy')?.trim()
    })
  } catch (error) {
    if (error instanceof PolicySettingError)
      throw new UsageError(`${POLICY_FLAG[error.setting]} ${error.detail}`)
    throw error
  }
}

const DISCOVERY_FLAGS = ['pin', 'pin-untagged', 'ignore', 'registry-map'] as const

function discoverFlags(
  values: Record<string, string | boolean | string[] | undefined>
): PinSettings | undefined {
  const list = (name: string) => (values[name] as string[] | undefined) ?? []
  if (values.discover !== true) {
    const given = DISCOVERY_FLAGS.find(name => values[name] !== undefined)
    if (given) throw new UsageError(`--${given} needs --discover`)
    return undefined
  }
  let registryMap
  try {
    registryMap = parseRegistryMap(list('registry-map').flatMap(splitList))
  } catch (error) {
    throw new UsageError(`--registry-map ${(error as Error).message}`)
  }
  return {
    pin: values.pin === true,
    pinUntagged: values['pin-untagged'] === true,
    ignore: list('ignore').flatMap(splitList),
    registryMap
  }
}

type RegistryFlags = Pick<
  CliOptions,
  'concurrency' | 'maxAttempts' | 'requestTimeoutMs' | 'registryAuthFile' | 'insecureRegistries'
>

/** The flags of every command that asks registries (the main one, `digest`), read alike. */
export function registryFlags(
  values: Record<string, string | boolean | string[] | undefined>
): RegistryFlags {
  const str = (name: string) => values[name] as string | undefined
  return {
    concurrency: integer('concurrency', str('concurrency'), DEFAULT_CONCURRENCY, MAX_CONCURRENCY),
    maxAttempts: integer(
      'max-attempts',
      str('max-attempts'),
      DEFAULT_MAX_ATTEMPTS,
      MAX_MAX_ATTEMPTS
    ),
    requestTimeoutMs: requestTimeout(str('request-timeout')),
    registryAuthFile: nonEmpty('registry-auth-file', str('registry-auth-file')),
    insecureRegistries: insecureHosts(values['insecure-registry'] as string[] | undefined)
  }
}

function insecureHosts(given: readonly string[] | undefined): string[] {
  const hosts = (given ?? []).flatMap(splitList).map(h => h.toLowerCase())
  if (given?.length && hosts.length === 0) throw new UsageError('--insecure-registry needs a host')
  return hosts
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)
}

/** What node:util's parseArgs is told of a table of flags (FLAGS, or a command's share of it). */
export function parseArgsOptions(
  flags: Readonly<
    Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>
  >
): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    Object.entries(flags).map(([name, spec]) => [
      name,
      {
        type: spec.type,
        multiple: spec.multiple === true,
        ...(spec.short ? { short: spec.short } : {})
      }
    ])
  )
}

/** `positionals`: the subcommands' operands (src/cli/commands.ts); the main command takes none. */
// long: one line per flag, read in one place, so each option's source is plain to see
export function parseCliArgs(
  argv: readonly string[],
  { positionals = false }: { positionals?: boolean } = {}
): CliCommand {
  const options = parseArgsOptions(FLAGS)
  let values: Record<string, string | boolean | string[] | undefined>
  let operands: string[]
  try {
    const parsed = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: positionals
    })
    values = parsed.values as typeof values
    operands = parsed.positionals
  } catch (error) {
    throw usageFromParseError(error)
  }
  const str = (name: string) => values[name] as string | undefined
  const bool = (name: string) => values[name] === true

  if (bool('help')) return { kind: 'help' }
  if (bool('version')) return { kind: 'version' }

  const mode = str('mode')?.trim() ?? 'update'
  if (mode !== 'update' && mode !== 'matrix') {
    throw new UsageError(`--mode must be "update" or "matrix", got "${mode}"`)
  }
  if (mode === 'matrix' && bool('show-pull-request')) {
    throw new UsageError('--show-pull-request needs --mode update: matrix mode proposes nothing')
  }
  const autoMerge = autoMergeFlag(str('auto-merge'), bool('show-pull-request'))
  if (bool('fail-on-error') && bool('no-fail-on-error')) {
    throw new UsageError('--fail-on-error and --no-fail-on-error contradict each other')
  }
  return {
    kind: 'run',
    options: {
      mode,
      config: nonEmpty('config', str('config')) ?? DEFAULT_CONFIG,
      image: nonEmpty('image', str('image')),
      platform: nonEmpty('platform', str('platform')),
      dryRun: bool('dry-run'),
      ...registryFlags(values),
      failOnError: !bool('no-fail-on-error'),
      files: ((values.files as string[] | undefined) ?? []).flatMap(splitPatternList),
      json: bool('json'),
      showPullRequest: bool('show-pull-request'),
      verbose: bool('verbose'),
      sizeWarnIncrease: sizeWarnIncrease(str('size-warn-increase')),
      ...(autoMerge ? { autoMerge } : {}),
      policies: policyFlags(
        str,
        bool('allow-rewind'),
        values['immutable-tag'] as string[] | undefined
      ),
      checkPins: bool('check-pins'),
      verifySignatures: verifyMode(str('verify-signatures')),
      signatureKeys: (values['signature-key'] as string[] | undefined) ?? [],
      sigstoreTrustedRoot: nonEmpty('sigstore-trusted-root', str('sigstore-trusted-root')),
      discover: discoverFlags(values)
    },
    ...(positionals ? { positionals: operands } : {})
  }
}

function autoMergeFlag(text: string | undefined, preview: boolean): AutoMergeMethod | undefined {
  if (text === undefined) return undefined
  const value = text.trim().toLowerCase()
  const method = AUTO_MERGE_METHODS.find(m => m === value)
  if (!method) throw new UsageError(`--auto-merge must be merge, squash or rebase, got "${text}"`)
  if (!preview)
    throw new UsageError(
      '--auto-merge needs --show-pull-request: the command line opens no pull request, it only previews one'
    )
  return method
}
