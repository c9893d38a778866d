/**
 * The default way the transport reaches the network: undici's fetch over one connection pool
 * that keeps connections open across HEAD requests too.
 *
 * undici closes the connection after every HEAD (nodejs/undici#258: a misbehaving server may
 * send a body that would be read as the next response). Resolving is almost nothing but HEADs,
 * so every image paid a new TCP (and TLS) handshake, two or three round trips for one of real
 * work. Registries answer HEAD with headers only, as HTTP requires, so HEAD requests here keep
 * their connection (`reset: false`), as Node's own http client does by default.
 */
import { Agent, fetch as undiciFetch } from 'undici'
import type { FetchLike } from './http.js'

export function keepAliveFetch(): FetchLike {
  const dispatcher = new Agent().compose(
    dispatch => (options, handler) =>
      dispatch(options.method === 'HEAD' ? { ...options, reset: false } : options, handler)
  )
  return (url, init) =>
    undiciFetch(url, { ...(init as object), dispatcher }) as unknown as Promise<Response>
}
