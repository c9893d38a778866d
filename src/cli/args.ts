/**
 * The command line's flags, parsed into plain data. Pure: reading files and the environment
 * is the entry's job (src/cli/main.ts). Flags mirror the action's inputs one to one where they can.
 */
import { UpdaterError } from '../domain/errors.js'
import { type ParseArgsConfig, parseArgs } from 'node:util'
import {
  DEFAULT_REQUEST_TIMEOUT_SECONDS,
  MAX_REQUEST_TIMEOUT_SECONDS,
  MIN_REQUEST_TIMEOUT_SECONDS,
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

export const DEFAULT_CONFIG = '.github/containers.yml'
export const DEFAULT_CONCURRENCY = 8
export const MAX_CONCURRENCY = 64
export const DEFAULT_MAX_ATTEMPTS = 3
export const MAX_MAX_ATTEMPTS = 10

interface FlagSpec {
  type: 'string' | 'boolean'
  short?: string
  multiple?: boolean
  /** Shown after the flag in --help, for flags that take a value. */
  value?: string
  help: string
}

/** Every flag, in the order --help lists them. */
export const FLAGS: Readonly<Record<string, FlagSpec>> = {
  config: {
    type: 'string',
    short: 'c',
    value: 'path',
    help: `Config file to read and rewrite (default ${DEFAULT_CONFIG}).`
  },
  image: {
    type: 'string',
    value: 'repository',
    help: "Default repository for entries that name none (the file's top-level image wins)."
  },
  platform: {
    type: 'string',
    value: 'os/arch[/variant]',
    help: 'Default platform for entries: pin that manifest instead of the index.'
  },
  mode: {
    type: 'string',
    value: 'update|matrix',
    help: 'update (default): resolve, rewrite, report. matrix: print the committed matrix; no network.'
  },
  'dry-run': {
    type: 'boolean',
    short: 'n',
    help: 'Resolve and report; write nothing.'
  },
  concurrency: {
    type: 'string',
    value: 'n',
    help: `Requests in flight at once, 1-${MAX_CONCURRENCY} (default ${DEFAULT_CONCURRENCY}).`
  },
  'max-attempts': {
    type: 'string',
    value: 'n',
    help: `Attempts per request on network errors, 408, 429 and 5xx, 1-${MAX_MAX_ATTEMPTS} (default ${DEFAULT_MAX_ATTEMPTS}).`
  },
  'request-timeout': {
    type: 'string',
    value: 'seconds',
    help: `Time one request may take, headers and body, ${MIN_REQUEST_TIMEOUT_SECONDS}-${MAX_REQUEST_TIMEOUT_SECONDS} s (default ${DEFAULT_REQUEST_TIMEOUT_SECONDS}).`
  },
  'fail-on-error': {
    type: 'boolean',
    help: 'Exit 1 when any image cannot be resolved (the default).'
  },
  'no-fail-on-error': {
    type: 'boolean',
    help: 'Exit 1 only when no image can be resolved, as the action does by default.'
  },
  'registry-auth-file': {
    type: 'string',
    value: 'path',
    help: 'YAML or JSON map of registry host to {username, password}; read before the Docker config.'
  },
  'insecure-registry': {
    type: 'string',
    multiple: true,
    value: 'host',
    help: 'Host that may be reached over plain HTTP; repeat for several. Loopback needs none.'
  },
  files: {
    type: 'string',
    multiple: true,
    value: 'glob',
    help: 'Other files pinning the same images (Dockerfiles, compose, manifests), relative to the working directory; repeat or separate with commas.'
  },
  json: {
    type: 'boolean',
    help: 'Print one JSON object {matrix, changed, updates, failed, held} instead of the table.'
  },
  'show-pull-request': {
    type: 'boolean',
    help: 'Also print the pull request the action would propose: title, body and diff.'
  },
  verbose: {
    type: 'boolean',
    short: 'v',
    help: 'Print debug messages (retries, credential fallbacks) on stderr.'
  },
  'size-warn-increase': {
    type: 'string',
    value: 'percent',
    help: `Flag a move whose compressed size grows by more than this on any platform (default ${DEFAULT_SIZE_WARN_INCREASE}).`
  },
  'auto-merge': {
    type: 'string',
    value: 'merge|squash|rebase',
    help: "With --show-pull-request: preview the action's auto-merge input, whose line in the body says whether every update passed every gate."
  },
  'min-age': {
    type: 'string',
    value: 'duration',
    help: "Propose a new digest only once it is this old (3d, 72h, 90m); an entry's min_age wins."
  },
  'min-age-unknown': {
    type: 'string',
    value: 'first-seen|hold|allow',
    help: 'When no push or build time is known. The CLI keeps no first-seen times, so first-seen (the default) waits as hold does.'
  },
  'allow-rewind': {
    type: 'boolean',
    help: 'Propose a new digest even when it was created before the pinned one.'
  },
  'immutable-tag': {
    type: 'string',
    multiple: true,
    value: 'regex',
    help: 'Tags matching this must never move: a moved one fails its entry. Repeat for several.'
  },
  'size-limit-increase': {
    type: 'string',
    value: 'percent',
    help: "How much a platform's size may grow against the pinned digest, e.g. 20%."
  },
  'size-policy': {
    type: 'string',
    value: 'warn|block',
    help: "Over --size-limit-increase or an entry's max_size: warn (default) flags, block refuses."
  },
  'check-pins': {
    type: 'boolean',
    help: 'Also ask the registry whether every pinned digest is still served (one HEAD each); a gone one exits 1.'
  },
  discover: {
    type: 'boolean',
    help: 'Find image references in the --files (default every Dockerfile and YAML file); the config becomes optional.'
  },
  pin: {
    type: 'boolean',
    help: 'With --discover: add the digest to tag-only references (nginx:1.27 becomes nginx:1.27@sha256:…).'
  },
  'pin-untagged': {
    type: 'boolean',
    help: 'With --discover: also pin references with neither tag nor digest, as their latest tag.'
  },
  ignore: {
    type: 'string',
    multiple: true,
    value: 'glob',
    help: 'With --discover: leave references to these repositories alone (docker.io/library/*, ghcr.io/acme/**); repeatable.'
  },
  'registry-map': {
    type: 'string',
    multiple: true,
    value: 'mirror=upstream',
    help: "With --discover: resolve a mirror's references at the upstream and write them back as the mirror's; repeatable."
  },
  version: {
    type: 'boolean',
    short: 'V',
    help: 'Print the version and exit.'
  },
  help: {
    type: 'boolean',
    short: 'h',
    help: 'Print this help and exit.'
  },
  'verify-signatures': {
    type: 'string',
    value: 'off|warn|require',
    help: 'Check who signed each moved digest, old against new (default off); see docs/signatures.md.'
  },
  'signature-key': {
    type: 'string',
    multiple: true,
    value: 'path',
    help: 'PEM public key file that key-based cosign signatures must verify with; repeat for several.'
  },
  'sigstore-trusted-root': {
    type: 'string',
    value: 'path',
    help: 'Sigstore trusted-root JSON for keyless signatures and build provenance.'
  }
}

export const PROGRAM = 'image-digest-updater'
const HELP_WIDTH = 92

export function helpText(): string {
  const rows = Object.entries(FLAGS).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    '
    return [`  ${short}--${name}${spec.value ? ` <${spec.value}>` : ''}`, spec.help]
  })
  const width = Math.max(...rows.map(([flag]) => flag!.length)) + 2
  const wrap = (text: string) => {
    const lines: string[] = []
    for (const word of text.split(' ')) {
      const last = lines.length - 1
      if (last >= 0 && width + lines[last]!.length + 1 + word.length <= HELP_WIDTH)
        lines[last] += ` ${word}`
      else lines.push(word)
    }
    return lines.join(`\n${' '.repeat(width)}`)
  }
  return [
    `Usage: ${PROGRAM} [options]`,
    `       ${PROGRAM} pin [options] FILE…  (pin and refresh the references in them)`,
    '',
    'Resolves the current digest of every image in a containers config, rewrites the digests',
    'that moved (nothing else in the file changes) and prints what happened. Never opens a pull',
    'request.',
    '',
    'Options:',
    ...rows.map(([flag, help]) => flag!.padEnd(width) + wrap(help!)),
    '',
    'Credentials: --registry-auth-file, then the Docker config that `docker login` writes',
    '($DOCKER_CONFIG/config.json or ~/.docker/config.json: credHelpers, credsStore, auths),',
    'then anonymous access.',
    '',
    'Exit status: 0 when every image resolved, 1 when any could not be (its old digest is',
    'kept), 2 on bad usage or a bad config (nothing is written).',
    '',
    'Other commands:',
    `  ${PROGRAM} digest REF…  print each reference pinned (see digest --help)`,
    ''
  ].join('\n')
}

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

