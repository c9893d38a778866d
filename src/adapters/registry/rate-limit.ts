/**
 * The run's rate-limit budget, per registry: what the registry says is left in its window
 * (`RateLimit-Limit` / `RateLimit-Remaining`, Docker Hub's `76;w=21600`, or `X-RateLimit-*`),
 * the required requests still to come (resolving a tag and verifying its digest), and the
 * registries that answered 429. Optional reads (details, labels, pin health) ask
 * `allowOptional` first and are skipped when they would eat into what the rest needs.
 */
import { registryApiHost } from '../../domain/oci/reference.js'
import { RegistryError } from './transport-errors.js'

export interface RateLimitWindow {
  limit: number
  remaining: number
  /** Seconds, when the registry names its window. */
  window: number | null
}

export interface RegistryRateLimit extends RateLimitWindow {
  /** The registry as image references name it (`docker.io`, `ghcr.io`). */
  registry: string
}

/** The reason optional reads are reported with when the budget refuses them. */
export const RATE_LIMIT_SKIP = 'rate limit'

const COUNT = /^\s*(\d{1,12})\s*(?:;|$)/
const WINDOW = /(?:^|;)\s*w\s*=\s*(\d{1,12})\s*(?:;|$)/

function count(value: string | null): number | undefined {
  const match = value === null ? null : COUNT.exec(value)
  return match ? Number(match[1]) : undefined
}

function windowOf(...values: Array<string | null>): number | null {
  for (const value of values) {
    const match = value === null ? null : WINDOW.exec(value)
    if (match) return Number(match[1])
  }
  return null
}

/** What a registry answer says about its limit; undefined unless it sends both counts. */
export function parseRateLimit(headers: Headers): RateLimitWindow | undefined {
  for (const prefix of ['ratelimit-', 'x-ratelimit-']) {
    const limitText = headers.get(`${prefix}limit`)
    const remainingText = headers.get(`${prefix}remaining`)
    const limit = count(limitText)
    const remaining = count(remainingText)
    if (limit === undefined || remaining === undefined) continue
    return {
      limit,
      remaining: Math.min(remaining, limit),
      window: windowOf(remainingText, limitText, headers.get(`${prefix}policy`))
    }
  }
  return undefined
}

/**
 * Optional reads leave this share of the window untouched: the builds that pull the pinned
 * images after the run draw on the same quota (Docker Hub counts per IP address).
 */
const RESERVED_SHARE = 0.1

/** A request not sent: its registry answered 429 earlier in the run. */
export class RateLimitedHostError extends RegistryError {
  constructor(message: string) {
    super('rate-limited', message, 429)
  }
}

interface Closed {
  reason: string
}

export class RateLimitBudget {
  private readonly windows = new Map<string, RateLimitWindow>()
  /** Per registry, the tags whose resolution is still to come. */
  private readonly pendingRequired = new Map<string, Set<string>>()
  /** By API host: a 429 there ends the run's requests to it. */
  private readonly closed = new Map<string, Closed>()
  /** By API host: when a short Retry-After ends. */
  private readonly pausedUntil = new Map<string, number>()
  private readonly warned = new Set<string>()

  constructor(private readonly onLow?: (message: string) => void) {}

  /** Records the counts of one answer from `registry`. */
  observe(registry: string, headers: Headers): void {
    const seen = parseRateLimit(headers)
    if (!seen) return
    const known = this.windows.get(registry)
    // Never above what optional reads were already granted: a registry that does not count a
    // request (Docker Hub's HEADs) answers with the figure from before it.
    const remaining = known ? Math.min(known.remaining, seen.remaining) : seen.remaining
    this.windows.set(registry, { ...seen, remaining })
    if (!this.warned.has(registry) && remaining <= Math.max(5, seen.limit * RESERVED_SHARE)) {
      this.warned.add(registry)
      this.onLow?.(
        `${registry}: only ${remaining} of ${seen.limit} pulls left in the current rate-limit window`
      )
    }
  }

  /** The tags of `registry` the run is about to resolve: each needs at least one request. */
  expectRequired(registry: string, tags: Iterable<string>): void {
    const pending = this.pendingRequired.get(registry) ?? new Set<string>()
    for (const tag of tags) pending.add(tag)
    this.pendingRequired.set(registry, pending)
  }

  settleRequired(registry: string, tag: string): void {
    this.pendingRequired.get(registry)?.delete(tag)
  }

  /**
   * Whether an optional read costing `cost` counted requests may go to `registry`; when it
   * may, the cost is taken from what is left at once, so parallel callers cannot overspend.
   * A registry that sends no counts is never refused, one that answered 429 always is.
   */
  allowOptional(registry: string, cost: number): boolean {
    if (this.closed.has(registryApiHost(registry))) return false
    const known = this.windows.get(registry)
    if (!known) return true
    const reserve =
      Math.max(1, Math.ceil(known.limit * RESERVED_SHARE)) +
      (this.pendingRequired.get(registry)?.size ?? 0)
    if (known.remaining - cost < reserve) return false
    this.windows.set(registry, { ...known, remaining: known.remaining - cost })
    return true
  }

  /** What is left per registry that sent counts, for the summary. */
  snapshot(): RegistryRateLimit[] {
    return [...this.windows].map(([registry, w]) => ({ registry, ...w }))
  }

  /**
   * A 429 asks the whole registry to slow down, not one request: with a Retry-After within
   * the cap every request to it waits that long (true: retry), and without one (a spent
   * quota, as Docker Hub answers), with a longer one or on the last attempt, nothing more is
   * sent to it in this run, so parallel entries cannot turn one 429 into a burst of them.
   */
  retryAfter429(
    host: string,
    answer: { retryAfter: number | undefined; cap: number; lastAttempt: boolean; now: number }
  ): boolean {
    const { retryAfter, cap, lastAttempt, now } = answer
    if (retryAfter !== undefined && retryAfter <= cap && !lastAttempt) {
      this.pause(host, now + retryAfter)
      return true
    }
    const asked =
      retryAfter === undefined ? '' : ` asking to wait ${Math.ceil(retryAfter / 1000)} s`
    this.close(
      host,
      `${host} answered HTTP 429${asked} earlier in this run; not asking it again in this run (authenticate, or lower the concurrency, and run again later)`
    )
    return false
  }

  /** After a 429 that will not be retried: no request goes to `host` again in this run. */
  close(host: string, reason: string): void {
    if (!this.closed.has(host)) this.closed.set(host, { reason })
  }

  /** After a 429 with a short Retry-After: every request to `host` waits until `until`. */
  pause(host: string, until: number): void {
    this.pausedUntil.set(host, Math.max(until, this.pausedUntil.get(host) ?? 0))
  }

  /**
   * Before each request to `host`: fails at once when it answered 429 earlier, else the time
   * to wait first (0 when none).
   */
  waitBefore(host: string, now: number): number {
    const closed = this.closed.get(host)
    if (closed) {
      throw new RateLimitedHostError(closed.reason)
    }
    return Math.max(0, (this.pausedUntil.get(host) ?? 0) - now)
  }
}
