import { describe, expect, it } from '@jest/globals'
import {
  type Clock,
  HttpTransport,
  RegistryError,
  backoffDelay,
  parseRetryAfter,
  redactUrl
} from '../../src/adapters/registry/http.js'

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

function scripted(responses: (Response | Error)[]) {
  const calls: { url: string; init: RequestInit }[] = []
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    calls.push({ url, init })
    const next = responses.shift()
    if (!next) throw new Error('no more scripted responses')
    if (next instanceof Error) throw next
    return next
  }
  return { fetch, calls }
}

const GET = { method: 'GET' as const, url: 'https://registry.example/v2/', maxBodyBytes: 1024 }

describe('retries', () => {
  it('backs off exponentially with jitter between half and all of the ceiling', () => {
    expect(backoffDelay(1, () => 0)).toBe(250)
    expect(backoffDelay(1, () => 1)).toBe(500)
    expect(backoffDelay(3, () => 1)).toBe(2000)
    expect(backoffDelay(20, () => 1)).toBe(10_000)
  })

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-24T06:00:00Z')
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter('Tue, 24 Nov 2026 06:00:03 GMT', now)).toBe(3000)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })

  it('retries 503 and network errors with backoff, then succeeds', async () => {
    const clock = new FakeClock()
    const reset = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })
    const { fetch, calls } = scripted([
      new Response('', { status: 503 }),
      reset,
      new Response('ok', { status: 200 })
    ])
    const transport = new HttpTransport({ fetch, clock, maxAttempts: 3, random: () => 1 })
    const response = await transport.request(GET)
    expect(response.status).toBe(200)
    expect(response.body.toString()).toBe('ok')
    expect(calls).toHaveLength(3)
    expect(clock.sleeps).toEqual([500, 1000])
  })

  it('honours Retry-After on 429 and gives up after max-attempts', async () => {
    const clock = new FakeClock()
    const { fetch, calls } = scripted([
      new Response('', { status: 429, headers: { 'retry-after': '2' } }),
      new Response('', {
        status: 429,
        headers: { 'retry-after': 'Tue, 24 Nov 2026 06:00:07 GMT' }
      }),
      new Response('', { status: 429 })
    ])
    const transport = new HttpTransport({ fetch, clock, maxAttempts: 3, random: () => 0 })
    const response = await transport.request(GET)
    expect(response.status).toBe(429)
    expect(calls).toHaveLength(3)
    expect(clock.sleeps).toEqual([2000, 5000])
  })

  it('does not wait out a Retry-After longer than the limit', async () => {
    const clock = new FakeClock()
    const { fetch, calls } = scripted([
      new Response('', { status: 429, headers: { 'retry-after': '3600' } })
    ])
    const transport = new HttpTransport({ fetch, clock, maxAttempts: 3 })
    expect((await transport.request(GET)).status).toBe(429)
    expect(calls).toHaveLength(1)
    expect(clock.sleeps).toEqual([])
  })

  it('does not retry a failed TLS handshake, which fails the same way every time', async () => {
    const clock = new FakeClock()
    const plainHttp = Object.assign(new TypeError('fetch failed'), {
      cause: { code: 'ERR_SSL_WRONG_VERSION_NUMBER' }
    })
    const { fetch, calls } = scripted([plainHttp, new Response('ok', { status: 200 })])
    const transport = new HttpTransport({ fetch, clock, maxAttempts: 3 })
    await expect(transport.request(GET)).rejects.toMatchObject({ kind: 'tls' })
    expect(calls).toHaveLength(1)
    expect(clock.sleeps).toEqual([])
  })

  it('does not retry 404, 401 or 501', async () => {
    for (const status of [401, 404, 501]) {
      const clock = new FakeClock()
      const { fetch, calls } = scripted([new Response('', { status })])
      const response = await new HttpTransport({ fetch, clock }).request(GET)
      expect(response.status).toBe(status)
      expect(calls).toHaveLength(1)
    }
  })

  it('fails after the last network error with a readable message', async () => {
    const clock = new FakeClock()
    const refused = () =>
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })
    const { fetch } = scripted([refused(), refused()])
    const transport = new HttpTransport({ fetch, clock, maxAttempts: 2, random: () => 1 })
    await expect(transport.request(GET)).rejects.toThrow(
      new RegistryError(
        'network',
        'GET https://registry.example/v2/ failed: ECONNREFUSED (nothing listens there)'
      )
    )
    expect(clock.sleeps).toEqual([500])
  })

  it('retries a body cut short, and names the cause in words', async () => {
    const clock = new FakeClock()
    const cutShort = () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"sche'))
          controller.error(
            Object.assign(new TypeError('terminated'), {
              cause: { code: 'UND_ERR_SOCKET', message: 'other side closed' }
            })
          )
        }
      })
      return new Response(body, { status: 200 })
    }
    const { fetch, calls } = scripted([cutShort(), cutShort()])
    const transport = new HttpTransport({ fetch, clock, maxAttempts: 2, random: () => 1 })
    await expect(transport.request(GET)).rejects.toThrow(
      new RegistryError(
        'network',
        'GET https://registry.example/v2/ failed: UND_ERR_SOCKET (the connection closed before the response was complete)'
      )
    )
    expect(calls).toHaveLength(2)
  })
})

