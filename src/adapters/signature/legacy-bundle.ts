/**
 * cosign's keyless signatures from before Sigstore bundles, turned into a Sigstore bundle
 * v0.1 so the Sigstore libraries verify them (src/adapters/signature/sigstore.ts): cosign put
 * the base64 signature, the Fulcio certificate and its chain (PEM) and Rekor's answer
 * (`{SignedEntryTimestamp, Payload: {body, integratedTime, logIndex, logID}}`) in annotations
 * of the `.sig` layer whose blob is the signed simple-signing payload. Nothing is trusted
 * here: what does not convert fails with the reason, and what converts is still unverified.
 */
import { createHash } from 'node:crypto'

export const BUNDLE_V01_TYPE = 'application/vnd.dev.sigstore.bundle+json;version=0.1'

/** One `.sig` layer of a keyless signature: its blob and annotations, as read. */
export interface LegacySignature {
  payload: Buffer
  /** Base64 signature over the payload bytes. */
  signature: string
  /** PEM: the signing certificate, then (optionally) the chain to the Fulcio root. */
  certificate: string
  chain?: string
  /** Rekor's bundle JSON. */
  bundle?: string
}

interface RekorBundle {
  signedEntryTimestamp: string
  body: string
  integratedTime: number
  logIndex: number
  logID: string
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g

/** The Sigstore bundle (JSON) that says what `signed` says, for @sigstore/bundle to read. */
export function legacyBundle(signed: LegacySignature): unknown {
  const leaf = pemCertificates(signed.certificate)
  if (leaf.length === 0)
    throw new Error('a keyless signature has no PEM certificate in dev.sigstore.cosign/certificate')
  const certificates = [...leaf, ...pemCertificates(signed.chain ?? '')]
  if (signed.bundle === undefined)
    throw new Error(
      'a keyless signature has no Rekor bundle (dev.sigstore.cosign/bundle), so its log entry cannot be checked'
    )
  const rekor = parseRekorBundle(signed.bundle)
  return {
    mediaType: BUNDLE_V01_TYPE,
    verificationMaterial: {
      x509CertificateChain: { certificates: certificates.map(rawBytes => ({ rawBytes })) },
      tlogEntries: [
        {
          logIndex: String(rekor.logIndex),
          logId: { keyId: Buffer.from(rekor.logID, 'hex').toString('base64') },
          kindVersion: { kind: 'hashedrekord', version: '0.0.1' },
          integratedTime: String(rekor.integratedTime),
          inclusionPromise: { signedEntryTimestamp: rekor.signedEntryTimestamp },
          canonicalizedBody: rekor.body
        }
      ]
    },
    messageSignature: {
      messageDigest: {
        algorithm: 'SHA2_256',
        digest: createHash('sha256').update(signed.payload).digest('base64')
      },
      signature: signed.signature
    }
  }
}

/** Each PEM certificate's DER, base64 (as the bundle's JSON writes bytes). */
function pemCertificates(pem: string): string[] {
  return [...pem.matchAll(PEM_CERTIFICATE)].map(m => m[1]!.replace(/\s+/g, ''))
}

function parseRekorBundle(text: string): RekorBundle {
  const bad = new Error(
    'the Rekor bundle of a keyless signature (dev.sigstore.cosign/bundle) is not {SignedEntryTimestamp, Payload: {body, integratedTime, logIndex, logID}}'
  )
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw bad
  }
  const outer = json as { SignedEntryTimestamp?: unknown; Payload?: unknown } | null
  const payload = (typeof outer === 'object' ? outer?.Payload : undefined) as
    Record<string, unknown> | null | undefined
  const { body, integratedTime, logIndex, logID } = payload ?? {}
  if (
    typeof outer?.SignedEntryTimestamp !== 'string' ||
    typeof body !== 'string' ||
    !Number.isSafeInteger(integratedTime) ||
    !Number.isSafeInteger(logIndex) ||
    typeof logID !== 'string' ||
    !/^(?:[0-9a-f]{2})+$/i.test(logID)
  )
    throw bad
  return {
    signedEntryTimestamp: outer.SignedEntryTimestamp,
    body,
    integratedTime: integratedTime as number,
    logIndex: logIndex as number,
    logID
  }
}
