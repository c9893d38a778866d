/**
 * Who must have signed a digest, and what the old digest's signatures say about the new
 * one's (issue 16). Pure: the run finds and verifies signatures (src/run/signatures.ts) and
 * this module judges them, so the rules read in one place.
 */
import type { PreviousSignature, ProvenanceCheck, SignatureCheck } from '../review.js'
import { untrustedText } from '../text/untrusted.js'

export type VerifyMode = 'off' | 'warn' | 'require'
export const VERIFY_MODES: readonly VerifyMode[] = ['off', 'warn', 'require']

export function parseVerifyMode(text: string): VerifyMode | undefined {
  const mode = text.trim().toLowerCase()
  return (VERIFY_MODES as readonly string[]).includes(mode) ? (mode as VerifyMode) : undefined
}

/** A keyless signer the entry trusts: a certificate identity (exact or a pattern) and issuer. */
export interface SignedBy {
  identity?: string
  identityRegexp?: RegExp
  issuer: string
}

/** One signature that verified, as who made it. */
export interface Signer {
  /** The configured key's label, for key-based signatures. */
  key?: string
  /** The certificate's identity (SAN) and OIDC issuer, for keyless ones. */
  identity?: string
  issuer?: string
}

/** What was found and verified for one digest. */
export interface DigestSignatures {
  /** Signatures that verified against the entry's keys or `signed_by`. */
  signers: Signer[]
  /** Verified SLSA provenance attestations' source repositories and workflows. */
  provenance: Array<{ repository: string; workflow?: string }>
  /** Why signatures could not be read or did not verify, one line; informational. */
  problem?: string
}

export interface SignatureVerdict {
  signature: SignatureCheck
  provenance?: ProvenanceCheck
  /** Set when the new digest must not be proposed (require) or must be flagged (warn). */
  alarm?: string
}

/** One line, whatever a certificate says: its identity and issuer are the signer's text. */
export function signerLabel(signer: Signer): string {
  if (signer.key !== undefined) return `key ${untrustedText(signer.key, 200)}`
  const identity = untrustedText(signer.identity ?? 'unknown identity', 200)
  return `${identity} (${untrustedText(signer.issuer ?? 'unknown issuer', 100)})`
}

export function matchesSignedBy(
  signedBy: SignedBy,
  identity: string | undefined,
  issuer: string | undefined
): boolean {
  if (identity === undefined || issuer !== signedBy.issuer) return false
  if (signedBy.identity !== undefined) return identity === signedBy.identity
  return signedBy.identityRegexp?.test(identity) ?? false
}

export const sameSigner = (a: Signer, b: Signer): boolean =>
  a.key === b.key && a.identity === b.identity && a.issuer === b.issuer

function signerFields(signer: Signer | undefined): PreviousSignature {
  return {
    verified: signer !== undefined,
    ...(signer?.identity !== undefined ? { identity: signer.identity } : {}),
    ...(signer?.issuer !== undefined ? { issuer: signer.issuer } : {}),
    ...(signer?.key !== undefined ? { key: signer.key } : {})
  }
}

/**
 * The new digest's signatures against the old one's. Good: signed by a trusted signer who
 * also signed the old digest, or by a trusted signer when the old one was never signed.
 * Alarms: the new digest is not signed (worse when the old one was), the signer changed,
 * the required provenance is missing or names another repository.
 */
export function judgeSignatures(
  previous: DigestSignatures | undefined,
  current: DigestSignatures,
  rules: { provenanceRepository?: string; signatureRequired: boolean }
): SignatureVerdict {
  const { provenanceRepository, signatureRequired } = rules
  const signer = current.signers[0]
  const shared = current.signers.find(s => previous?.signers.some(p => sameSigner(p, s)))
  const chosen = shared ?? signer
  // The old digest's signer shown is the one the new digest shares, when there is one.
  const before = shared ?? previous?.signers[0]
  const signature: SignatureCheck = {
    ...signerFields(chosen),
    same_as_previous: previous === undefined ? null : shared !== undefined,
    previous: previous === undefined ? null : signerFields(before)
  }
  const alarms: string[] = []
  if (!chosen && signatureRequired) {
    const why = current.problem ? ` (${current.problem})` : ''
    alarms.push(
      before
        ? `the new digest is not signed, but the old one was signed by ${signerLabel(before)}${why}`
        : `the new digest has no trusted signature${why}`
    )
  } else if (chosen && before && !shared) {
    alarms.push(`the signer changed from ${signerLabel(before)} to ${signerLabel(chosen)}`)
  }
  let provenance: ProvenanceCheck | undefined
  if (provenanceRepository !== undefined) {
    const wanted = provenanceRepository.toLowerCase()
    const match = current.provenance.find(p => p.repository.toLowerCase() === wanted)
    const other = current.provenance[0]
    provenance = match
      ? { verified: true, repository: match.repository, workflow: match.workflow }
      : { verified: false, ...(other ? { repository: other.repository } : {}) }
    if (!match) {
      alarms.push(
        other
          ? `the build provenance names ${untrustedText(other.repository, 200)}, not ${provenanceRepository}`
          : `no verified build provenance from ${provenanceRepository}${current.problem ? ` (${current.problem})` : ''}`
      )
    }
  }
  return { signature, provenance, alarm: alarms.length > 0 ? alarms.join('; ') : undefined }
}