describe('redirects and limits', () => {
  it('drops Authorization when a redirect leaves the host', async () => {
    const { fetch, calls } = scripted([
      new Response('', {
        status: 307,
        headers: { location: 'https://cdn.example/blob?sig=secret' }
      }),
      new Response('data', { status: 200 })
    ])
    const transport = new HttpTransport({ fetch })
    const response = await transport.request({
      ...GET,
      headers: { Authorization: 'Bearer t0k3n', Accept: 'x' }
    })
    expect(response.body.toString()).toBe('data')
    expect(calls[0]?.init.headers).toEqual({ Authorization: 'Bearer t0k3n', Accept: 'x' })
    expect(calls[1]?.url).toBe('https://cdn.example/blob?sig=secret')
    expect(calls[1]?.init.headers).toEqual({ Accept: 'x' })
  })

  it('keeps Authorization on a same-host redirect and refuses a downgrade to HTTP', async () => {
    const { fetch, calls } = scripted([
      new Response('', { status: 302, headers: { location: '/v2/other' } }),
      new Response('', { status: 302, headers: { location: 'http://registry.example/v2/x' } })
    ])
    const transport = new HttpTransport({ fetch })
    await expect(
      transport.request({ ...GET, headers: { Authorization: 'Basic x' } })
    ).rejects.toThrow(/refusing redirect/)
    expect(calls[1]?.init.headers).toEqual({ Authorization: 'Basic x' })
  })

  it('refuses a redirect to a URL with user info, and never quotes it', async () => {
    const { fetch, calls } = scripted([
      new Response('', { status: 302, headers: { location: 'https://u:pw-in-url@cdn.example/x' } })
    ])
    const error = (await new HttpTransport({ fetch })
      .request(GET)
      .catch((e: unknown) => e)) as RegistryError
    expect(error.kind).toBe('redirect')
    expect(error.message).toBe(
      'refusing redirect to a URL with credentials in it (https://cdn.example/x)'
    )
    expect(calls).toHaveLength(1)
  })

  it('leaves user info out of a network error that quotes a URL', async () => {
    const { fetch } = scripted([
      new TypeError(
        'Request cannot be constructed from a URL that includes credentials: https://u:pw-in-url@r.example/'
      )
    ])
    const transport = new HttpTransport({ fetch, maxAttempts: 1 })
    const error = (await transport.request(GET).catch((e: unknown) => e)) as Error
    expect(error.message).not.toContain('pw-in-url')
    expect(error.message).toContain('https://r.example/')
  })

  it('caps bodies', async () => {
    const { fetch } = scripted([new Response('x'.repeat(2048), { status: 200 })])
    await expect(new HttpTransport({ fetch }).request(GET)).rejects.toThrow(
      /exceeds the 1024-byte limit/
    )
  })
})

describe('URLs in messages', () => {
  it('leaves out user info, query and fragment, and shows that a query was there', () => {
    expect(redactUrl('https://u:p@cdn.example/blob?X-Amz-Signature=abc#frag')).toBe(
      'https://cdn.example/blob?…'
    )
    expect(redactUrl('https://registry.example/v2/')).toBe('https://registry.example/v2/')
    expect(redactUrl('not a url')).toBe('<invalid URL>')
  })
})

