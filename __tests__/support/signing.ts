/**
 * Real signatures for the tests, made here and pushed to the real local registry in the
 * layouts publishers use: cosign's `sha256-<hex>.sig` tag with simple-signing layers, and
 * Sigstore bundles as referrers through the fallback tag `sha256-<hex>` (distribution 2.8
 * has no referrers API).
 */
import { type KeyObject, createHash, generateKeyPairSync, sign } from 'node:crypto'
import type { RegistryHandle } from '../../scripts/registry/harness.mjs'

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json'
export const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json'
const EMPTY_CONFIG = 'application/vnd.oci.empty.v1+json'

export interface KeyPair {
  privateKey: KeyObject
  publicKeyPem: string
}

/** An ECDSA P-256 key pair, as `cosign generate-key-pair` makes. */
export function cosignKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
}

export function simpleSigningPayload(reference: string, digest: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': reference },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature'
      },
      optional: null
    })
  )
}

const hex = (digest: string): string => digest.replace(/^sha256:/, '')

export interface CosignSignOptions {
  /** The digest the payload names (another one for a replayed signature); the subject by default. */
  payloadDigest?: string
  /** Changes the payload after signing, as a tampering registry would. */
  tamper?: boolean
}

/** Signs `digest` with `key` and pushes the signature as `sha256-<hex>.sig`, as cosign does. */
export async function pushCosignSignature(
  registry: RegistryHandle,
  repo: string,
  digest: string,
  key: KeyObject,
  options: CosignSignOptions = {}
): Promise<void> {
  const reference = `${registry.host}/${repo}`
  const signed = simpleSigningPayload(reference, options.payloadDigest ?? digest)
  const signature = sign('sha256', signed, key).toString('base64')
  const payload = options.tamper
    ? simpleSigningPayload(`${reference}-tampered`, options.payloadDigest ?? digest)
    : signed
  await pushSignatureTag(registry, repo, digest, payload, {
    'dev.cosignproject.cosign/signature': signature
  })
}

/**
 * Pushes a keyless signature in cosign's layout before bundles: the `.sig` tag's layer is the
 * payload, with the signature, the certificate, its chain and Rekor's bundle as annotations.
 */
export async function pushKeylessSignature(
  registry: RegistryHandle,
  repo: string,
  digest: string,
  signed: { payload: Buffer; signature: string; certificate: string; chain: string; bundle: string }
): Promise<void> {
  await pushSignatureTag(registry, repo, digest, signed.payload, {
    'dev.cosignproject.cosign/signature': signed.signature,
    'dev.sigstore.cosign/certificate': signed.certificate,
    'dev.sigstore.cosign/chain': signed.chain,
    'dev.sigstore.cosign/bundle': signed.bundle
  })
}

async function pushSignatureTag(
  registry: RegistryHandle,
  repo: string,
  digest: string,
  payload: Buffer,
  annotations: Record<string, string>
): Promise<void> {
  const layerDigest = await registry.pushBlob(repo, payload)
  const config = Buffer.from('{}')
  const configDigest = await registry.pushBlob(repo, config)
  await registry.putManifest(repo, `sha256-${hex(digest)}.sig`, OCI_MANIFEST, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: EMPTY_CONFIG, digest: configDigest, size: config.length },
    layers: [{ mediaType: SIMPLE_SIGNING, digest: layerDigest, size: payload.length, annotations }]
  })
}

/**
 * Pushes Sigstore bundles (JSON) as referrers of `digest` and the fallback tag's index that
 * lists them, as `cosign attest --new-bundle-format` and attest-build-provenance do.
 */
export async function pushBundles(
  registry: RegistryHandle,
  repo: string,
  digest: string,
  subjectSize: number,
  bundles: readonly unknown[]
): Promise<void> {
  const config = Buffer.from('{}')
  const configDigest = await registry.pushBlob(repo, config)
  const manifests = []
  for (const bundle of bundles) {
    const bytes = Buffer.from(JSON.stringify(bundle))
    const layerDigest = await registry.pushBlob(repo, bytes)
    const pushed = await registry.putManifest(repo, null, OCI_MANIFEST, {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: BUNDLE_TYPE,
      config: { mediaType: EMPTY_CONFIG, digest: configDigest, size: config.length },
      layers: [{ mediaType: BUNDLE_TYPE, digest: layerDigest, size: bytes.length }],
      subject: { mediaType: OCI_MANIFEST, digest, size: subjectSize }
    })
    manifests.push({
      mediaType: OCI_MANIFEST,
      artifactType: BUNDLE_TYPE,
      digest: pushed.digest,
      size: pushed.size
    })
  }
  await registry.putManifest(repo, `sha256-${hex(digest)}`, OCI_INDEX, {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests
  })
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}
