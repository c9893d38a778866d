/**
 * Sigstore bundles verified by the Sigstore project's own libraries (@sigstore/verify and
 * its siblings): the certificate chain to a Fulcio CA of the trusted root, its signed
 * certificate timestamps, the transparency-log entry and the signature itself; cosign's legacy
 * keyless signatures as message-signature bundles over their payload. Loaded with
 * import() only when a run meets a bundle, so a run that verifies nothing pays nothing.
 */
import {
  assertBundle,
  bundleFromJSON,
  isBundleWithDsseEnvelope,
  isBundleWithMessageSignature
} from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { type Signer, Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify'

export interface VerifiedBundle {
  /** The certificate's subject alternative name and OIDC issuer. */
  identity?: string
  issuer?: string
  /** The DSSE payload's type; none for a message signature. */
  payloadType?: string
  /** The DSSE payload, or the artifact, the signature covers. */
  payload: Buffer
}

/**
 * Verifies a bundle. With `artifact`, the bundle must be a message signature over those bytes
 * (cosign's legacy keyless layout, converted by legacy-bundle.ts); without, a DSSE envelope.
 */
export type BundleVerifier = (bundle: unknown, artifact?: Buffer) => VerifiedBundle

/**
 * A verifier for `trustedRoot` (trusted-root JSON). Without one, bundles cannot be checked
 * and each fails with the reason, which leaves its digest unsigned.
 */
export function createBundleVerifier(trustedRoot: unknown): BundleVerifier {
  if (trustedRoot === undefined) {
    return () => {
      throw new Error('a Sigstore bundle was found, but no trusted root is configured')
    }
  }
  let verifier: Verifier
  try {
    verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(trustedRoot)))
  } catch (error) {
    const message = `the Sigstore trusted root is not usable (${(error as Error).message})`
    return () => {
      throw new Error(message)
    }
  }
  return (json, artifact) => {
    const bundle = bundleFromJSON(json)
    assertBundle(bundle)
    if (artifact !== undefined) {
      if (!isBundleWithMessageSignature(bundle))
        throw new Error('a Sigstore bundle signs a DSSE statement, not the payload')
      return { ...identityOf(verifier.verify(toSignedEntity(bundle, artifact))), payload: artifact }
    }
    if (!isBundleWithDsseEnvelope(bundle))
      throw new Error('a Sigstore bundle signs a message, not a DSSE statement')
    const signer = verifier.verify(toSignedEntity(bundle))
    const envelope = bundle.content.dsseEnvelope
    return {
      ...identityOf(signer),
      payloadType: envelope.payloadType,
      payload: Buffer.from(envelope.payload)
    }
  }
}

function identityOf(signer: Signer): { identity?: string; issuer?: string } {
  return {
    identity: signer.identity?.subjectAlternativeName,
    issuer: signer.identity?.extensions?.issuer
  }
}
