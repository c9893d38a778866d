import { createHash } from 'node:crypto'

/** The only digest form this tool ever writes or puts into a URL. */
export const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/

export function isDigest(value: string): boolean {
  return DIGEST_PATTERN.test(value)
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/**
 * Config files store digests either bare (`5539b8…`) or prefixed (`sha256:5539b8…`);
 * the rewrite must keep whichever form the file used.
 */
export type DigestForm = 'bare' | 'prefixed'

export function parseStoredDigest(value: string): { digest: string; form: DigestForm } | undefined {
  if (/^[a-f0-9]{64}$/.test(value)) return { digest: `sha256:${value}`, form: 'bare' }
  if (DIGEST_PATTERN.test(value)) return { digest: value, form: 'prefixed' }
  return undefined
}

export function formatStoredDigest(digest: string, form: DigestForm): string {
  if (!isDigest(digest))
    throw new Error(`refusing to store malformed digest ${JSON.stringify(digest)}`)
  return form === 'bare' ? digest.slice('sha256:'.length) : digest
}
