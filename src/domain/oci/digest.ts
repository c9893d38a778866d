import { createHash } from 'node:crypto'

/** The only digest form this tool ever writes or puts into a URL. */
export const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/

declare const digestBrand: unique symbol

/**
 * A digest known to match DIGEST_PATTERN: `sha256:` and 64 lower-case hex digits. A plain
 * string becomes one only through isDigest, parseDigest, sha256Digest or parseStoredDigest,
 * so whatever holds a Digest may write it or put it into a URL unchecked. It is a string at
 * run time, so outputs and JSON carry it as they carry any string.
 */
export type Digest = string & { readonly [digestBrand]: true }

export function isDigest(value: string): value is Digest {
  return DIGEST_PATTERN.test(value)
}

/** The value as a Digest; throws when it is none, for text that must already be one. */
export function parseDigest(value: string): Digest {
  if (!isDigest(value)) throw new Error(`malformed digest ${JSON.stringify(value)}`)
  return value
}

export function sha256Digest(bytes: Uint8Array): Digest {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}` as Digest
}

/**
 * Config files store digests either bare (`5539b8…`) or prefixed (`sha256:5539b8…`);
 * the rewrite must keep whichever form the file used.
 */
export type DigestForm = 'bare' | 'prefixed'

/** A digest with the form one config entry stores it in. */
export interface StoredDigest {
  digest: Digest
  form: DigestForm
}

export function parseStoredDigest(value: string): StoredDigest | undefined {
  const prefixed = /^[a-f0-9]{64}$/.test(value) ? `sha256:${value}` : value
  if (!isDigest(prefixed)) return undefined
  return { digest: prefixed, form: prefixed === value ? 'prefixed' : 'bare' }
}

/**
 * The text a config stores for `digest` in `form`: what a rewrite writes, and what the pull
 * request shows. It takes any string and checks it, since it is the writer's last guard.
 */
export function formatStoredDigest(digest: string, form: DigestForm): string {
  if (!isDigest(digest))
    throw new Error(`refusing to store malformed digest ${JSON.stringify(digest)}`)
  return form === 'bare' ? digest.slice('sha256:'.length) : digest
}

/** The 64 hex digits alone, as other files write them after `@sha256:`. */
export function digestHex(digest: Digest): string {
  return digest.slice('sha256:'.length)
}
