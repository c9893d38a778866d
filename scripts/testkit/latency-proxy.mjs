/**
 * A reverse proxy on 127.0.0.1 that makes a loopback registry look like a distant one: every
 * request waits a fixed delay before it is forwarded, as if it had crossed the network, and is
 * counted by method and path. It sits in front of both the registry and its token service
 * (`routes` sends `/token` to the token server), so token requests are delayed and counted
 * like manifest requests.
 *
 *   const proxy = await startLatencyProxy({
 *     upstream: registry.registryUrl,
 *     routes: { '/token': registry.tokenUrl },
 *     delayMs: 25
 *   })
 *   // image references use proxy.host; proxy.stats() after a run, proxy.reset() before the next
 *
 * The registry's challenge names its realm by absolute URL; the proxy rewrites every upstream
 * origin in `WWW-Authenticate` and `Location` to its own, so a client never learns of the hop
 * behind it. The Host header is forwarded as the client sent it, so the registry's own
 * absolute URLs point back at the proxy too.
 *
 * Connections from clients are kept alive and served concurrently (Node's HTTP server); the
 * proxy keeps its own pool of keep-alive connections upstream. A client that speaks TLS to
 * this plain-HTTP port (an HTTPS-first ping) costs a round trip too: it is delayed, counted
 * under `non-HTTP`, and answered 400 the way Node's server would. Per-request timings (time
 * upstream, time from arrival to the end of the answer, requests in flight) show where a
 * client's wall time went.
 */
import http from 'node:http'
import { HOP_BY_HOP, endToEndHeaders, listenLoopback } from './loopback.mjs'
import { performance } from 'node:perf_hooks'

/** Groups paths the way the benchmark reports them; the exact paths are kept too. */
export function classify(method, path) {
  if (path === '/token' || path.startsWith('/token?')) return 'token'
  const bare = path.split('?')[0]
  if (bare === '/v2/' || bare === '/v2') return 'ping'
  if (/^\/v2\/.+\/manifests\/[^/]+$/.test(bare)) return `${method} manifest`
  if (/^\/v2\/.+\/blobs\/[^/]+$/.test(bare)) return `${method} blob`
  return 'other'
}

function percentiles(values) {
  if (values.length === 0) return { count: 0, median: 0, p90: 0, mean: 0 }
  const sorted = [...values].sort((a, b) => a - b)
  const at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return {
    count: sorted.length,
    median: at(0.5),
    p90: at(0.9),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length
  }
}

/**
 * @param {{ upstream: string, routes?: Record<string, string>, delayMs?: number, port?: number }} options
 *   `routes` maps a path (query ignored) to another upstream origin.
 */
