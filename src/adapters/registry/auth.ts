/**
 * Per-registry authentication: the `/v2/` ping that learns the challenge, bearer tokens
 * cached per repository scope (several scopes asked for in one token request), Basic
 * auth, and the rules for where credentials may be sent.
 */
import type { CredentialSource, Credentials } from './credentials.js'
import { type AuthChallenge, parseWwwAuthenticate } from './challenge.js'
import { isPrivateHost } from './hosts.js'
import {
  CertificateError,
  type HttpResponse,
  type HttpTransport,
  RegistryError,
  redactUrl
} from './http.js'
import { untrustedText } from '../../domain/text/untrusted.js'

const TOKEN_BODY_LIMIT = 64 * 1024
const ERROR_BODY_LIMIT = 64 * 1024
/** Scopes per token request: keeps URLs and tokens to a size every token service takes. */
export const SCOPES_PER_TOKEN_REQUEST = 25
const TOKEN_REFRESH_MARGIN_MS = 5_000

/**
 * Token services that live on another host than their registry, by registry API host. Only
 * these, besides the registry's own host, may receive the registry's credentials: a parent
 * domain proves nothing on multi-tenant domains (`attacker.azurecr.io` is not `myreg.azurecr.io`).
 * Each entry needs a public source saying the registry sends its clients there:
 * - Docker Hub: https://docs.docker.com/reference/api/registry/auth/ (realm `https://auth.docker.io/token`)
 * - GitLab.com: https://docs.gitlab.com/administration/packages/container_registry/ (the realm is
 *   GitLab's own `/jwt/auth`; for `registry.gitlab.com` that is `https://gitlab.com/jwt/auth`)
 */
export const KNOWN_TOKEN_HOSTS: Readonly<Record<string, readonly string[]>> = {
  'registry-1.docker.io': ['auth.docker.io'],
  'docker.io': ['auth.docker.io'],
  'registry.gitlab.com': ['gitlab.com']
}

interface CachedToken {
  header: string
  expiresAt: number
  /** Granted as part of a multi-scope request; may not actually cover this repository. */
  batched: boolean
}

export interface SessionOptions {
  /** Registry name as users write it (`docker.io`, `ghcr.io`, `localhost:5000`). */
  registry: string
  /** Host serving the API (`registry-1.docker.io` for Docker Hub). */
  apiHost: string
  transport: HttpTransport
  credentials: CredentialSource
  onSecret?: (secret: string) => void
}

/**
 * Whether the registry's credentials may be sent to the token service at `realm`: only to the
 * registry's own host (and port), or to a token service listed for it in KNOWN_TOKEN_HOSTS,
 * over HTTPS and never to a loopback, private or link-local address unless that is the
 * registry itself. Plain HTTP only to the registry's own host, when it may use plain HTTP.
 */
export function credentialsMayGoToRealm(
  apiHost: string,
  realm: URL,
  /** Takes `host[:port]`, as URL.host gives it. */
  mayUsePlainHttp: (host: string) => boolean
): { allowed: true } | { allowed: false; why: string } {
  const realmHost = realm.host.toLowerCase()
  const registryHost = apiHost.toLowerCase()
  if (realm.protocol !== 'https:' && realm.protocol !== 'http:')
    return { allowed: false, why: 'it is not HTTP(S)' }
  if (realm.protocol === 'http:' && !(realmHost === registryHost && mayUsePlainHttp(realm.host))) {
    return { allowed: false, why: 'it is plain HTTP' }
  }
  if (realmHost === registryHost) return { allowed: true }
  if (isPrivateHost(realm.host))
    return { allowed: false, why: 'it is a loopback or private address' }
  if (KNOWN_TOKEN_HOSTS[registryHost]?.includes(realmHost)) return { allowed: true }
  return {
    allowed: false,
    why: `it is another host, not a known token service of ${registryHost}`
  }
}

export class RegistrySession {
  readonly registry: string
  readonly apiHost: string
  private readonly transport: HttpTransport
  private readonly credentialSource: CredentialSource
  private readonly onSecret?: (secret: string) => void
  private baseUrl?: Promise<string>
  private challenge?: AuthChallenge
  private credentials?: Promise<Credentials | undefined>
  private usingFallback = false
  private readonly tokens = new Map<string, CachedToken>()
  private readonly pendingTokens = new Map<string, Promise<void>>()
  /** Why the credentials were kept from the token service, once they were. */
  private withheld?: string

