/**
 * A fault-injecting HTTP proxy on a loopback address, in front of the test registry
 * (scripts/registry/harness.mjs) or anything else that speaks HTTP. Every request is logged
 * with the Authorization header it carried; rules chosen per scenario replace or damage the
 * answers of matching requests, and every damaged answer is counted.
 *
 *   const proxy = await startFaultProxy({ upstream: registry.url, rules: [
 *     { method: 'HEAD', path: /\/manifests\//, times: 2, fault: { kind: 'status', status: 503 } }
 *   ] })
 *   ...use proxy.host as the registry name...
 *   proxy.faultsInjected()  // 2
 *   await proxy.stop()
 *
 * It runs inside the test process (the action under test is a child process), so rules may
 * hold functions. Bind it to another loopback address (`host: '127.0.0.2'`) to stand in for
 * another host: on Linux all of 127.0.0.0/8 reaches the loopback interface.
 */
import http from 'node:http'
import { HOP_BY_HOP, endToEndHeaders, listenLoopback } from './loopback.mjs'

function matches(rule, req) {
  if (rule.method && rule.method !== req.method) return false
  if (rule.path instanceof RegExp) return rule.path.test(req.url)
  if (typeof rule.path === 'string') return req.url.includes(rule.path)
  return true
}

function headerValues(headers) {
  const out = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    out[name] = typeof value === 'function' ? value() : value
  }
  return out
}

/**
 * @param {import('./fault-proxy.d.mts').FaultProxyOptions} options
 * @returns {Promise<import('./fault-proxy.d.mts').FaultProxy>}
 */
