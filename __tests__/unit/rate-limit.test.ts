import { describe, expect, it } from '@jest/globals'
import { type Clock, HttpTransport } from '../../src/adapters/registry/http.js'
import { RateLimitBudget, parseRateLimit } from '../../src/adapters/registry/rate-limit.js'
import { RegistryClient } from '../../src/adapters/registry/client.js'

class FakeClock implements Clock {
  time = Date.parse('2026-11-24T06:00:00Z')
  sleeps: number[] = []
  now(): number {
    return this.time
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms)
    this.time += ms
  }
}

const hub = (remaining: number, limit = 100) =>
  new Headers({
    'ratelimit-limit': `${limit};w=21600`,
    'ratelimit-remaining': `${remaining};w=21600`
  })

describe('parseRateLimit', () => {
  it("reads Docker Hub's form, with the window in seconds", () => {
    expect(parseRateLimit(hub(76))).toEqual({ limit: 100, remaining: 76, window: 21600 })
  })

  it('reads X-RateLimit-* and the window of a RateLimit-Policy', () => {
    expect(
      parseRateLimit(new Headers({ 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '12' }))
    ).toEqual({ limit: 5000, remaining: 12, window: null })
    expect(
      parseRateLimit(
        new Headers({
          'ratelimit-limit': '60',
          'ratelimit-remaining': '3',
          'ratelimit-policy': '60;w=3600'
        })
      )
    ).toEqual({ limit: 60, remaining: 3, window: 3600 })
  })

  it('ignores what is absent, half-sent or not a count', () => {
    expect(parseRateLimit(new Headers())).toBeUndefined()
    expect(parseRateLimit(new Headers({ 'ratelimit-remaining': '3' }))).toBeUndefined()
    for (const bad of ['-1', 'lots', '1e9', '', '99999999999999999999'])
      expect(
        parseRateLimit(new Headers({ 'ratelimit-limit': '100', 'ratelimit-remaining': bad }))
      ).toBeUndefined()
  })
})

describe('RateLimitBudget', () => {
  it('allows optional reads freely on a registry that sends no limits', () => {
    const budget = new RateLimitBudget()
    expect(budget.allowOptional('ghcr.io', 50)).toBe(true)
    expect(budget.snapshot()).toEqual([])
  })

  it('stops optional reads before the last tenth of the window, one read at a time', () => {
    const budget = new RateLimitBudget()
    budget.observe('docker.io', hub(14))
    const allowed = Array.from({ length: 6 }, () => budget.allowOptional('docker.io', 1))
    expect(allowed).toEqual([true, true, true, true, false, false])
    expect(budget.snapshot()).toEqual([
      { registry: 'docker.io', limit: 100, remaining: 10, window: 21600 }
    ])
  })

  it('keeps what the required requests still to come need', () => {
    const budget = new RateLimitBudget()
    budget.observe('docker.io', hub(14))
    budget.expectRequired('docker.io', ['a:1', 'b:1', 'c:1'])
    expect(budget.allowOptional('docker.io', 1)).toBe(true)
    expect(budget.allowOptional('docker.io', 1)).toBe(false)
    budget.settleRequired('docker.io', 'a:1')
    budget.settleRequired('docker.io', 'a:1')
    expect(budget.allowOptional('docker.io', 1)).toBe(true)
    expect(budget.allowOptional('docker.io', 1)).toBe(false)
  })

  it('never lets a later, higher header undo what optional reads already spent', () => {
    const budget = new RateLimitBudget()
    budget.observe('docker.io', hub(12))
    expect(budget.allowOptional('docker.io', 2)).toBe(true)
    // A HEAD that Docker Hub does not count answers with the old figure.
    budget.observe('docker.io', hub(12))
    expect(budget.allowOptional('docker.io', 1)).toBe(false)
    expect(budget.snapshot()[0]?.remaining).toBe(10)
  })

  it('refuses optional reads on a registry that answered 429', () => {
    const budget = new RateLimitBudget()
    budget.close('registry-1.docker.io', 'docker.io answered HTTP 429')
    expect(budget.allowOptional('docker.io', 1)).toBe(false)
    expect(budget.allowOptional('ghcr.io', 1)).toBe(true)
  })
})