describe('where a registry may send the action', () => {
  const DNS: Record<string, string[]> = {
    'registry.example': ['203.0.113.7'],
    'cdn.example': ['198.51.100.9'],
    'storage.internal.example': ['10.0.0.8'],
    'rebind.example': ['198.51.100.10', '127.0.0.1'],
    'reg.localhost': ['127.0.0.1'],
    'far.localhost': ['203.0.113.8']
  }
  const resolve = async (name: string) => DNS[name] ?? []
  const redirectTo = (location: string) =>
    scripted([new Response(null, { status: 302, headers: { location } }), new Response('ok')])

  async function follow(origin: string, location: string, insecure: string[] = []) {
    const { fetch, calls } = redirectTo(location)
    const transport = new HttpTransport({
      fetch,
      resolve,
      insecureHosts: new Set(insecure),
      clock: new FakeClock()
    })
    const url = `${origin.startsWith('127.') ? 'http' : 'https'}://${origin}/v2/x/blobs/sha256:1`
    try {
      await transport.request({ method: 'GET', url, origin, maxBodyBytes: 1024 })
      return { sent: calls.map(c => c.url) }
    } catch (error) {
      return { sent: calls.map(c => c.url), error: (error as RegistryError).message }
    }
  }

  it('lets a remote registry redirect to another public HTTPS host', async () => {
    expect((await follow('registry.example', 'https://cdn.example/blob')).error).toBeUndefined()
  })

  it.each([
    ['http://127.0.0.1:9000/blob', /refusing plain-HTTP http:\/\/127\.0\.0\.1:9000\/blob/],
    [
      'http://cdn.example/blob',
      /refusing (redirect to insecure or unsupported URL|plain-HTTP) http:\/\/cdn\.example\/blob/
    ],
    ['https://127.0.0.1/blob', /127\.0\.0\.1 is a loopback or private address/],
    ['https://[::1]/blob', /::1 is a loopback or private address/],
    ['https://169.254.169.254/latest', /169\.254\.169\.254 is a loopback or private address/],
    ['https://[fd00::1]/blob', /fd00::1 is a loopback or private address/],
    ['https://0.0.0.0/blob', /0\.0\.0\.0 is a loopback or private address/],
    [
      'https://storage.internal.example/blob',
      /storage\.internal\.example is a loopback or private address/
    ],
    ['https://rebind.example/blob', /rebind\.example is a loopback or private address/],
    ['https://reg.localhost/blob', /reg\.localhost is a loopback or private address/]
  ])('refuses a remote registry sending the action to %s', async (location, message) => {
    const result = await follow('registry.example', location)
    expect(result.error).toMatch(message)
    // Nothing was sent there: only the registry's own request went out.
    expect(result.sent).toEqual(['https://registry.example/v2/x/blobs/sha256:1'])
  })

  it('lets a loopback or private registry send the action to local hosts', async () => {
    expect((await follow('127.0.0.1:5000', 'http://127.0.0.2:6000/blob')).error).toBeUndefined()
    expect((await follow('10.1.2.3', 'https://storage.internal.example/b')).error).toBeUndefined()
  })

  it('honours a host listed in insecure-registries', async () => {
    const result = await follow('registry.example', 'http://storage.internal.example/b', [
      'storage.internal.example'
    ])
    expect(result.error).toBeUndefined()
  })

  it('counts a *.localhost name as loopback only when it resolves there', async () => {
    const transport = new HttpTransport({ resolve })
    for (const host of ['reg.localhost:5000', 'far.localhost:5000', 'none.localhost'])
      await transport.learnHost(host)
    expect(transport.mayUsePlainHttp('reg.localhost:5000')).toBe(true)
    expect(transport.mayUsePlainHttp('far.localhost:5000')).toBe(false)
    expect(transport.mayUsePlainHttp('none.localhost')).toBe(false)
    expect(transport.mayUsePlainHttp('localhost:5000')).toBe(true)
  })
})

describe('a host that never answers', () => {
  it('is asked max-attempts times in the run, then fails at once', async () => {
    const calls: string[] = []
    const fetch = async (url: string): Promise<Response> => {
      calls.push(url)
      throw Object.assign(new Error('aborted'), { name: 'TimeoutError' })
    }
    const transport = new HttpTransport({
      fetch,
      maxAttempts: 3,
      timeoutMs: 50,
      clock: new FakeClock()
    })
    const get = (path: string) =>
      transport.request({ method: 'GET', url: `https://dead.example${path}`, maxBodyBytes: 1024 })
    await expect(get('/a')).rejects.toThrow('timed out after 50 ms')
    await expect(get('/b')).rejects.toThrow(
      'dead.example timed out on 3 requests in a row (50 ms each) and answered none; not asking it again in this run'
    )
    expect(calls).toHaveLength(3)
  })

  it('counts timeouts in a row: any answer starts the count again', async () => {
    const script = ['timeout', 'answer', 'timeout', 'answer', 'timeout', 'timeout', 'answer']
    const fetch = async (): Promise<Response> => {
      if (script.shift() === 'answer') return new Response('ok')
      throw Object.assign(new Error('aborted'), { name: 'TimeoutError' })
    }
    const transport = new HttpTransport({
      fetch,
      maxAttempts: 2,
      timeoutMs: 50,
      clock: new FakeClock()
    })
    const get = () =>
      transport.request({ method: 'GET', url: 'https://slow.example/x', maxBodyBytes: 1024 })
    await get() // timeout, then an answer
    await get() // timeout, then an answer
    await expect(get()).rejects.toThrow('timed out after 50 ms') // two in a row
    await expect(get()).rejects.toThrow('slow.example timed out on 2 requests in a row')
    expect(script).toEqual(['answer'])
  })
})
