/**
 * A forward proxy on 127.0.0.1 that reaches every host it is asked for at one loopback port,
 * so a test can give the action an API host name that does not resolve (as a proxied GitHub
 * Enterprise Server would be) and see that the request went through the proxy.
 */
import { type IncomingMessage, createServer, request } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import type { Duplex } from 'node:stream'

export interface ForwardProxy {
  url: string
  /** `host:port` of every CONNECT tunnel and proxied request, in order. */
  targets: string[]
  stop(): Promise<void>
}

export async function startForwardProxy(targetPort: number): Promise<ForwardProxy> {
  const targets: string[] = []
  const sockets = new Set<Duplex>()
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
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    targets.push(req.url ?? '')
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    stop: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
