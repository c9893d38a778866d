/**
 * Where registry credentials come from, in order: the `registry-auth` input, then the
 * Docker config that `docker login` / `docker/login-action` leave behind (`auths`,
 * `credHelpers`, `credsStore`). The GitHub token is kept apart as a fallback for GHCR,
 * used only when anonymous pull is refused.
 */
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { HelperTimeoutError } from './credential-helper.js'
import { DOCKER_HUB } from '../../domain/oci/reference.js'
import { UpdaterError } from '../../domain/errors.js'

export interface Credentials {
  username: string
  password: string
  /** Where they came from, for messages; never the secret itself. */
  source: string
}

export interface CredentialSource {
  lookup(registry: string): Promise<Credentials | undefined>
  /** Credentials to try once anonymous access has been refused. */
  fallback(registry: string): Credentials | undefined
}

/** Runs `docker-credential-<helper> get` with the server URL on stdin and returns stdout. */
export type CredentialHelperRunner = (helper: string, serverUrl: string) => Promise<string>

/** Unreadable credentials text; the message's subject is the text, which the edge names first. */
export class CredentialsInputError extends UpdaterError {
  override name = 'CredentialsInputError'
}

/** Docker Hub appears under many names in config files; all mean the same registry. */
export function canonicalRegistryKey(key: string): string {
  let host = key.trim().toLowerCase()
  host = host.replace(/^[a-z]+:\/\//, '')
  host = host.split('/')[0] ?? host
  if (host === 'index.docker.io' || host === 'registry-1.docker.io' || host === 'docker.io')
    return DOCKER_HUB
  return host
}

function dockerHelperServerUrl(registry: string): string {
  return registry === DOCKER_HUB ? 'https://index.docker.io/v1/' : registry
}

/**
 * Parses registry credentials given as a YAML or JSON map of host → {username, password};
 * `source` says where the text came from, for messages ("the registry-auth input").
 */
export function parseRegistryAuth(text: string, source: string): Map<string, Credentials> {
  const result = new Map<string, Credentials>()
  if (text.trim() === '') return result
  let data: unknown
  try {
    data = parseYaml(text)
  } catch {
    // The parser's message may quote the input, which holds passwords.
    throw new CredentialsInputError('is not valid YAML or JSON')
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new CredentialsInputError('must be a map of registry host to {username, password}')
  }
  for (const [host, value] of Object.entries(data as Record<string, unknown>)) {
    const v = value as Record<string, unknown> | null
    if (
      !v ||
      typeof v !== 'object' ||
      typeof v.username !== 'string' ||
      typeof v.password !== 'string'
    ) {
      throw new CredentialsInputError(
        `entry "${host}" must have string fields username and password`
      )
    }
    result.set(canonicalRegistryKey(host), {
      username: v.username,
      password: v.password,
      source
    })
  }
  return result
}

interface DockerConfigFile {
  auths?: Record<
    string,
    { auth?: string; username?: string; password?: string; identitytoken?: string }
  >
  credHelpers?: Record<string, string>
  credsStore?: string
}

export interface CredentialStoreOptions {
  registryAuth?: Map<string, Credentials>
  /**
   * Path of the Docker config file; default `$DOCKER_CONFIG/config.json` or
   * `~/.docker/config.json`; false reads none (a library caller's anonymous access).
   */
  dockerConfigPath?: string | false
  runHelper?: CredentialHelperRunner
  /** Token used for GHCR when anonymous pull is refused. */
  githubToken?: string
  /** How messages name the token ("the token input"). */
  githubTokenSource?: string
  /** Called with every secret learned, so the caller can mask it in logs. */
  onSecret?: (secret: string) => void
  onWarning?: (message: string) => void
}

export function defaultDockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json')
}

export class CredentialStore implements CredentialSource {
  private dockerConfig?: Promise<DockerConfigFile | undefined>
  private readonly cache = new Map<string, Promise<Credentials | undefined>>()