/** `positionals`: the subcommands' operands (src/cli/commands.ts); the main command takes none. */
export function parseCliArgs(
  argv: readonly string[],
  { positionals = false }: { positionals?: boolean } = {}
): CliCommand {
  const options: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
    Object.entries(FLAGS).map(([name, spec]) => [
      name,
      {
        type: spec.type,
        multiple: spec.multiple === true,
        ...(spec.short ? { short: spec.short } : {})
      }
    ])
  )
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
  const insecure = insecureHosts(values['insecure-registry'] as string[] | undefined)

  return {
    kind: 'run',
    options: {
      mode,
      config: nonEmpty('config', str('config')) ?? DEFAULT_CONFIG,
      image: nonEmpty('image', str('image')),
      platform: nonEmpty('platform', str('platform')),
      dryRun: bool('dry-run'),
      concurrency: integer('concurrency', str('concurrency'), DEFAULT_CONCURRENCY, MAX_CONCURRENCY),
      maxAttempts: integer(
        'max-attempts',
        str('max-attempts'),
        DEFAULT_MAX_ATTEMPTS,
        MAX_MAX_ATTEMPTS
      ),
      requestTimeoutMs: requestTimeout(str('request-timeout')),
      failOnError: !bool('no-fail-on-error'),
      registryAuthFile: nonEmpty('registry-auth-file', str('registry-auth-file')),
      insecureRegistries: insecure,
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
