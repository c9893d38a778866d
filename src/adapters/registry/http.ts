/**
 * One HTTP exchange with a registry or token service: redirects followed by hand (so
 * credentials never cross to another host), bodies capped, a per-request timeout, a
 * global cap on requests in flight, and retries with backoff for what is retryable.
 */
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { keepAliveFetch } from './connections.js'
import { RateLimitBudget } from './rate-limit.js'
import { hostname, isLoopbackHost, isPrivateHost } from './hosts.js'
import { untrustedText } from '../../domain/text/untrusted.js'
import {
  type Clock,
  Semaphore,
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  systemClock
} from './retry.js'
import {
  CONNECT_TIMEOUTS,
  DeadHostError,
  RegistryError,
  transportError
} from './transport-errors.js'

export { type Clock, Semaphore, backoffDelay, parseRetryAfter, systemClock } from './retry.js'
export { CertificateError, RegistryError, type RegistryErrorKind } from './transport-errors.js'

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
  /** Worth a look but not a problem (a file skipped on purpose); falls back to info. */
  notice?(message: string): void
}

export const silentLogger: Logger = { debug() {}, info() {}, warning() {} }

export interface HttpRequest {
  method: 'GET' | 'HEAD'
  url: string
  /**
   * `host[:port]` of the registry the request is made for. Set, every other host the request
   * reaches (redirect targets, token services) is held to what that registry may send the
   * action to: a registry that is not itself loopback or private cannot send it over plain
   * HTTP or to a loopback or private address.
   */
  origin?: string
  headers?: Record<string, string>
  /** Largest body accepted, in bytes. */
  maxBodyBytes: number
}

export interface HttpResponse {
  status: number
  headers: Headers
  body: Buffer
  /** The URL that finally answered, after redirects. */
  url: string
}

export interface TransportOptions {
  fetch?: FetchLike
  clock?: Clock
  logger?: Logger
  /** Requests in flight at once across the whole run. */
  concurrency?: number
  maxAttempts?: number
  timeoutMs?: number
  /** Longest `Retry-After` honoured; a longer wait fails the request instead. */
  maxRetryAfterMs?: number
  random?: () => number
  /** Hosts that may be reached over plain HTTP (besides loopback). */
  insecureHosts?: ReadonlySet<string>
  /** Observes every request sent on the wire, for counting and tests. */
  onRequest?: (method: string, url: string) => void
  /** The addresses a host name resolves to (none when it does not); the system resolver by default. */
  resolve?: (hostname: string) => Promise<string[]>
  /** The run's rate-limit budget; a fresh one by default. */
  budget?: RateLimitBudget
}

async function systemResolve(name: string): Promise<string[]> {
  try {
    return (await lookup(name, { all: true })).map(a => a.address)
  } catch {
    return []
  }
}

const MAX_REDIRECTS = 5

export class HttpTransport {
  private readonly fetch: FetchLike
  readonly clock: Clock
  readonly logger: Logger
  /** What each registry has left, and the registries a 429 closed for the run. */
  readonly budget: RateLimitBudget
  private readonly semaphore: Semaphore
  private readonly maxAttempts: number
  private readonly timeoutMs: number
  private readonly maxRetryAfterMs: number
  private readonly random: () => number
  private readonly insecureHosts: ReadonlySet<string>
  private readonly onRequest?: (method: string, url: string) => void
  private readonly resolve: (hostname: string) => Promise<string[]>
  private readonly addresses = new Map<string, Promise<string[]>>()
  /** `*.localhost` names that resolved to loopback addresses only. */
  private readonly resolvedLoopback = new Set<string>()

