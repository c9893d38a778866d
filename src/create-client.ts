/**
 * One way to build a registry client from user settings, shared by the action and the CLI
 * so that both read credentials, mask secrets and honour insecure hosts identically.
 */
import { CredentialStore, type Credentials } from './credentials.js'
import { runCredentialHelper } from './helper-runner.js'
import { RegistryClient } from './registry/client.js'
import type { Logger } from './registry/http.js'

export interface ClientSettings {
  registryAuth: Map<string, Credentials>
  insecureRegistries: readonly string[]
  concurrency: number
  maxAttempts: number
  /** Per-request timeout; the transport's default (30 s) when not given. */
  requestTimeoutMs?: number
  /** Used for GHCR only after anonymous pull was refused. */
  githubToken?: string
  logger: Logger
  /** Called with every secret the client learns (passwords, tokens) so the caller can mask it. */
  onSecret: (secret: string) => void
}

export function createRegistryClient(settings: ClientSettings): RegistryClient {
  return new RegistryClient({
    credentials: new CredentialStore({
      registryAuth: settings.registryAuth,
      runHelper: runCredentialHelper,
      githubToken: settings.githubToken,
      onSecret: settings.onSecret,
      onWarning: message => settings.logger.warning(message)
    }),
    onSecret: settings.onSecret,
    concurrency: settings.concurrency,
    maxAttempts: settings.maxAttempts,
    timeoutMs: settings.requestTimeoutMs,
    insecureHosts: new Set(settings.insecureRegistries.map(h => h.toLowerCase())),
    logger: settings.logger
  })
}
