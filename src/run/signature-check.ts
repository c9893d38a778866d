/**
 * One digest's signatures, found and verified: key-based cosign signatures against the
 * entry's keys; Sigstore bundles and cosign's legacy keyless signatures against the trusted
 * root and the entry's `signed_by`; SLSA provenance from the bundles' in-toto statements. A
 * registry that cannot be asked, or a signature that does not verify, leaves the digest
 * unsigned with the reason: never a crash.
 */
import type { Digest } from '../domain/oci/digest.js'
import { NEUTRAL_WORDS, describeError } from '../domain/errors.js'
import {
  IN_TOTO_PAYLOAD_TYPE,
  parseSimpleSigning,
  parseStatement,
  provenanceSource
} from '../domain/signature/payload.js'
import {
  type DigestSignatures,
  type SignedBy,
  type Signer,
  matchesSignedBy,
  sameSigner
} from '../domain/signature/policy.js'
import { untrustedText } from '../domain/text/untrusted.js'
import type { RegistryClient, RepositoryRef } from '../adapters/registry/client.js'
import { type SignatureArtifact, findSignatureArtifacts } from '../adapters/registry/referrers.js'
import { type TrustedKey, verifyWithKeys } from '../adapters/signature/keys.js'
import { legacyBundle } from '../adapters/signature/legacy-bundle.js'
import type { BundleVerifier } from '../adapters/signature/sigstore.js'

export interface Trust {
  keys: readonly TrustedKey[]
  signedBy?: SignedBy
  /** The entry asks for build provenance, which only Sigstore bundles carry. */
  provenance: boolean
}

/**
 * The trusted root of the keyless checks: the sigstore-trusted-root file, or none for the
 * public-good root shipped with the action; `override` is how the edge names that setting.
 */
export interface TrustRoot {
  json?: unknown
  override: string
}

/** One verifier per trusted root and run: loading the Sigstore libraries costs start-up time. */
const verifiers = new WeakMap<TrustRoot, Promise<BundleVerifier>>()

function bundleVerifier(root: TrustRoot): Promise<BundleVerifier> {
  let pending = verifiers.get(root)
  if (!pending) {
    pending = import('../adapters/signature/sigstore.js').then(m =>
      m.createBundleVerifier(root.json, root.override)
    )
    verifiers.set(root, pending)
  }
  return pending
}

export async function verifyDigest(
  client: RegistryClient,
  ref: RepositoryRef,
  digest: Digest,
  trust: Trust,
  root: TrustRoot
): Promise<DigestSignatures> {
  const found: DigestSignatures = { signers: [], provenance: [] }
  let artifacts: SignatureArtifact[]
  try {
    artifacts = await findSignatureArtifacts(client, ref, digest, {
      bundles: trust.signedBy !== undefined || trust.provenance
    })
  } catch (error) {
    found.problem = `signatures could not be read: ${firstLine(describeError(error, NEUTRAL_WORDS))}`
    return found
  }
  const problems: string[] = []
  for (const artifact of artifacts) {
    try {
      if (artifact.kind === 'simple-signing')
        await checkSimpleSigning(artifact, digest, trust, root, found)
      else await checkBundle(artifact.bundle, digest, trust, root, found)
    } catch (error) {
      problems.push(firstLine((error as Error).message))
    }
  }
  if (artifacts.length === 0) found.problem = 'no signature found'
  else if (found.signers.length === 0 && found.provenance.length === 0)
    found.problem = problems[0] ?? 'no signature by a trusted signer'
  return found
}

function firstLine(text: string): string {
  return untrustedText(text.split('\n')[0] ?? text, 200)
}

/**
 * A `.sig` layer: keyless (a certificate beside it, and the entry names `signed_by`) through
 * the Sigstore libraries, else against the entry's keys.
 */
async function checkSimpleSigning(
  artifact: Extract<SignatureArtifact, { kind: 'simple-signing' }>,
  digest: Digest,
  trust: Trust,
  root: TrustRoot,
  found: DigestSignatures
): Promise<void> {
  let signer: Signer
  if (artifact.certificate !== undefined && trust.signedBy) {
    const verify = await bundleVerifier(root)
    const bundle = legacyBundle({ ...artifact, certificate: artifact.certificate })
    const verified = verify(bundle, artifact.payload)
    checkSignedBy(trust.signedBy, verified)
    signer = { identity: verified.identity, issuer: verified.issuer }
  } else {
    const key = verifyWithKeys(artifact.payload, artifact.signature, trust.keys)
    if (key === undefined) throw new Error('a signature does not verify with any trusted key')
    signer = { key }
  }
  // Only after the signature verified is the payload's claim worth reading.
  const payload = parseSimpleSigning(artifact.payload)
  if (typeof payload === 'string') throw new Error(payload)
  if (payload.dockerManifestDigest !== digest)
    throw new Error(`a signature signs ${payload.dockerManifestDigest}, not this digest`)
  addSigner(found, signer)
}

function checkSignedBy(
  signedBy: SignedBy | undefined,
  verified: { identity?: string; issuer?: string }
): void {
  if (!signedBy || !matchesSignedBy(signedBy, verified.identity, verified.issuer))
    throw new Error(
      `a signature by ${untrustedText(verified.identity ?? 'an unknown identity', 200)} is not the one signed_by names`
    )
}

function addSigner(found: DigestSignatures, signer: Signer): void {
  if (!found.signers.some(s => sameSigner(s, signer))) found.signers.push(signer)
}

async function checkBundle(
  bundle: unknown,
  digest: Digest,
  trust: Trust,
  root: TrustRoot,
  found: DigestSignatures
): Promise<void> {
  const verifier = await bundleVerifier(root)
  const verified = verifier(bundle)
  if (verified.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    throw new Error('a Sigstore bundle holds no in-toto statement')
  const statement = parseStatement(verified.payload)
  if (typeof statement === 'string') throw new Error(statement)
  if (!statement.subjects.includes(digest))
    throw new Error('a Sigstore bundle is about another digest')
  const source = provenanceSource(statement)
  if (source) {
    // The predicate is the builder's word; the certificate says which workflow signed it.
    const prefix = `${source.url.toLowerCase()}/`
    if (verified.identity?.toLowerCase().startsWith(prefix)) {
      found.provenance.push({ repository: source.repository, workflow: source.workflow })
    } else throw new Error(`a provenance for ${source.repository} was signed by another identity`)
    return
  }
  checkSignedBy(trust.signedBy, verified)
  addSigner(found, { identity: verified.identity, issuer: verified.issuer })
}
