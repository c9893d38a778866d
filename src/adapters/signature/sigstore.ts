/**
 * Sigstore bundles verified by the Sigstore project's own libraries (@sigstore/verify and
 * its siblings): the certificate chain to a Fulcio CA of the trusted root, its signed
 * certificate timestamps, the transparency-log entry and the signature itself. Loaded with
 * import() only when a run meets a bundle, so a run that verifies nothing pays nothing.
 */
import { assertBundle, bundleFromJSON, isBundleWithDsseEnvelope } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify'

export interface VerifiedBundle {
  /** The certificate's subject alternative name and OIDC issuer. */
  identity?: string
  issuer?: string
  payloadType: string
  /** The DSSE payload the signature covers. */
  payload: Buffer
}

export type BundleVerifier = (bundle: unknown) => VerifiedBundle

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
  return json => {
    const bundle = bundleFromJSON(json)
    assertBundle(bundle)
    if (!isBundleWithDsseEnvelope(bundle))
      throw new Error('a Sigstore bundle signs a message, not a DSSE statement')
    const signer = verifier.verify(toSignedEntity(bundle))
    const envelope = bundle.content.dsseEnvelope
    return {
      identity: signer.identity?.subjectAlternativeName,
      issuer: signer.identity?.extensions?.issuer,
      payloadType: envelope.payloadType,
      payload: Buffer.from(envelope.payload)
    }
  }
}
