/**
 * A TCP relay on 127.0.0.1 in front of one target that counts the connections clients open
 * through it: how a test sees whether a client reuses its connections.
 */
import net from 'node:net'
import { listenLoopback } from './loopback.mjs'

/** @returns {Promise<import('./tcp-relay.d.mts').Relay>} */
export async function startRelay(target) {
  let count = 0
  let listening
  const server = net.createServer(client => {
    count++
    const upstream = net.connect(Number(target.port), target.hostname)
    listening.track(upstream)
    for (const socket of [client, upstream]) socket.on('error', () => undefined)
    client.pipe(upstream)
    upstream.pipe(client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  listening = await listenLoopback(server)
  return { host: listening.host, connections: () => count, stop: listening.stop }
}