function scripted(answer: (url: string) => Response) {
  const calls: string[] = []
  const fetch = async (url: string): Promise<Response> => {
    calls.push(url)
    return answer(url)
  }
  return { fetch, calls }
}

const request = (host: string, path = '/v2/') => ({
  method: 'GET' as const,
  url: `https://${host}${path}`,
  origin: host,
  maxBodyBytes: 1024
})

describe('a 429 in the transport', () => {
  it('without Retry-After stops every later request to that registry, and only that one', async () => {
    const clock = new FakeClock()
    const { fetch, calls } = scripted(url =>
      url.includes('limited.example') ? new Response('', { status: 429 }) : new Response('ok')
    )
    const transport = new HttpTransport({ fetch, clock, maxAttempts: 3 })
    expect((await transport.request(request('limited.example'))).status).toBe(429)
    await expect(transport.request(request('limited.example', '/v2/a'))).rejects.toMatchObject({
      kind: 'rate-limited',
      message: expect.stringMatching(/limited\.example answered HTTP 429.*not asking it again/)
    })
    expect((await transport.request(request('other.example'))).status).toBe(200)
    expect(calls).toEqual(['https://limited.example/v2/', 'https://other.example/v2/'])
    expect(clock.sleeps).toEqual([])
  })

  it('with a Retry-After beyond the cap stops the registry too', async () => {
    const clock = new FakeClock()
    const { fetch, calls } = scripted(
      () => new Response('', { status: 429, headers: { 'retry-after': '3600' } })
    )
    const transport = new HttpTransport({ fetch, clock, maxAttempts: 3 })
    expect((await transport.request(request('limited.example'))).status).toBe(429)
    await expect(transport.request(request('limited.example'))).rejects.toMatchObject({
      kind: 'rate-limited'
    })
    expect(calls).toHaveLength(1)
  })

  it('with a short Retry-After holds every request to that registry until then', async () => {
    const clock = new FakeClock()
    const start = clock.time
    const sentAt: Array<[string, number]> = []
    let first = true
    const fetch = async (url: string): Promise<Response> => {
      sentAt.push([new URL(url).pathname, clock.time - start])
      if (first) {
        first = false
        return new Response('', { status: 429, headers: { 'retry-after': '2' } })
      }
      return new Response('ok')
    }
    const transport = new HttpTransport({ fetch, clock, maxAttempts: 3 })
    expect((await transport.request(request('limited.example', '/v2/a'))).status).toBe(200)
    expect((await transport.request(request('limited.example', '/v2/b'))).status).toBe(200)
    expect(sentAt).toEqual([
      ['/v2/a', 0],
      ['/v2/a', 2000],
      ['/v2/b', 2000]
    ])
  })

  it('a request that waits for the pause never sends before it ends', async () => {
    const clock = new FakeClock()
    const start = clock.time
    const budget = new RateLimitBudget()
    budget.pause('limited.example', clock.now() + 5000)
    const sentAt: number[] = []
    const fetch = async (): Promise<Response> => {
      sentAt.push(clock.time - start)
      return new Response('ok')
    }
    const transport = new HttpTransport({ fetch, clock, budget })
    await transport.request(request('limited.example'))
    expect(sentAt).toEqual([5000])
  })
})

describe('the client and the budget', () => {
  it('reads the headers of every registry answer and exposes what is left', async () => {
    const fetch = async (url: string): Promise<Response> =>
      new URL(url).pathname === '/v2/'
        ? new Response('{}', { status: 200 })
        : new Response('', {
            status: 200,
            headers: {
              'content-type': 'application/vnd.oci.image.manifest.v1+json',
              'docker-content-digest': `sha256:${'a'.repeat(64)}`,
              'ratelimit-limit': '100;w=21600',
              'ratelimit-remaining': '40;w=21600'
            }
          })
    const client = new RegistryClient({
      fetch,
      credentials: { lookup: async () => undefined, fallback: () => undefined }
    })
    const ref = { registry: 'registry.example', repository: 'team/app', tag: 'v1' }
    await client.prepare([ref])
    await client.resolveDigest(ref, undefined, `sha256:${'a'.repeat(64)}`)
    expect(client.budget.snapshot()).toEqual([
      { registry: 'registry.example', limit: 100, remaining: 40, window: 21600 }
    ])
  })
})
