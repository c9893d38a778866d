/**
 * The HTTP side: one loopback server that records every request, authenticates it, counts it
 * against the rate limit, lets an injected failure answer first, and routes the rest. A handler's
 * HttpError becomes GitHub's error reply; any other throw is a 500 naming the fake's own bug.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FailureQueue } from './faults.js'
import { DOCS, HttpError } from './http-errors.js'
import { authenticate } from './permissions.js'
import type { Reply, Router } from './router.js'
import type { RepositoryState } from './state.js'
import type { RecordedRequest } from './types.js'

export interface RunningServer {
  /** Every request, in arrival order. Live array. */
  requests: RecordedRequest[]
  stop(): Promise<void>
}

/** Listens on 127.0.0.1 and sets state.baseUrl to the address. */
export async function startServer(
  state: RepositoryState,
  router: Router,
  failures: FailureQueue
): Promise<RunningServer> {
  const requests: RecordedRequest[] = []
  let used = 0
  const resetAt = Math.floor(Date.now() / 1000) + 3600

  function rateHeaders(): Record<string, string> {
    return {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(Math.max(0, 5000 - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-resource': 'core'
    }
  }

  function handle(req: IncomingMessage, raw: Buffer, record: RecordedRequest): Reply {
    const url = new URL(req.url ?? '/', 'http://fake')
    record.query = Object.fromEntries(url.searchParams)
    let segments: string[]
    try {
      segments = url.pathname.split('/').map(decodeURIComponent)
    } catch {
      return { status: 400, body: { message: 'Bad Request' } }
    }
    record.path = segments.join('/')
    if (raw.length > 0) {
      try {
        record.body = JSON.parse(raw.toString('utf8'))
      } catch {
        return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } }
      }
    }
    const auth = authenticate(state, req.headers.authorization)
    if ('refused' in auth) return auth.refused
    used++
    const found = router.match(state, req.method ?? 'GET', segments)
    if (found) record.route = found.template
    const failure = failures.take(record.method, record.path)
    if (failure) {
      record.injected = true
      return failure
    }
    if (!found)
      return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } }
    return found.handler({
      state,
      method: record.method,
      workflows: auth.workflows,
      params: found.params,
      query: record.query,
      body: record.body,
      accept: String(req.headers.accept ?? ''),
      pathname: url.pathname
    })
  }

  function send(res: ServerResponse, reply: Reply): void {
    const headers: Record<string, string> = {
      ...rateHeaders(),
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      ...reply.headers
    }
    if (reply.raw) {
      res.writeHead(reply.status, { ...headers, 'content-type': 'application/vnd.github.raw' })
      res.end(reply.raw)
    } else if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status, headers)
      res.end()
    } else {
      res.writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(reply.body))
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const record: RecordedRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: req.url ?? '',
        query: {},
        body: undefined,
        status: 0
      }
      requests.push(record)
      let reply: Reply
      try {
        reply = handle(req, Buffer.concat(chunks), record)
      } catch (error) {
        if (error instanceof HttpError)
          reply = { status: error.status, body: error.body, headers: error.headers }
        else
          reply = {
            status: 500,
            body: {
              message: `fake-github bug: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
            }
          }
      }
      record.status = reply.status
      send(res, reply)
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
  }
}