  constructor(private readonly options: CredentialStoreOptions = {}) {
    for (const c of options.registryAuth?.values() ?? []) options.onSecret?.(c.password)
    if (options.githubToken) options.onSecret?.(options.githubToken)
  }

  lookup(registry: string): Promise<Credentials | undefined> {
    const key = canonicalRegistryKey(registry)
    let found = this.cache.get(key)
    if (!found) {
      found = this.find(key)
      this.cache.set(key, found)
    }
    return found
  }

  fallback(registry: string): Credentials | undefined {
    if (canonicalRegistryKey(registry) !== 'ghcr.io' || !this.options.githubToken) return undefined
    return {
      username: 'x-access-token',
      password: this.options.githubToken,
      source: this.options.githubTokenSource ?? 'the GitHub token'
    }
  }

  private async find(registry: string): Promise<Credentials | undefined> {
    const explicit = this.options.registryAuth?.get(registry)
    if (explicit) return explicit
    if (this.options.dockerConfigPath === false) return undefined
    const path = this.options.dockerConfigPath ?? defaultDockerConfigPath()
    this.dockerConfig ??= readDockerConfig(path, this.options.onWarning)
    const config = await this.dockerConfig
    if (!config) return undefined

    const helper =
      Object.entries(config.credHelpers ?? {}).find(
        ([k]) => canonicalRegistryKey(k) === registry
      )?.[1] ?? config.credsStore
    if (helper) {
      const fromHelper = await this.fromHelper(helper, registry)
      if (fromHelper) return fromHelper
    }
    const entry = Object.entries(config.auths ?? {}).find(
      ([k]) => canonicalRegistryKey(k) === registry
    )?.[1]
    if (!entry) return undefined
    let username = entry.username
    let password = entry.password
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      if (colon > 0) {
        username = decoded.slice(0, colon)
        password = decoded.slice(colon + 1)
      }
    }
    if (!username || !password) {
      if (entry.identitytoken) {
        this.options.onWarning?.(
          `${path}: ${registry} uses an identity token, which is not supported; use a password or access token`
        )
      }
      return undefined
    }
    this.options.onSecret?.(password)
    return { username, password, source: `the Docker config ${path}` }
  }

  private async fromHelper(helper: string, registry: string): Promise<Credentials | undefined> {
    if (!/^[a-zA-Z0-9_.-]+$/.test(helper)) {
      this.options.onWarning?.(`ignoring Docker credential helper with an unsafe name "${helper}"`)
      return undefined
    }
    const run = this.options.runHelper
    if (!run) return undefined
    let output: string
    try {
      output = await run(helper, dockerHelperServerUrl(registry))
    } catch (error) {
      if (error instanceof HelperTimeoutError) {
        this.options.onWarning?.(
          `${error.message} for ${registry}; continuing without its credentials`
        )
      }
      // Helpers exit non-zero for "no credentials for this server": that is not an error.
      return undefined
    }
    let parsed: { Username?: unknown; Secret?: unknown }
    try {
      parsed = JSON.parse(output) as typeof parsed
    } catch {
      this.options.onWarning?.(
        `docker-credential-${helper} answered something that is not JSON for ${registry}`
      )
      return undefined
    }
    if (
      typeof parsed.Username !== 'string' ||
      typeof parsed.Secret !== 'string' ||
      parsed.Secret === ''
    ) {
      return undefined
    }
    this.options.onSecret?.(parsed.Secret)
    if (parsed.Username === '<token>') {
      this.options.onWarning?.(
        `docker-credential-${helper} gave an identity token for ${registry}, which is not supported`
      )
      return undefined
    }
    return {
      username: parsed.Username,
      password: parsed.Secret,
      source: `docker-credential-${helper}`
    }
  }
}

async function readDockerConfig(
  path: string,
  onWarning?: (message: string) => void
): Promise<DockerConfigFile | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return undefined
  }
  try {
    return JSON.parse(text) as DockerConfigFile
  } catch {
    onWarning?.(`${path} is not valid JSON; ignoring it`)
    return undefined
  }
}
