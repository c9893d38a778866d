/**
 * A forward proxy on 127.0.0.1 that reaches every host it is asked for at one loopback port,
 * so a test can give the action an API host name that does not resolve (as a proxied GitHub
 * Enterprise Server would be) and see that the request went through the proxy.
 */
import { createServer, request } from 'node:http'
import { connect } from 'node:net'
import { listenLoopback } from './loopback.mjs'

/** @returns {Promise<import('./forward-proxy.d.mts').ForwardProxy>} */
export async function startForwardProxy(targetPort) {
  const targets = []
  const server = createServer((req, res) => {
    // A plain-HTTP request through a proxy carries the absolute URL.
    const url = new URL(req.url ?? '/')
    targets.push(url.host)
    const upstream = request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: req.method,
        path: url.pathname + url.search,
        headers: req.headers
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  const listening = await listenLoopback(server)
  server.on('connect', (req, client, head) => {
    targets.push(req.url ?? '')
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    listening.track(upstream)
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  return { url: listening.url, targets, stop: listening.stop }
}
