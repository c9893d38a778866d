/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1): a proxy must not
 * forward them. Shared by the test registry's token server, the fault proxy and the
 * benchmark's latency proxy.
 */
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
