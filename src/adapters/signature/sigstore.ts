/**
 * Sigstore bundles verified by the Sigstore project's own libraries (@sigstore/verify and
 * its siblings): the certificate chain to a Fulcio CA of the trusted root, its signed
 * certificate timestamps, the transparency-log entry and the signature itself; cosign's legacy
 * keyless signatures as message-signature bundles over their payload. Loaded with
 * import() only when a run meets a bundle, so a run that verifies nothing pays nothing; the
 * public-good trusted root shipped beside this file loads with it, not at start-up.
 */
import {
  type Bundle,
  assertBundle,
  bundleFromJSON,
  isBundleWithDsseEnvelope,
  isBundleWithMessageSignature
} from '@sigstore/bundle'
import { X509Certificate } from '@sigstore/core'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import {
  type Signer,
  type TrustMaterial,
  Verifier,
  toSignedEntity,
  toTrustMaterial
} from '@sigstore/verify'
import publicGoodRoot from './public-good-trusted-root.json' with { type: 'json' }
import publicGoodSource from './public-good-trusted-root.source.json' with { type: 'json' }

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

/** Which @sigstore/tuf release the shipped public-good root was taken from, and its date. */
export const PUBLIC_GOOD_SNAPSHOT = `@sigstore/tuf ${publicGoodSource.version}, ${publicGoodSource.published}`

/**
 * A verifier for `trustedRoot` (trusted-root JSON), or for the public-good root shipped with
 * the action when there is none. `override` is how the edge names sigstore-trusted-root: a
 * bundle under a log or CA the root does not know says to refresh the root there.
 */
export function createBundleVerifier(trustedRoot: unknown, override: string): BundleVerifier {
  const builtIn = trustedRoot === undefined
  let material: TrustMaterial
  try {
    material = toTrustMaterial(TrustedRoot.fromJSON(trustedRoot ?? publicGoodRoot))
  } catch (error) {
    const message = `the Sigstore trusted root is not usable (${(error as Error).message})`
    return () => {
      throw new Error(message)
    }
  }
  const verifier = new Verifier(material)
  const unknownHint = builtIn
    ? `signed under a Sigstore key the built-in public-good root (${PUBLIC_GOOD_SNAPSHOT}) does not know: update image-digest-updater, or give a newer root in ${override}`
    : `signed under a Sigstore key the trusted root in ${override} does not know`
  const verifyWithHint = (bundle: Bundle, artifact?: Buffer): Signer => {
    try {
      return verifier.verify(toSignedEntity(bundle, artifact))
    } catch (error) {
      // The libraries' errors do not tell a key the root lacks from a bad signature.
      if (unknownAnchor(bundle, material)) throw new Error(unknownHint, { cause: error })
      throw error
    }
  }
  return (json, artifact) => {
    const bundle = bundleFromJSON(json)
    assertBundle(bundle)
    if (artifact !== undefined) {
      if (!isBundleWithMessageSignature(bundle))
        throw new Error('a Sigstore bundle signs a DSSE statement, not the payload')
      return { ...identityOf(verifyWithHint(bundle, artifact)), payload: artifact }
    }
    if (!isBundleWithDsseEnvelope(bundle))
      throw new Error('a Sigstore bundle signs a message, not a DSSE statement')
    const signer = verifyWithHint(bundle)
    const envelope = bundle.content.dsseEnvelope
    return {
      ...identityOf(signer),
      payloadType: envelope.payloadType,
      payload: Buffer.from(envelope.payload)
    }
  }
}

/**
 * The bundle was logged only in transparency logs the root does not name, or its certificate
 * was issued by a CA the root does not hold: a newer (rotated) key, or another Sigstore.
 */
function unknownAnchor(bundle: Bundle, material: TrustMaterial): boolean {
  const logs = bundle.verificationMaterial.tlogEntries.map(e => e.logId?.keyId)
  const knownLog = logs.some(id => id && material.tlogs.some(t => t.logID.equals(id)))
  if (logs.length > 0 && !knownLog) return true
  const content = bundle.verificationMaterial.content
  const raw =
    content.$case === 'certificate'
      ? content.certificate.rawBytes
      : content.$case === 'x509CertificateChain'
        ? content.x509CertificateChain.certificates[0]?.rawBytes
        : undefined
  if (!raw) return false
  const leaf = X509Certificate.parse(Buffer.from(raw))
  return !material.certificateAuthorities.some(ca =>
    ca.certChain.some(cert => cert.subject.equals(leaf.issuer))
  )
}

function identityOf(signer: Signer): { identity?: string; issuer?: string } {
  return {
    identity: signer.identity?.subjectAlternativeName,
    issuer: signer.identity?.extensions?.issuer
  }
}
