/**
 * One way to build a registry client from user settings, shared by the action and the CLI
 * so that both read credentials, mask secrets and honour insecure hosts identically.
 */
import { CredentialStore, type Credentials } from './credentials.js'
import { credentialHelperRunner } from './credential-helper.js'
import { RegistryClient } from './client.js'
import type { Logger } from './http.js'

export interface ClientSettings {
  registryAuth: Map<string, Credentials>
  /** The Docker config to read after registryAuth; the default location when not given, none when false. */
  dockerConfigPath?: string | false
  insecureRegistries: readonly string[]
  concurrency: number
  maxAttempts: number
  /** Per-request timeout; the transport's default (30 s) when not given. */
  requestTimeoutMs?: number
  /** Used for GHCR only after anonymous pull was refused. */
  githubToken?: string
  /** How messages name the token ("the token input"). */
  githubTokenSource?: string
  logger: Logger
  /** Called with every secret the client learns (passwords, tokens) so the caller can mask it. */
  onSecret: (secret: string) => void
  /** Test-only: Docker Hub's tags API on a loopback fake (see docker-hub.ts). */
  dockerHubApi?: string
}

export function createRegistryClient(settings: ClientSettings): RegistryClient {
  const helperTimeoutMs = settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_SECONDS * 1000
  return new RegistryClient({
    credentials: new CredentialStore({
      registryAuth: settings.registryAuth,
      dockerConfigPath: settings.dockerConfigPath,
      // A helper usually makes one request of its own (a cloud token API): it gets as long as one.
      runHelper: credentialHelperRunner(helperTimeoutMs),
      githubToken: settings.githubToken,
      githubTokenSource: settings.githubTokenSource,
      onSecret: settings.onSecret,
      onWarning: message => settings.logger.warning(message)
    }),
    onSecret: settings.onSecret,
    concurrency: settings.concurrency,
    maxAttempts: settings.maxAttempts,
    timeoutMs: settings.requestTimeoutMs,
    insecureHosts: new Set(settings.insecureRegistries.map(h => h.toLowerCase())),
    logger: settings.logger,
    dockerHubApi: settings.dockerHubApi
  })
}

export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30
export const MIN_REQUEST_TIMEOUT_SECONDS = 0.5
export const MAX_REQUEST_TIMEOUT_SECONDS = 300
export const REQUEST_TIMEOUT_RANGE = `a number of seconds from ${MIN_REQUEST_TIMEOUT_SECONDS} to ${MAX_REQUEST_TIMEOUT_SECONDS}`

/**
 * The `request-timeout` input and `--request-timeout` flag, in seconds (`2.5` allowed), as
 * milliseconds; undefined when `text` is not in range. Below half a second a healthy registry
 * across the world would time out; above five minutes one dead host stalls the run for longer
 * than any schedule wants.
 */
export function parseRequestTimeout(text: string): number | undefined {
  const trimmed = text.trim()
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined
  const seconds = Number(trimmed)
  if (seconds < MIN_REQUEST_TIMEOUT_SECONDS || seconds > MAX_REQUEST_TIMEOUT_SECONDS)
    return undefined
  return Math.round(seconds * 1000)
}
