/**
 * The library's public entry (`import { resolveImageDigest } from 'image-digest-updater'`):
 * image references resolved to verified digests, for programs that pin an image at the
 * moment they store it. Every type a caller sees is declared here, so the declaration file
 * emitted from this file alone (scripts/bundle.mjs) is complete.
 *
 * One image that cannot be resolved, or a reference that cannot be read, is an answer with an
 * error, never a thrown one; only options that cannot work (a bad platform, a concurrency of 0,
 * unreadable registry-auth text) throw, before anything is asked. Nothing is written to stdout
 * or stderr: messages go to the logger given, if any, without the secrets the run learnt.
 */
import { NEUTRAL_WORDS } from '../domain/errors.js'
import { parsePlatform } from '../domain/oci/platform.js'
import { SecretRegistry } from '../domain/text/secrets.js'
import {
  DEFAULT_REQUEST_TIMEOUT_SECONDS,
  MAX_REQUEST_TIMEOUT_SECONDS,
  MIN_REQUEST_TIMEOUT_SECONDS,
  createRegistryClient
} from '../adapters/registry/create-client.js'
import { type Credentials, parseRegistryAuth } from '../adapters/registry/credentials.js'
import type { Logger } from '../adapters/registry/http.js'
import { resolveReferences } from '../run/digests.js'

/** One reference's answer. Exactly one of `pinned` (with `digest`) and `error` is set. */
export interface ImageDigest {
  /** The reference as given. */
  reference: string
  /** The reference as given, its digest added or replaced: `nginx:1.27@sha256:…`. */
  pinned: string | null
  digest: `sha256:${string}` | null
  /** One line saying why the image could not be resolved. */
  error: string | null
}

/**
 * Where registry credentials come from. `'none'`: anonymous access only. Otherwise
 * `registryAuth`, YAML or JSON text mapping a registry host to `{username, password}`, is
 * asked first, then the Docker config `docker login` writes (with its credential helpers),
 * at `dockerConfig` or, when not given, `$DOCKER_CONFIG/config.json` or
 * `~/.docker/config.json`; `dockerConfig: false` reads none.
 */
export type RegistryCredentials =
  | 'none'
  | {
      registryAuth?: string
      dockerConfig?: string | false
    }

/** Any of these may be missing; `console` and most loggers (pino, winston) fit. */
export interface ResolveLogger {
  debug?(message: string): void
  info?(message: string): void
  warn?(message: string): void
}

export interface ResolveOptions {
  /** Default: the Docker config at its usual place, as the command line reads it. */
  credentials?: RegistryCredentials
  /** `os/architecture[/variant]`: pin that platform's manifest instead of the index. */
  platform?: string
  /** References resolved, and requests sent, at once: 1 to 64, default 8. */
  concurrency?: number
  /** Milliseconds one request may take, headers and body: 500 to 300000, default 30000. */
  timeout?: number
  /** Attempts per request on network errors, 408, 429 and 5xx: 1 to 10, default 3. */
  maxAttempts?: number
  /** Hosts that may be reached over plain HTTP; loopback needs none. */
  insecureRegistries?: readonly string[]
  logger?: ResolveLogger
}

function whole(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new RangeError(`options.${name} must be a whole number from 1 to ${max}, got ${value}`)
  return value
}

function timeoutMs(value: number | undefined): number {
  const [min, max] = [MIN_REQUEST_TIMEOUT_SECONDS * 1000, MAX_REQUEST_TIMEOUT_SECONDS * 1000]
  if (value === undefined) return DEFAULT_REQUEST_TIMEOUT_SECONDS * 1000
  if (!Number.isFinite(value) || value < min || value > max)
    throw new RangeError(`options.timeout must be ${min} to ${max} milliseconds, got ${value}`)
  return value
}

function registryAuth(credentials: RegistryCredentials | undefined): Map<string, Credentials> {
  const text = credentials === 'none' ? undefined : credentials?.registryAuth
  if (text === undefined) return new Map()
  try {
    return parseRegistryAuth(text, 'options.credentials.registryAuth')
  } catch (error) {
    // The parser's messages never quote the text, which holds passwords.
    throw new TypeError(`options.credentials.registryAuth ${(error as Error).message}`, {
      cause: error
    })
  }
}

/** The caller's logger behind the client's interface, every message without a known secret. */
function scrubbed(logger: ResolveLogger | undefined, secrets: SecretRegistry): Logger {
  const to = (write: ((message: string) => void) | undefined) => (message: string) =>
    write?.call(logger, secrets.redact(message))
  return { debug: to(logger?.debug), info: to(logger?.info), warning: to(logger?.warn) }
}

/**
 * Every reference's current digest, in the order given; identical references are asked
 * once. Resolves for every answer, failed ones included.
 */
export async function resolveImageDigests(
  references: readonly string[],
  options: ResolveOptions = {}
): Promise<ImageDigest[]> {
  if (!Array.isArray(references)) throw new TypeError('references must be an array of strings')
  const concurrency = whole('concurrency', options.concurrency, 8, 64)
  const secrets = new SecretRegistry()
  const logger = scrubbed(options.logger, secrets)
  const credentials = options.credentials
  const client = createRegistryClient({
    registryAuth: registryAuth(credentials),
    dockerConfigPath: credentials === 'none' ? false : credentials?.dockerConfig,
    insecureRegistries: (options.insecureRegistries ?? []).map(host => host.trim()),
    concurrency,
    maxAttempts: whole('maxAttempts', options.maxAttempts, 3, 10),
    requestTimeoutMs: timeoutMs(options.timeout),
    logger,
    onSecret: secret => secrets.add(secret)
  })
  const platform = options.platform === undefined ? undefined : parsePlatform(options.platform)
  const results = await resolveReferences(
    references.map(reference => String(reference)),
    client,
    { platform, concurrency, words: NEUTRAL_WORDS }
  )
  return results.map(result => ({
    reference: result.reference,
    pinned: result.pinned,
    // A Digest always starts so; the brand stays inside.
    digest: result.digest as ImageDigest['digest'],
    error: result.error === null ? null : secrets.redact(result.error)
  }))
}

/** One reference's current digest; resolves with an error answer when it cannot be had. */
export async function resolveImageDigest(
  reference: string,
  options: ResolveOptions = {}
): Promise<ImageDigest> {
  const [result] = await resolveImageDigests([reference], options)
  return result!
}
