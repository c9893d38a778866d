/**
 * What every loopback server of the test tooling shares: the hop-by-hop headers a proxy must
 * not forward, and listening on a loopback address with a stop() that ends every connection,
 * so a test's afterAll never waits on a keep-alive socket. Used by the proxies beside this
 * file and by the test registry's token server.
 */

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1). */
export const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade'
])

/** A request's headers (Node's lower-cased object form) without the hop-by-hop ones. */
export function endToEndHeaders(headers) {
  const out = {}
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name)) out[name] = value
  }
  return out
}

/**
 * Starts `server` (a net or http server) on `host` (default 127.0.0.1; on Linux all of
 * 127.0.0.0/8 is loopback, so 127.0.0.2 can play another host). `track` adds sockets the
 * server did not accept itself, such as the upstream side of a tunnel, to what stop() ends.
 */
export async function listenLoopback(server, { host = '127.0.0.1', port = 0 } = {}) {
  const sockets = new Set()
  const track = socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  }
  server.on('connection', track)
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(undefined))
  })
  const bound = server.address().port
  return {
    port: bound,
    host: `${host}:${bound}`,
    url: `http://${host}:${bound}`,
    track,
    stop: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy()
        server.closeAllConnections?.()
        server.close(() => resolve(undefined))
      })
  }
}
