/**
 * The token service's side of authentication, as rules and data: which token services may
 * receive a registry's credentials, the realm a Bearer challenge names, and the token its
 * answer holds (refused when it is too weak to be masked as a secret).
 */
import type { Credentials } from './credentials.js'
import type { AuthChallenge } from './challenge.js'
import { isPrivateHost } from './hosts.js'
import { type HttpResponse, RegistryError } from './http.js'

/**
 * Token services that live on another host than their registry, by registry API host. Only
 * these, besides the registry's own host, may receive the registry's credentials: a parent
 * domain proves nothing on multi-tenant domains (`attacker.azurecr.io` is not `myreg.azurecr.io`).
 * Each entry needs a public source saying the registry sends its clients there:
 * - Docker Hub: https://docs.docker.com/reference/api/registry/auth/ (realm `https://auth.docker.io/token`)
 * - GitLab.com: https://docs.gitlab.com/administration/packages/container_registry/ (the realm is
 *   GitLab's own `/jwt/auth`; for `registry.gitlab.com` that is `https://gitlab.com/jwt/auth`)
 */
export const KNOWN_TOKEN_HOSTS: Readonly<Record<string, readonly string[]>> = {
  'registry-1.docker.io': ['auth.docker.io'],
  'docker.io': ['auth.docker.io'],
  'registry.gitlab.com': ['gitlab.com']
}

/**
 * Whether the registry's credentials may be sent to the token service at `realm`: only to the
 * registry's own host (and port), or to a token service listed for it in KNOWN_TOKEN_HOSTS,
 * over HTTPS and never to a loopback, private or link-local address unless that is the
 * registry itself. Plain HTTP only to the registry's own host, when it may use plain HTTP.
 */
export function credentialsMayGoToRealm(
  apiHost: string,
  realm: URL,
  /** Takes `host[:port]`, as URL.host gives it. */
  mayUsePlainHttp: (host: string) => boolean
): { allowed: true } | { allowed: false; why: string } {
  const realmHost = realm.host.toLowerCase()
  const registryHost = apiHost.toLowerCase()
  if (realm.protocol !== 'https:' && realm.protocol !== 'http:')
    return { allowed: false, why: 'it is not HTTP(S)' }
  if (realm.protocol === 'http:' && !(realmHost === registryHost && mayUsePlainHttp(realm.host))) {
    return { allowed: false, why: 'it is plain HTTP' }
  }
  if (realmHost === registryHost) return { allowed: true }
  if (isPrivateHost(realm.host))
    return { allowed: false, why: 'it is a loopback or private address' }
  if (KNOWN_TOKEN_HOSTS[registryHost]?.includes(realmHost)) return { allowed: true }
  return {
    allowed: false,
    why: `it is another host, not a known token service of ${registryHost}`
  }
}

/** The token service's URL from a Bearer challenge, refused when it is not one to use. */
export function tokenRealm(registry: string, challenge: AuthChallenge): URL {
  const realmText = challenge.params.realm
  if (!realmText)
    throw new RegistryError(
      'invalid-response',
      `${registry} sent a Bearer challenge without a realm`
    )
  let realm: URL
  try {
    realm = new URL(realmText)
  } catch {
    throw new RegistryError(
      'invalid-response',
      `${registry} sent a Bearer challenge with an invalid realm`
    )
  }
  if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
    throw new RegistryError(
      'invalid-response',
      `${registry} sent a token realm that is not HTTP(S)`
    )
  }
  if (realm.username !== '' || realm.password !== '') {
    // Not ours to use, and fetch would refuse it anyway, quoting it in the error.
    throw new RegistryError(
      'invalid-response',
      `${registry} sent a token realm with credentials in its URL; refusing to use it`
    )
  }
  return realm
}

/** The token in a token service's 200 answer, and how many seconds it lives. */
export function tokenFromAnswer(
  registry: string,
  realm: URL,
  response: HttpResponse
): { token: string; expiresIn: number } {
  let body: { token?: unknown; access_token?: unknown; expires_in?: unknown }
  try {
    body = JSON.parse(response.body.toString('utf8')) as typeof body
  } catch {
    throw new RegistryError(
      'invalid-response',
      `token service ${realm.host} answered something that is not JSON`
    )
  }
  const token = typeof body.token === 'string' && body.token !== '' ? body.token : body.access_token
  if (typeof token !== 'string' || token === '' || !/^[\x21-\x7e]+$/.test(token)) {
    throw new RegistryError(
      'invalid-response',
      `token service ${realm.host} answered without a usable token`
    )
  }
  const weakness = tokenWeakness(token)
  if (weakness) {
    throw new RegistryError(
      'invalid-response',
      `token service ${realm.host} of ${registry} answered a token ${weakness}; refusing to mask or send it (a masked value is blanked everywhere in the log); check the registry's token service`
    )
  }
  const expiresIn =
    typeof body.expires_in === 'number' && body.expires_in >= 60 ? body.expires_in : 60
  return { token, expiresIn }
}

/** Shortest token taken: a random token of this length cannot turn up in a log by chance. */
export const MIN_TOKEN_LENGTH = 16
/** Fewest distinct characters: rules out runs (`aaaa…`) and short repeated words. */
export const MIN_TOKEN_DISTINCT_CHARACTERS = 8

/**
 * Why `token` cannot be a secret, or undefined. The service chooses the token and every
 * secret is masked, so a token such as `sha256` or `0000000000000000` would blank every digest
 * in the rest of the log. Real registry tokens are JWTs or random strings of 32 characters or
 * more; 16 characters drawn from 8 or more different ones is far below that and far above
 * any word or digest fragment that ordinary output repeats.
 */
export function tokenWeakness(token: string): string | undefined {
  if (token.length < MIN_TOKEN_LENGTH)
    return `of ${token.length} characters, too short to be a secret (at least ${MIN_TOKEN_LENGTH} expected)`
  const distinct = new Set(token).size
  if (distinct < MIN_TOKEN_DISTINCT_CHARACTERS)
    return `made of only ${distinct} different characters, too repetitive to be a secret (at least ${MIN_TOKEN_DISTINCT_CHARACTERS} expected)`
  return undefined
}

export function pullScope(repository: string): string {
  return `repository:${repository}:pull`
}

export function basicHeader(creds: Credentials): string {
  return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`
}