export async function startFaultProxy(options) {
  const upstream = new URL(options.upstream)
  const rewriteOrigin = options.rewriteOrigin ?? true
  let rules = (options.rules ?? []).map(rule => ({ rule, seen: 0 }))
  /** @type {import('./fault-proxy.d.mts').ProxiedRequest[]} */
  let log = []
  let injected = 0
  let origin = ''

  /** Forwards the request and returns the upstream answer in full. */
  function forward(req) {
    return new Promise((resolve, reject) => {
      const headers = endToEndHeaders(req.headers)
      Object.assign(headers, options.upstreamHeaders ?? {})
      headers.host = upstream.host
      const out = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers,
          agent: false
        },
        res => {
          const chunks = []
          res.on('data', chunk => chunks.push(chunk))
          res.on('end', () => {
            const responseHeaders = {}
            for (const [name, value] of Object.entries(res.headers)) {
              if (HOP_BY_HOP.has(name) && name !== 'content-length') continue
              responseHeaders[name] =
                rewriteOrigin && (name === 'www-authenticate' || name === 'location')
                  ? String(value).split(upstream.origin).join(origin)
                  : value
            }
            resolve({
              status: res.statusCode ?? 502,
              headers: responseHeaders,
              body: Buffer.concat(chunks)
            })
          })
          res.on('error', reject)
        }
      )
      out.on('error', reject)
      req.pipe(out)
    })
  }

  function send(res, answer, method) {
    const headers = { ...answer.headers }
    if (method !== 'HEAD') headers['content-length'] = String(answer.body.length)
    res.writeHead(answer.status, headers)
    res.end(method === 'HEAD' ? undefined : answer.body)
  }

  /** Sends the head and the first part of the body, then calls `then` on the socket. */
  function sendPart(res, answer, fraction, then) {
    const headers = { ...answer.headers, 'content-length': String(answer.body.length) }
    res.writeHead(answer.status, headers)
    const keep = Math.max(1, Math.floor(answer.body.length * fraction))
    res.write(answer.body.subarray(0, keep), () => then(res.socket))
  }

  async function apply(fault, req, res) {
    switch (fault.kind) {
      case 'status':
        return send(
          res,
          {
            status: fault.status,
            headers: headerValues(fault.headers),
            body: Buffer.from(fault.body ?? '')
          },
          req.method
        )
      case 'redirect': {
        const location =
          typeof fault.location === 'function' ? fault.location(req.url) : fault.location
        return send(
          res,
          { status: fault.status ?? 307, headers: { location }, body: Buffer.alloc(0) },
          req.method
        )
      }
      case 'reset':
        req.socket.resetAndDestroy()
        return
      case 'stall':
        // Answer nothing; the client's timeout is what ends this exchange.
        return
      case 'oversize': {
        res.writeHead(200, {
          'content-type': fault.contentType ?? 'application/vnd.oci.image.manifest.v1+json',
          ...(fault.declareLength ? { 'content-length': String(fault.bytes) } : {})
        })
        if (req.method === 'HEAD') return res.end()
        const chunk = Buffer.alloc(64 * 1024, 0x20)
        let left = fault.bytes
        const pump = () => {
          while (left > 0) {
            const piece = chunk.subarray(0, Math.min(chunk.length, left))
            left -= piece.length
            if (!res.write(piece)) return res.once('drain', pump)
          }
          res.end()
        }
        res.on('error', () => undefined)
        return pump()
      }
      default:
        break
    }
    const answer = await forward(req)
    switch (fault.kind) {
      case 'rewrite': {
        const headers = { ...answer.headers }
        for (const name of fault.removeHeaders ?? []) delete headers[name.toLowerCase()]
        for (const [name, value] of Object.entries(headerValues(fault.setHeaders))) {
          headers[name.toLowerCase()] = value
        }
        for (const [name, map] of Object.entries(fault.mapHeaders ?? {})) {
          const value = headers[name.toLowerCase()]
          if (value !== undefined) headers[name.toLowerCase()] = map(String(value))
        }
        let body = answer.body
        if (typeof fault.body === 'function') body = Buffer.from(fault.body(answer.body))
        else if (fault.body !== undefined) body = Buffer.from(fault.body)
        const status = fault.status ?? answer.status
        send(res, { status, headers, body }, req.method)
        // An answer the rewrite left as it was (no such header) is not a fault.
        return (
          status !== answer.status ||
          !body.equals(answer.body) ||
          JSON.stringify(headers) !== JSON.stringify(answer.headers)
        )
      }
      case 'reset-mid-body':
        return sendPart(res, answer, fault.fraction ?? 0.5, socket => socket.resetAndDestroy())
      case 'truncate':
        return sendPart(res, answer, fault.fraction ?? 0.5, socket => socket.end())
      case 'stall-mid-body':
        return sendPart(res, answer, fault.fraction ?? 0.5, () => undefined)
      default:
        throw new Error(`unknown fault kind ${fault.kind}`)
    }
  }

  const server = http.createServer(async (req, res) => {
    const entry = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      authorization: req.headers.authorization ?? null,
      rule: null,
      fault: null,
      status: null
    }
    log.push(entry)
    res.on('finish', () => (entry.status = res.statusCode))
    const hit = rules.find(r => matches(r.rule, req))
    let fault
    if (hit) {
      const index = hit.seen++
      const skip = hit.rule.skip ?? 0
      const times = hit.rule.times ?? Infinity
      if (index >= skip && index < skip + times) {
        const sequence = [hit.rule.fault].flat()
        fault = sequence[(index - skip) % sequence.length]
      }
    }
    try {
      if (fault) {
        const changed = await apply(fault, req, res)
        if (changed !== false) {
          injected++
          entry.rule = hit.rule.name ?? fault.kind
          entry.fault = fault.kind
        }
      } else {
        send(res, await forward(req), req.method)
      }
    } catch (error) {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' })
        res.end(`fault proxy: ${error.message}`)
      } else {
        res.destroy()
      }
    }
  })
  // TLS probes and torn requests are the client's business, not the proxy's.
  server.on('clientError', (_error, socket) => socket.destroy())

  const listening = await listenLoopback(server, { host: options.host })
  const host = listening.host
  origin = listening.url

  return {
    url: origin,
    host,
    requests: () => log,
    faultsInjected: () => injected,
    setRules(next) {
      rules = next.map(rule => ({ rule, seen: 0 }))
    },
    clear() {
      log = []
      injected = 0
      for (const r of rules) r.seen = 0
    },
    stop: listening.stop
  }
}
