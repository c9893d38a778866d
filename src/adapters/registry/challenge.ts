/**
 * `WWW-Authenticate` parsing (RFC 7235). A header may carry several challenges, and a
 * quoted `scope` may itself contain commas, so a naive split on `,` is wrong.
 */

export interface AuthChallenge {
  /** Lower-cased scheme: `bearer`, `basic`, … */
  scheme: string
  params: Record<string, string>
}

const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y
const SPACE = /[ \t]*/y

export function parseWwwAuthenticate(header: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = []
  let pos = 0
  const skip = (): void => {
    SPACE.lastIndex = pos
    SPACE.exec(header)
    pos = SPACE.lastIndex
  }
  const token = (): string | undefined => {
    TOKEN.lastIndex = pos
    const m = TOKEN.exec(header)
    if (!m) return undefined
    pos = TOKEN.lastIndex
    return m[0]
  }
  const quoted = (): string => {
    let out = ''
    pos++ // opening quote
    while (pos < header.length && header[pos] !== '"') {
      if (header[pos] === '\\' && pos + 1 < header.length) pos++
      out += header[pos]
      pos++
    }
    pos++ // closing quote
    return out
  }

  while (pos < header.length) {
    skip()
    if (header[pos] === ',') {
      pos++
      continue
    }
    const scheme = token()
    if (!scheme) break
    const challenge: AuthChallenge = { scheme: scheme.toLowerCase(), params: {} }
    challenges.push(challenge)
    for (;;) {
      skip()
      const start = pos
      const name = token()
      skip()
      if (!name || header[pos] !== '=') {
        // Not an auth-param: the start of the next challenge (or token68 / end).
        pos = start
        break
      }
      pos++
      skip()
      const value = header[pos] === '"' ? quoted() : (token() ?? '')
      challenge.params[name.toLowerCase()] = value
      skip()
      if (header[pos] === ',') pos++
      else break
    }
  }
  return challenges
}
