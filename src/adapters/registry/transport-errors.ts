/**
 * What a failed exchange with a registry means: the error kinds the rest of the run tells
 * apart, and the translation of fetch's and undici's failures into them, with a hint.
 */
import { untrustedText } from '../../domain/text/untrusted.js'
import { type Fix, UpdaterError } from '../../domain/errors.js'

export type RegistryErrorKind =
  | 'network'
  /** The TLS handshake failed: retrying cannot help (a plain-HTTP server, a bad certificate). */
  | 'tls'
  | 'timeout'
  | 'http'
  | 'too-large'
  | 'redirect'
  | 'invalid-response'
  | 'unauthorized'
  | 'denied'
  | 'not-found'
  | 'rate-limited'
  | 'digest-mismatch'
  | 'platform'
  | 'insecure'

export class RegistryError extends UpdaterError {
  override name = 'RegistryError'
  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
    readonly status?: number,
    fix?: Fix
  ) {
    super(message, { fix })
  }
}

/** A host given up on earlier in the run: never retried. */
export class DeadHostError extends RegistryError {
  constructor(message: string) {
    super('timeout', message, undefined, {
      text: 'raise {request-timeout} if it is only slow',
      join: 'aside'
    })
  }
}

/** Transport codes that mean the host never took the connection in time. */
export const CONNECT_TIMEOUTS = ['UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']

const NETWORK_HINTS: Record<string, string> = {
  ENOTFOUND: 'host not found: check the registry name',
  EAI_AGAIN: 'DNS lookup failed',
  ECONNREFUSED: 'nothing listens there',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'the connection timed out',
  EPIPE: 'the connection closed while sending',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  // undici's codes, which fetch reports for a connection that ends mid-exchange.
  UND_ERR_SOCKET: 'the connection closed before the response was complete',
  UND_ERR_CLOSED: 'the connection closed before the response was complete',
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
  UND_ERR_BODY_TIMEOUT: 'the response body stopped arriving',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the body did not match its Content-Length',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS there',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted'
}

export function transportError(error: unknown, what: string, timeoutMs: number): RegistryError {
  const e = error as {
    name?: string
    message?: string
    cause?: { code?: string; message?: string }
  }
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new RegistryError('timeout', `${what} timed out after ${timeoutMs} ms`)
  }
  // Messages may quote the URL; a URL may carry user info (not ours, but not to be shown).
  const cause = untrustedText(
    (e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error)).replace(
      /\/\/[^/@\s]*@/g,
      '//'
    ),
    200
  )
  const hint = NETWORK_HINTS[cause] ? ` (${NETWORK_HINTS[cause]})` : ''
  if (isCertificateFailure(cause)) {
    return new CertificateError(
      `${what} failed: ${cause}${hint}; the TLS certificate is not trusted: if the registry uses your own CA, set NODE_EXTRA_CA_CERTS to that CA's PEM file in the step's env, or fix the certificate`
    )
  }
  return new RegistryError(
    isTlsFailure(cause) ? 'tls' : 'network',
    `${what} failed: ${cause}${hint}`
  )
}

/**
 * The server speaks TLS but its certificate failed verification (untrusted, self-signed,
 * expired, wrong name). Unlike a server that does not speak TLS at all, this is never a
 * reason to try plain HTTP: the registry is on HTTPS and the runner must learn to trust it.
 */
export class CertificateError extends RegistryError {
  constructor(message: string) {
    super('tls', message)
  }
}

const CERTIFICATE_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'HOSTNAME_MISMATCH'
])

function isCertificateFailure(code: string): boolean {
  return CERTIFICATE_CODES.has(code)
}

/** Handshake and certificate errors answer the same way every time. */
function isTlsFailure(code: string): boolean {
  return (
    code.startsWith('ERR_SSL_') ||
    code === 'EPROTO' ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' ||
    code === 'ERR_TLS_CERT_ALTNAME_INVALID'
  )
}