  constructor(options: SessionOptions) {
    this.registry = options.registry
    this.apiHost = options.apiHost
    this.transport = options.transport
    this.credentialSource = options.credentials
    this.onSecret = options.onSecret
  }

  /** `https://host` (or `http://` for a loopback / insecure registry that has no TLS). */
  url(path: string): Promise<string> {
    this.baseUrl ??= this.ping()
    return this.baseUrl.then(base => `${base}${path}`)
  }

  private async ping(): Promise<string> {
    const attempt = async (scheme: string): Promise<HttpResponse> =>
      this.transport.request({
        method: 'GET',
        url: `${scheme}://${this.apiHost}/v2/`,
        origin: this.apiHost,
        maxBodyBytes: ERROR_BODY_LIMIT
      })
    await this.transport.learnHost(this.apiHost)
    let base = `https://${this.apiHost}`
    let response: HttpResponse
    try {
      response = await attempt('https')
    } catch (error) {
      if (
        !(error instanceof RegistryError) ||
        (error.kind !== 'network' && error.kind !== 'tls') ||
        // A certificate that failed verification is a registry on HTTPS: say so, never fall back.
        error instanceof CertificateError ||
        !this.transport.mayUsePlainHttp(this.apiHost)
      ) {
        throw error
      }
      base = `http://${this.apiHost}`
      response = await attempt('http')
    }
    if (response.status === 401) {
      this.learnChallenge(response)
    } else if (response.status >= 500 || response.status === 429) {
      throw new RegistryError(
        'http',
        `registry ${this.registry} answered ${response.status} to GET /v2/`,
        response.status
      )
    } else if (response.status !== 200) {
      // Some registries guard /v2/ differently from repositories; learn from the first 401 instead.
      this.transport.logger.debug(
        `GET ${base}/v2/ answered ${response.status}; continuing without a challenge`
      )
    }
    return base
  }

  private learnChallenge(response: HttpResponse): void {
    const challenges = parseWwwAuthenticate(response.headers.get('www-authenticate') ?? '')
    this.challenge =
      challenges.find(c => c.scheme === 'bearer') ?? challenges.find(c => c.scheme === 'basic')
  }

  private getCredentials(): Promise<Credentials | undefined> {
    this.credentials ??= this.credentialSource.lookup(this.registry)
    return this.credentials
  }

  /** Describes the credentials in use, for error messages. */
  async credentialsDescription(): Promise<string> {
    const creds = await this.getCredentials()
    return creds && !this.withheld ? `credentials from ${creds.source}` : 'anonymous access'
  }

  /** Set when the credentials were not sent to the token service: says which and why. */
  withheldCredentials(): string | undefined {
    return this.withheld
  }

  /** Fetches tokens for many repositories in few requests, before the per-image requests start. */
  async prefetch(repositories: readonly string[]): Promise<void> {
    await this.url('/v2/')
    if (this.challenge?.scheme !== 'bearer') return
    const missing = [...new Set(repositories)].filter(
      r => !this.validToken(r) && !this.pendingTokens.has(r)
    )
    const batches: string[][] = []
    for (let i = 0; i < missing.length; i += SCOPES_PER_TOKEN_REQUEST) {
      batches.push(missing.slice(i, i + SCOPES_PER_TOKEN_REQUEST))
    }
    await Promise.all(
      batches.map(batch => {
        const pending = this.fetchToken(
          batch.map(r => pullScope(r)),
          batch,
          batch.length > 1
        )
        for (const r of batch) this.pendingTokens.set(r, pending)
        return pending
          .finally(() => {
            for (const r of batch) this.pendingTokens.delete(r)
          })
          .catch(error => {
            // A failed batch is retried one scope at a time when each image is resolved.
            this.transport.logger.debug(`batched token request failed: ${(error as Error).message}`)
          })
      })
    )
  }

