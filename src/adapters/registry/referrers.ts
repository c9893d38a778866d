/**
 * Where publishers put signatures and attestations of a digest, read from the registry:
 * cosign's `sha256-<hex>.sig` tag (simple-signing layers), and the OCI 1.1 referrers API
 * with its fallback tag `sha256-<hex>` (Sigstore bundles). A place that does not exist is
 * "nothing there", never an error; every count is bounded, so a hostile registry cannot make
 * the run fetch without end.
 */
import type { Digest } from '../../domain/oci/digest.js'
import type { RegistryClient } from './client.js'
import { RegistryError } from './http.js'
import type { Descriptor, Manifest, RepositoryRef } from './manifest.js'

export const SIMPLE_SIGNING_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json'
export const SIGSTORE_BUNDLE_PREFIX = 'application/vnd.dev.sigstore.bundle'
export const COSIGN_ANNOTATIONS = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle'
} as const

/** At most this many signature layers or referrers are read per digest. */
export const MAX_ARTIFACTS = 10

export type SignatureArtifact =
  | {
      kind: 'simple-signing'
      payload: Buffer
      /** Base64 signature over the payload bytes. */
      signature: string
      /** Keyless (legacy layout): PEM certificate, chain and Rekor bundle annotations. */
      certificate?: string
      chain?: string
      bundle?: string
    }
  | { kind: 'sigstore-bundle'; bundle: unknown }

const hexOf = (digest: Digest): string => digest.slice('sha256:'.length)

/** cosign's tag scheme: `sha256:<hex>` becomes `sha256-<hex>` plus a suffix. */
export function cosignTag(digest: Digest, suffix: '' | '.sig'): string {
  return `sha256-${hexOf(digest)}${suffix}`
}

/**
 * Every signature artifact of `digest` this registry holds, in the two layouts; Sigstore
 * bundles only when `bundles` is set (a check against keys alone reads none: two requests
 * fewer per digest).
 */
export async function findSignatureArtifacts(
  client: RegistryClient,
  ref: RepositoryRef,
  digest: Digest,
  options: { bundles: boolean }
): Promise<SignatureArtifact[]> {
  const [legacy, bundles] = await Promise.all([
    simpleSignatures(client, ref, digest),
    options.bundles ? sigstoreBundles(client, ref, digest) : []
  ])
  return [...legacy, ...bundles]
}

async function manifestIfAny(
  client: RegistryClient,
  ref: RepositoryRef,
  reference: string
): Promise<Manifest | undefined> {
  try {
    return await client.fetchManifest(ref, reference)
  } catch (error) {
    if (error instanceof RegistryError && error.kind === 'not-found') return undefined
    throw error
  }
}

async function simpleSignatures(
  client: RegistryClient,
  ref: RepositoryRef,
  digest: Digest
): Promise<SignatureArtifact[]> {
  const manifest = await manifestIfAny(client, ref, cosignTag(digest, '.sig'))
  const layers = layersOf(manifest).filter(l => l.mediaType === SIMPLE_SIGNING_TYPE)
  const out: SignatureArtifact[] = []
  for (const layer of layers.slice(0, MAX_ARTIFACTS)) {
    const signature = layer.annotations?.[COSIGN_ANNOTATIONS.signature]
    if (typeof layer.digest !== 'string' || typeof signature !== 'string') continue
    out.push({
      kind: 'simple-signing',
      payload: await client.fetchBlob(ref, layer.digest),
      signature,
      certificate: layer.annotations?.[COSIGN_ANNOTATIONS.certificate],
      chain: layer.annotations?.[COSIGN_ANNOTATIONS.chain],
      bundle: layer.annotations?.[COSIGN_ANNOTATIONS.bundle]
    })
  }
  return out
}

async function sigstoreBundles(
  client: RegistryClient,
  ref: RepositoryRef,
  digest: Digest
): Promise<SignatureArtifact[]> {
  const index =
    (await client.fetchReferrers(ref, digest)) ??
    (await manifestIfAny(client, ref, cosignTag(digest, '')))
  const referrers = (index?.json.manifests ?? []).filter(
    (d: Descriptor & { artifactType?: string }) =>
      typeof d.digest === 'string' && d.artifactType?.startsWith(SIGSTORE_BUNDLE_PREFIX)
  )
  const out: SignatureArtifact[] = []
  for (const descriptor of referrers.slice(0, MAX_ARTIFACTS)) {
    const manifest = await client.fetchManifest(ref, descriptor.digest!)
    const layer = layersOf(manifest).find(l => l.mediaType?.startsWith(SIGSTORE_BUNDLE_PREFIX))
    if (typeof layer?.digest !== 'string') continue
    const bytes = await client.fetchBlob(ref, layer.digest)
    try {
      out.push({ kind: 'sigstore-bundle', bundle: JSON.parse(bytes.toString('utf8')) as unknown })
    } catch {
      // Not JSON: not a bundle, and so not a signature.
    }
  }
  return out
}

function layersOf(manifest: Manifest | undefined): Descriptor[] {
  const layers = (manifest?.json as { layers?: unknown } | undefined)?.layers
  return Array.isArray(layers) ? (layers as Descriptor[]) : []
}