  constructor(options: TransportOptions = {}) {
    this.fetch = options.fetch ?? keepAliveFetch()
    this.clock = options.clock ?? systemClock
    this.logger = options.logger ?? silentLogger
    this.budget = options.budget ?? new RateLimitBudget(message => this.logger.warning(message))
    this.semaphore = new Semaphore(Math.max(1, options.concurrency ?? 8))
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3)
    this.timeoutMs = options.timeoutMs ?? 30_000
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000
    this.random = options.random ?? Math.random
    this.insecureHosts = options.insecureHosts ?? new Set()
    this.onRequest = options.onRequest
    this.resolve = options.resolve ?? systemResolve
  }

  /** One lookup per name per run. */
  private addressesOf(host: string): Promise<string[]> {
    const name = hostname(host)
    let pending = this.addresses.get(name)
    if (!pending) {
      pending = this.resolve(name)
      this.addresses.set(name, pending)
    }
    return pending
  }

  /**
   * Resolves a `*.localhost` name before a plain-HTTP decision about it: such a name is
   * loopback only when every address it resolves to is (RFC 6761 asks resolvers to make it
   * so, but not every resolver does, and one that sends it elsewhere must not get plain HTTP).
   */
  async learnHost(host: string): Promise<void> {
    const name = hostname(host)
    if (!name.endsWith('.localhost') || this.resolvedLoopback.has(name)) return
    const addresses = await this.addressesOf(name)
    if (addresses.length > 0 && addresses.every(a => isLoopbackHost(a)))
      this.resolvedLoopback.add(name)
  }

  /**
   * Whether `host` is a loopback or private address, or a name that resolves to one. A name is
   * judged by every address it has: one private address is enough, since the connection may
   * take any of them.
   */
  async isLocalHost(host: string): Promise<boolean> {
    if (isPrivateHost(host)) return true
    const name = hostname(host)
    if (isIP(name) !== 0) return false
    return (await this.addressesOf(name)).some(a => isPrivateHost(a))
  }

  /**
   * Refuses to let a remote registry (one that is not loopback or private itself) send the
   * action over plain HTTP or to a loopback or private address. The check resolves names: a
   * public name that points at 10.0.0.1 or 127.0.0.1 is refused like the address itself.
   */
  private async checkReach(origin: string | undefined, url: URL): Promise<void> {
    if (!origin) return
    const target = url.host.toLowerCase()
    const registry = origin.toLowerCase()
    if (target === registry || (await this.isLocalHost(registry))) return
    const explicitlyInsecure =
      this.insecureHosts.has(target) || this.insecureHosts.has(hostname(target))
    if (url.protocol === 'http:' && !explicitlyInsecure) {
      throw new RegistryError(
        'insecure',
        `refusing plain-HTTP ${untrustedText(redactUrl(url.href), 200)}: remote registry ${registry} may only send the action to HTTPS`,
        undefined,
        { text: 'list the host in {insecure-registries} if that is intended', join: 'aside' }
      )
    }
    if (!explicitlyInsecure && (await this.isLocalHost(target))) {
      throw new RegistryError(
        'insecure',
        `refusing ${untrustedText(redactUrl(url.href), 200)}: ${untrustedText(hostname(target), 100)} is a loopback or private address, and remote registry ${registry} may not send the action there`
      )
    }
  }

  /**
   * `host` as in a URL, with its port if it has one: insecure-registries may list the host
   * alone (any port) or `host:port`, as Docker's daemon setting of that name does.
   */
  mayUsePlainHttp(host: string): boolean {
    const name = host.toLowerCase()
    return (
      isLoopbackHost(name) ||
      this.resolvedLoopback.has(hostname(name)) ||
      this.insecureHosts.has(name) ||
      this.insecureHosts.has(hostname(name))
    )
  }

  /**
   * Hosts whose last `maxAttempts` requests all timed out with no answer in between, with the
   * reason. They are not asked again in the run: every later request fails at once, so one
   * dead host costs the run one request's attempts, not every entry's. Any answer from a host
   * starts its count again, so one slow path on a live registry costs only its own entry.
   */
  private readonly deadHosts = new Map<string, string>()
  private readonly timeoutsInARow = new Map<string, number>()

  private noteTimeout(host: string): void {
    const count = (this.timeoutsInARow.get(host) ?? 0) + 1
    this.timeoutsInARow.set(host, count)
    if (count >= this.maxAttempts && !this.deadHosts.has(host)) {
      this.deadHosts.set(
        host,
        `${host} timed out on ${count} requests in a row (${this.timeoutMs} ms each) and answered none; not asking it again in this run`
      )
    }
  }

  private failIfDead(url: URL): void {
    const reason = this.deadHosts.get(url.host)
    if (reason) throw new DeadHostError(reason)
  }

  /** Sends the request with retries for network errors, 408, 429 and 5xx. */
  async request(req: HttpRequest): Promise<HttpResponse> {
    const host = req.origin ?? new URL(req.url).host
    for (let attempt = 1; ; attempt++) {
      let waitMs: number
      const paused = this.budget.waitBefore(host, this.clock.now())
      if (paused > 0) await this.clock.sleep(paused)
      try {
        const response = await this.semaphore.run(() => this.followRedirects(req))
        if (
          response.status === 429 &&
          !this.budget.retryAfter429(host, {
            retryAfter: parseRetryAfter(response.headers.get('retry-after'), this.clock.now()),
            cap: this.maxRetryAfterMs,
            lastAttempt: attempt >= this.maxAttempts,
            now: this.clock.now()
          })
        )
          return response
        if (!isRetryableStatus(response.status) || attempt >= this.maxAttempts) return response
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), this.clock.now())
        // Waiting out a long quota window would stall the run; say so instead.
        if (retryAfter !== undefined && retryAfter > this.maxRetryAfterMs) return response
        waitMs = retryAfter ?? backoffDelay(attempt, this.random)
        this.logger.debug(
          `${req.method} ${redactUrl(req.url)} answered ${response.status}; retry ${attempt + 1}/${this.maxAttempts} in ${waitMs} ms`
        )
      } catch (error) {
        if (
          !(error instanceof RegistryError) ||
          !['network', 'timeout'].includes(error.kind) ||
          error instanceof DeadHostError
        )
          throw error
        if (attempt >= this.maxAttempts) throw error
        waitMs = backoffDelay(attempt, this.random)
        this.logger.debug(
          `${error.message}; retry ${attempt + 1}/${this.maxAttempts} in ${waitMs} ms`
        )
      }
      await this.clock.sleep(waitMs)
    }
  }

  private async followRedirects(req: HttpRequest): Promise<HttpResponse> {
    let url = new URL(req.url)
    let headers = { ...req.headers }
    for (let hop = 0; ; hop++) {
      await this.checkReach(req.origin, url)
      const response = await this.once(req.method, url, headers, req.maxBodyBytes)
      const location = response.headers.get('location')
      if (![301, 302, 303, 307, 308].includes(response.status) || !location) return response
      if (hop >= MAX_REDIRECTS) {
        throw new RegistryError('redirect', `too many redirects from ${redactUrl(req.url)}`)
      }
      const next = new URL(location, url)
      await this.learnHost(next.host)
      if (next.username !== '' || next.password !== '') {
        throw new RegistryError(
          'redirect',
          `refusing redirect to a URL with credentials in it (${untrustedText(redactUrl(next.href), 200)})`
        )
      }
      if (
        next.protocol !== 'https:' &&
        !(next.protocol === 'http:' && this.mayUsePlainHttp(next.host))
      ) {
        throw new RegistryError(
          'redirect',
          `refusing redirect to insecure or unsupported URL ${untrustedText(redactUrl(next.href), 200)}`
        )
      }
      if (next.host !== url.host || next.protocol !== url.protocol) {
        // Credentials belong to the host that asked for them (distribution spec: MUST NOT forward).
        headers = Object.fromEntries(
          Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization')
        )
      }
      url = next
    }
  }

  private async once(
    method: string,
    url: URL,
    headers: Record<string, string>,
    maxBodyBytes: number
  ): Promise<HttpResponse> {
    this.failIfDead(url)
    const signal = AbortSignal.timeout(this.timeoutMs)
    const shown = redactUrl(url.href)
    this.onRequest?.(method, url.href)
    let response: Response
    try {
      response = await this.fetch(url.href, { method, headers, redirect: 'manual', signal })
    } catch (error) {
      const failure = transportError(error, `${method} ${shown}`, this.timeoutMs)
      if (failure.kind === 'timeout' || CONNECT_TIMEOUTS.some(c => failure.message.includes(c)))
        this.noteTimeout(url.host)
      throw failure
    }
    this.timeoutsInARow.delete(url.host)
    let body: Buffer
    try {
      body = await readCapped(response, maxBodyBytes, `${method} ${shown}`)
    } catch (error) {
      if (error instanceof RegistryError) throw error
      throw transportError(error, `${method} ${shown}`, this.timeoutMs)
    }
    return { status: response.status, headers: response.headers, body, url: url.href }
  }
}

async function readCapped(response: Response, maxBytes: number, what: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN)
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined)
    throw new RegistryError(
      'too-large',
      `${what}: response of ${declared} bytes exceeds the ${maxBytes}-byte limit`
    )
  }
  if (!response.body) return Buffer.alloc(0)
  const chunks: Buffer[] = []
  let total = 0
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw new RegistryError('too-large', `${what}: response exceeds the ${maxBytes}-byte limit`)
    }
    chunks.push(Buffer.from(value))
  }
  return Buffer.concat(chunks)
}

/** Query strings can carry signed-URL secrets (S3, CDN tokens): never log them. */
export function redactUrl(href: string): string {
  try {
    const url = new URL(href)
    url.username = ''
    url.password = ''
    url.hash = ''
    // Appended after serialising: assigned to `search`, the ellipsis would be percent-encoded.
    if (!url.search) return url.href
    url.search = ''
    return `${url.href}?…`
  } catch {
    return '<invalid URL>'
  }
}