  private validToken(repository: string): CachedToken | undefined {
    const token = this.tokens.get(repository)
    return token && token.expiresAt - TOKEN_REFRESH_MARGIN_MS > this.transport.clock.now()
      ? token
      : undefined
  }

  /** The Authorization header for a request on `repository`, if the registry wants one. */
  async authorization(repository: string): Promise<Record<string, string>> {
    await this.url('/v2/')
    const challenge = this.challenge
    if (!challenge) return {}
    if (challenge.scheme === 'basic') {
      const creds = await this.getCredentials()
      return creds ? { Authorization: basicHeader(creds) } : {}
    }
    const pending = this.pendingTokens.get(repository)
    if (pending) await pending.catch(() => undefined)
    let token = this.validToken(repository)
    if (!token) {
      await this.singleScopeToken(repository, pullScope(repository))
      token = this.validToken(repository)
    }
    return token ? { Authorization: token.header } : {}
  }

  private singleScopeToken(repository: string, scope: string): Promise<void> {
    let pending = this.pendingTokens.get(repository)
    if (!pending) {
      pending = this.fetchToken([scope], [repository], false).finally(() =>
        this.pendingTokens.delete(repository)
      )
      this.pendingTokens.set(repository, pending)
    }
    return pending
  }

  /**
   * After a 401/403 on `repository`: decides whether a retry with other authorization
   * can help, and prepares it. Returns false when nothing more can be tried.
   */
  async renew(repository: string, response: HttpResponse): Promise<boolean> {
    const hadChallenge = this.challenge !== undefined
    if (response.status === 401) this.learnChallenge(response)
    const challenge = this.challenge
    if (!challenge) return false
    const cached = this.tokens.get(repository)
    if (challenge.scheme === 'bearer') {
      if (!hadChallenge || cached?.batched) {
        // The batched token did not cover this repository: ask for it alone. Always for pull
        // on this repository: the challenge's own scope is the registry's to choose, and a
        // hostile one (push, or another repository) must not widen what is asked for.
        this.tokens.delete(repository)
        await this.singleScopeToken(repository, pullScope(repository))
        return true
      }
    } else if (!hadChallenge) {
      return (await this.getCredentials()) !== undefined
    }
    if (await this.switchToFallback()) {
      this.tokens.clear()
      return true
    }
    return false
  }

  private async switchToFallback(): Promise<boolean> {
    if (this.usingFallback) return false
    const current = await this.getCredentials()
    if (current) return false
    const fallback = this.credentialSource.fallback(this.registry)
    if (!fallback) return false
    this.usingFallback = true
    this.credentials = Promise.resolve(fallback)
    this.transport.logger.debug(
      `${this.registry} refused anonymous access; retrying with ${fallback.source}`
    )
    return true
  }

