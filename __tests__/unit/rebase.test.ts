import { describe, expect, it } from '@jest/globals'
import { rateLimitWait } from '../../src/adapters/github/octokit.js'

describe('rateLimitWait', () => {
  const error = (status: number, headers: Record<string, string>, message = '') => ({
    status,
    message,
    response: { headers }
  })

  it('honours retry-after on a secondary rate limit', () => {
    expect(rateLimitWait(error(403, { 'retry-after': '7' }), 0)).toBe(7000)
  })

  it('waits for the reset of an exhausted primary limit', () => {
    const now = 1_000_000
    expect(
      rateLimitWait(error(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1030' }), now)
    ).toBe(31_000)
  })

  it('treats a plain 403 as final', () => {
    expect(
      rateLimitWait(error(403, {}, 'Resource not accessible by integration'), 0)
    ).toBeUndefined()
    expect(rateLimitWait(error(404, { 'retry-after': '1' }), 0)).toBeUndefined()
  })
})
