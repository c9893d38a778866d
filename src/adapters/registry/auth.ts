/**
 * Per-registry authentication: the `/v2/` ping that learns the challenge, bearer tokens
 * cached per repository scope (several scopes asked for in one token request), Basic
 * auth, and the rules for where credentials may be sent.
 */
import type { CredentialSource, Credentials } from './credentials.js'
import { type AuthChallenge, parseWwwAuthenticate } from './challenge.js'
import {
  CertificateError,
  type HttpResponse,
  type HttpTransport,
  RegistryError,
  redactUrl
} from './http.js'
import {
  basicHeader,
  credentialsMayGoToRealm,
  pullScope,
  tokenFromAnswer,
  tokenRealm
} from './token-service.js'
import { untrustedText } from '../../domain/text/untrusted.js'

export {
  KNOWN_TOKEN_HOSTS,
  MIN_TOKEN_DISTINCT_CHARACTERS,
  MIN_TOKEN_LENGTH,
  credentialsMayGoToRealm,
  tokenWeakness
} from './token-service.js'

const TOKEN_BODY_LIMIT = 64 * 1024
const ERROR_BODY_LIMIT = 64 * 1024
/** Scopes per token request: keeps URLs and tokens to a size every token service takes. */
export const SCOPES_PER_TOKEN_REQUEST = 25
const TOKEN_REFRESH_MARGIN_MS = 5_000

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
    const realm = tokenRealm(this.registry, challenge)
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
    const { token, expiresIn } = tokenFromAnswer(this.registry, realm, response)
    this.onSecret?.(token)
    const entry: CachedToken = {
      header: `Bearer ${token}`,
      expiresAt: this.transport.clock.now() + expiresIn * 1000,
      batched
    }
    for (const repository of repositories) this.tokens.set(repository, entry)
  }
}