export async function startLatencyProxy(options) {
  const upstream = new URL(options.upstream)
  const routes = new Map(Object.entries(options.routes ?? {}).map(([p, u]) => [p, new URL(u)]))
  const origins = [upstream.origin, ...[...routes.values()].map(u => u.origin)]
  let delayMs = options.delayMs ?? 25
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 })

  /** @type {Map<string, number>} `METHOD /path` (query dropped) → count */
  let byPath = new Map()
  /** @type {Map<string, number>} class (see classify) → count */
  let byClass = new Map()
  let connections = 0
  let nonHttp = 0
  let inFlight = 0
  let peakInFlight = 0
  /** Per request: ms the upstream took to answer, and ms the client waited since its last answer on that connection. */
  let upstreamMs = []
  let turnaroundMs = []
  let durationMs = []
  let firstArrival
  let lastFinish

  const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1)
  let origin = ''
  const rewrite = value =>
    typeof value === 'string'
      ? origins.reduce((text, from) => text.split(from).join(origin), value)
      : value

  const server = http.createServer((req, res) => {
    const arrived = performance.now()
    firstArrival ??= arrived
    const socket = req.socket
    if (socket.lastFinish !== undefined) turnaroundMs.push(arrived - socket.lastFinish)
    const path = req.url ?? '/'
    bump(byPath, `${req.method} ${path.split('?')[0]}`)
    bump(byClass, classify(req.method, path))
    inFlight++
    peakInFlight = Math.max(peakInFlight, inFlight)
    let finished = false
    const done = () => {
      if (!finished) {
        finished = true
        inFlight--
        lastFinish = socket.lastFinish = performance.now()
        durationMs.push(lastFinish - arrived)
      }
    }
    res.on('close', done)

    const forward = () => {
      const headers = endToEndHeaders(req.headers)
      const forwarded = performance.now()
      const target = routes.get(path.split('?')[0]) ?? upstream
      const upstreamReq = http.request({
        host: target.hostname,
        port: target.port,
        method: req.method,
        path,
        headers,
        agent
      })
      upstreamReq.on('response', upstreamRes => {
        upstreamMs.push(performance.now() - forwarded)
        const out = []
        const raw = upstreamRes.rawHeaders
        for (let i = 0; i < raw.length; i += 2) {
          const name = raw[i].toLowerCase()
          if (HOP_BY_HOP.has(name)) continue
          out.push(
            raw[i],
            name === 'www-authenticate' || name === 'location' ? rewrite(raw[i + 1]) : raw[i + 1]
          )
        }
        res.writeHead(upstreamRes.statusCode ?? 502, out)
        upstreamRes.pipe(res)
        upstreamRes.on('error', () => res.destroy())
      })
      upstreamReq.on('error', err => {
        if (res.headersSent) return res.destroy()
        const body = JSON.stringify({ errors: [{ code: 'BAD_GATEWAY', message: err.message }] })
        res.writeHead(502, { 'content-type': 'application/json' })
        res.end(body)
      })
      req.pipe(upstreamReq)
      req.on('error', () => upstreamReq.destroy())
    }
    if (delayMs > 0) setTimeout(forward, delayMs)
    else forward()
  })
  server.keepAliveTimeout = 60_000
  server.headersTimeout = 65_000
  server.requestTimeout = 0
  server.on('connection', () => connections++)
  server.on('clientError', (err, socket) => {
    // A connection reset is no request; bytes that are not HTTP (HPE_*) are a TLS hello, the
    // client's first round trip when it tries HTTPS first.
    if (!String(err.code).startsWith('HPE_')) return socket.destroy()
    const arrived = performance.now()
    firstArrival ??= arrived
    nonHttp++
    bump(byClass, 'non-HTTP')
    const answer = () => {
      lastFinish = performance.now()
      durationMs.push(lastFinish - arrived)
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
      else socket.destroy()
    }
    if (delayMs > 0) setTimeout(answer, delayMs)
    else answer()
  })

  const listening = await listenLoopback(server, { port: options.port })
  const port = listening.port
  origin = listening.url

  return {
    url: origin,
    host: `127.0.0.1:${port}`,
    port,
    get delayMs() {
      return delayMs
    },
    setDelay(ms) {
      delayMs = ms
    },
    reset() {
      byPath = new Map()
      byClass = new Map()
      connections = 0
      nonHttp = 0
      peakInFlight = inFlight
      upstreamMs = []
      turnaroundMs = []
      durationMs = []
      firstArrival = undefined
      lastFinish = undefined
    },
    stats() {
      let requests = 0
      for (const n of byPath.values()) requests += n
      return {
        /** HTTP requests plus non-HTTP round trips (TLS hellos). */
        total: requests + nonHttp,
        requests,
        nonHttp,
        connections,
        peakInFlight,
        /** From the first request's arrival to the last answer's end: the run as the network saw it. */
        activeMs: firstArrival === undefined ? 0 : lastFinish - firstArrival,
        /** performance.now() of the first arrival and the last answer, to place the run in a timeline. */
        firstArrivalAt: firstArrival,
        lastFinishAt: lastFinish,
        upstreamMs: percentiles(upstreamMs),
        /** Arrival to the end of the answer: delay + upstream + the proxy's own work. */
        durationMs: percentiles(durationMs),
        /** Requests in flight on average while the run was active: the client's concurrency as the network saw it. */
        meanInFlight:
          firstArrival === undefined || lastFinish === firstArrival
            ? 0
            : durationMs.reduce((a, b) => a + b, 0) / (lastFinish - firstArrival),
        turnaroundMs: percentiles(turnaroundMs),
        byClass: Object.fromEntries([...byClass].sort()),
        byPath: new Map(byPath)
      }
    },
    async stop() {
      await listening.stop()
      agent.destroy()
    }
  }
}
