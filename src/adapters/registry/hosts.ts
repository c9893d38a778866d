/**
 * Address classes used to decide where credentials and plain HTTP may go. Host names
 * are judged by their text only (no DNS), which is what a credential decision needs:
 * the name the user configured is the name the secret belongs to.
 */
import { isIP } from 'node:net'

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
}

/** `host` without a port: `localhost:5000` → `localhost`, `[::1]:5000` → `::1`. */
export function hostname(hostWithPort: string): string {
  if (hostWithPort.startsWith('['))
    return stripBrackets(hostWithPort.slice(0, hostWithPort.indexOf(']') + 1))
  const colon = hostWithPort.indexOf(':')
  return (colon === -1 ? hostWithPort : hostWithPort.slice(0, colon)).toLowerCase()
}

/**
 * By text: `localhost`, 127/8, ::1. A `*.localhost` name is not loopback on its word (a
 * resolver may send it anywhere); the transport counts it as loopback once it resolved there.
 */
export function isLoopbackHost(host: string): boolean {
  const name = stripBrackets(hostname(host))
  if (name === 'localhost') return true
  if (isIP(name) === 4) return name.startsWith('127.')
  if (isIP(name) === 6) return name === '::1' || name === '0:0:0:0:0:0:0:1'
  return false
}

/** Loopback, RFC 1918, link-local, unique-local, unspecified. */
export function isPrivateHost(host: string): boolean {
  if (isLoopbackHost(host)) return true
  const name = stripBrackets(hostname(host))
  if (isIP(name) === 4) {
    const [a, b] = name.split('.').map(Number) as [number, number]
    return (
      a === 10 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    )
  }
  if (isIP(name) === 6) {
    const lower = name.toLowerCase()
    return (
      lower === '::' ||
      /^f[cd]/.test(lower) ||
      /^fe[89ab]/.test(lower) ||
      lower.startsWith('::ffff:')
    )
  }
  return false
}