  private async fetchToken(
    scopes: string[],
    repositories: string[],
    batched: boolean
  ): Promise<void> {
    const challenge = this.challenge!
    const realmText = challenge.params.realm
    if (!realmText)
      throw new RegistryError(
        'invalid-response',
        `${this.registry} sent a Bearer challenge without a realm`
      )
    let realm: URL
    try {
      realm = new URL(realmText)
    } catch {
      throw new RegistryError(
        'invalid-response',
        `${this.registry} sent a Bearer challenge with an invalid realm`
      )
    }
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
      throw new RegistryError(
        'invalid-response',
        `${this.registry} sent a token realm that is not HTTP(S)`
      )
    }
    if (realm.username !== '' || realm.password !== '') {
      // Not ours to use, and fetch would refuse it anyway, quoting it in the error.
      throw new RegistryError(
        'invalid-response',
        `${this.registry} sent a token realm with credentials in its URL; refusing to use it`
      )
    }
    await this.transport.learnHost(realm.host)
    if (realm.protocol === 'http:' && !this.transport.mayUsePlainHttp(realm.host)) {
      throw new RegistryError(
        'insecure',
        `${this.registry} points its token service at plain-HTTP ${untrustedText(redactUrl(realm.href), 200)}`,
        undefined,
        { text: 'add the host to {insecure-registries} if that is intended' }
      )
    }
    const url = new URL(realm.href)
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service)
    for (const scope of scopes) url.searchParams.append('scope', scope)

    const headers: Record<string, string> = {}
    const creds = await this.getCredentials()
    if (creds) {
      const verdict = credentialsMayGoToRealm(this.apiHost, realm, h =>
        this.transport.mayUsePlainHttp(h)
      )
      if (verdict.allowed) {
        headers.Authorization = basicHeader(creds)
      } else if (!this.withheld) {
        this.withheld = `${creds.source} was not sent to token service ${realm.host} because ${verdict.why}`
        this.transport.logger.warning(
          `${this.registry}: not sending ${creds.source} to token service ${realm.host} because ${verdict.why}; asking for an anonymous token instead`
        )
      }
    }
    const response = await this.transport.request({
      method: 'GET',
      url: url.href,
      origin: this.apiHost,
      headers,
      maxBodyBytes: TOKEN_BODY_LIMIT
    })
    if (response.status === 401 || response.status === 403) {
      if (!headers.Authorization && (await this.switchToFallback())) {
        return this.fetchToken(scopes, repositories, batched)
      }
      throw new RegistryError(
        response.status === 401 ? 'unauthorized' : 'denied',
        `token service ${realm.host} refused ${headers.Authorization ? `credentials from ${creds!.source}` : 'anonymous access'} for ${repositories.length === 1 ? repositories[0] : `${repositories.length} repositories`} (HTTP ${response.status})${this.withheld && !headers.Authorization ? `; ${this.withheld}` : ''}`,
        response.status
      )
    }
    if (response.status !== 200) {
      throw new RegistryError(
        response.status === 429 ? 'rate-limited' : 'http',
        `token service ${realm.host} answered HTTP ${response.status}`,
        response.status
      )
    }
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown }
    try {
      body = JSON.parse(response.body.toString('utf8')) as typeof body
    } catch {
      throw new RegistryError(
        'invalid-response',
        `token service ${realm.host} answered something that is not JSON`
      )
    }
    const token =
      typeof body.token === 'string' && body.token !== '' ? body.token : body.access_token
    if (typeof token !== 'string' || token === '' || !/^[\x21-\x7e]+$/.test(token)) {
      throw new RegistryError(
        'invalid-response',
        `token service ${realm.host} answered without a usable token`
      )
    }
    const weakness = tokenWeakness(token)
    if (weakness) {
      throw new RegistryError(
        'invalid-response',
        `token service ${realm.host} of ${this.registry} answered a token ${weakness}; refusing to mask or send it (a masked value is blanked everywhere in the log); check the registry's token service`
      )
    }
    this.onSecret?.(token)
    const expiresIn =
      typeof body.expires_in === 'number' && body.expires_in >= 60 ? body.expires_in : 60
    const entry: CachedToken = {
      header: `Bearer ${token}`,
      expiresAt: this.transport.clock.now() + expiresIn * 1000,
      batched
    }
    for (const repository of repositories) this.tokens.set(repository, entry)
  }
}

/** Shortest token taken: a random token of this length cannot turn up in a log by chance. */
export const MIN_TOKEN_LENGTH = 16
/** Fewest distinct characters: rules out runs (`aaaa…`) and short repeated words. */
export const MIN_TOKEN_DISTINCT_CHARACTERS = 8

/**
 * Why `token` cannot be a secret, or undefined. The service chooses the token and every
 * secret is masked, so a token such as `sha256` or `0000000000000000` would blank every digest
 * in the rest of the log. Real registry tokens are JWTs or random strings of 32 characters or
 * more; 16 characters drawn from 8 or more different ones is far below that and far above
 * any word or digest fragment that ordinary output repeats.
 */
export function tokenWeakness(token: string): string | undefined {
  if (token.length < MIN_TOKEN_LENGTH)
    return `of ${token.length} characters, too short to be a secret (at least ${MIN_TOKEN_LENGTH} expected)`
  const distinct = new Set(token).size
  if (distinct < MIN_TOKEN_DISTINCT_CHARACTERS)
    return `made of only ${distinct} different characters, too repetitive to be a secret (at least ${MIN_TOKEN_DISTINCT_CHARACTERS} expected)`
  return undefined
}

function pullScope(repository: string): string {
  return `repository:${repository}:pull`
}

function basicHeader(creds: Credentials): string {
  return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`
}
