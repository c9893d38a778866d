/**
 * Public keys for key-based cosign signatures: PEM text, inline or read from a workspace
 * file, each with a label the report can show (the file's path, or the key's fingerprint).
 * Verification is node:crypto's: cosign signs the payload bytes with ECDSA (or RSA, Ed25519)
 * over SHA-256, and a signature is the base64 of its DER encoding.
 */
import { type KeyObject, createHash, createPublicKey, verify } from 'node:crypto'

export interface TrustedKey {
  label: string
  key: KeyObject
}

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g

export class KeyError extends Error {
  override name = 'KeyError'
}

/** Every PEM public key in `text`; throws naming `source` when there is none or one is bad. */
export function parsePublicKeys(text: string, source: string, label?: string): TrustedKey[] {
  const blocks = text.match(PEM_BLOCK) ?? []
  if (blocks.length === 0) throw new KeyError(`${source} holds no PEM public key`)
  return blocks.map((pem, i) => {
    let key: KeyObject
    try {
      key = createPublicKey(pem)
    } catch (error) {
      throw new KeyError(
        `${source}: public key ${i + 1} is not valid (${(error as Error).message})`
      )
    }
    const fingerprint = createHash('sha256')
      .update(key.export({ type: 'spki', format: 'der' }))
      .digest('hex')
      .slice(0, 16)
    const name = label === undefined ? `sha256:${fingerprint}` : label
    return { label: blocks.length > 1 && label !== undefined ? `${name}#${i + 1}` : name, key }
  })
}

/** The label of the first key that verifies `signature` (base64) over `payload`. */
export function verifyWithKeys(
  payload: Uint8Array,
  signature: string,
  keys: readonly TrustedKey[]
): string | undefined {
  const bytes = Buffer.from(signature, 'base64')
  if (bytes.length === 0) return undefined
  for (const { label, key } of keys) {
    try {
      // Ed25519 hashes inside the algorithm; the others sign a SHA-256 digest.
      const hash = key.asymmetricKeyType === 'ed25519' ? null : 'sha256'
      if (verify(hash, payload, key, bytes)) return label
    } catch {
      // A key of another type for this signature: try the next.
    }
  }
  return undefined
}
