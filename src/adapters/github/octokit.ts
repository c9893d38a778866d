/**
 * The Octokit the action uses: `getOctokit` for GITHUB_API_URL (GitHub Enterprise Server,
 * GHE.com) and proxies from the environment, plus polite waits on rate limits, because a
 * scheduled job that fails on a secondary rate limit just moves the problem two weeks on.
 */
import { getOctokit } from '@actions/github'
import type { Octokit, PullRequestLogger } from './pull-requests.js'

export interface RateLimitPolicy {
  /** Attempts per request, the first included. */
  attempts: number
  /** Longest wait the action accepts before giving up, in milliseconds. */
  maxWaitMs: number
  sleep: (ms: number) => Promise<void>
  now: () => number
}

const DEFAULT_POLICY: RateLimitPolicy = {
  attempts: 3,
  maxWaitMs: 120_000,
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
  now: () => Date.now()
}

interface ErrorWithResponse {
  status?: number
  message?: string
  response?: { headers?: Record<string, string | number | undefined> }
}

/** How long GitHub asks us to wait, or undefined when the error is not a rate limit. */
export function rateLimitWait(error: unknown, now: number): number | undefined {
  const e = error as ErrorWithResponse
  if (e.status !== 403 && e.status !== 429) return undefined
  const headers = e.response?.headers ?? {}
  const retryAfter = Number(headers['retry-after'])
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset'])
    if (Number.isFinite(reset)) return Math.max(0, reset * 1000 - now) + 1000
  }
  if (/secondary rate limit/i.test(e.message ?? '')) return 60_000
  return undefined
}

/** Request fields holding text a person reads: pull request title and body, commit message. */
const SCRUBBED = ['title', 'body', 'message'] as const

export function createOctokit(
  token: string,
  logger: PullRequestLogger,
  policy: RateLimitPolicy = DEFAULT_POLICY,
  scrub: (text: string) => string = text => text
): Octokit {
  return withPoliteWaits(getOctokit(token, { baseUrl: apiUrl() }), logger, policy, scrub)
}

/**
 * An Octokit that sends no token at all: the command line's, when it has none, for what
 * github.com answers anonymously. getOctokit insists on a token; this auth strategy, which
 * sends none, takes the token's place.
 */
export function createAnonymousOctokit(
  logger: PullRequestLogger,
  policy: RateLimitPolicy = DEFAULT_POLICY
): Octokit {
  const unauthenticated = () =>
    Object.assign(async () => ({ type: 'unauthenticated' }), {
      hook: (request: (options: unknown) => Promise<unknown>, options: unknown) => request(options)
    })
  const octokit = getOctokit('unused', { baseUrl: apiUrl(), authStrategy: unauthenticated })
  return withPoliteWaits(octokit, logger, policy)
}

/** Read at call time: @actions/github resolves GITHUB_API_URL once, when first imported. */
function apiUrl(): string {
  return process.env.GITHUB_API_URL || 'https://api.github.com'
}

function withPoliteWaits(
  octokit: Octokit,
  logger: PullRequestLogger,
  policy: RateLimitPolicy,
  scrub: (text: string) => string = text => text
): Octokit {
  // Every text the action writes to GitHub passes here: secrets leave no pull request,
  // commit or comment, whatever template or registry answer carried them.
  octokit.hook.before('request', options => {
    const params = options as Record<string, unknown>
    for (const key of SCRUBBED) {
      if (typeof params[key] === 'string') params[key] = scrub(params[key])
    }
  })
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(options)
      } catch (error) {
        const wait = rateLimitWait(error, policy.now())
        if (wait === undefined || attempt >= policy.attempts) throw error
        if (wait > policy.maxWaitMs) {
          throw new Error(
            `GitHub rate limit: ${options.method} ${options.url} may be retried only in ${Math.ceil(wait / 1000)} s; run again later`,
            { cause: error }
          )
        }
        logger.warning(
          `GitHub rate limit on ${options.method} ${options.url}; retrying in ${Math.ceil(wait / 1000)} s`
        )
        await policy.sleep(wait)
      }
    }
  })
  return octokit
}
