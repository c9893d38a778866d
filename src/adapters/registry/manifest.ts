/**
 * What a registry serves, as data: the manifest media types and shapes, the checks on a
 * manifest answer's type, and the choice of one platform's manifest from an index.
 */
import {
  type Platform,
  type PlatformDescriptor,
  formatPlatform,
  platformMatches
} from '../../domain/oci/platform.js'
import { type Digest, isDigest, sha256Digest } from '../../domain/oci/digest.js'
import { type HttpResponse, RegistryError } from './http.js'
import { untrustedText } from '../../domain/text/untrusted.js'

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json'
} as const

/**
 * All four in one header: with fewer, distribution 2.8 answers 404 for OCI content or
 * silently converts a manifest list to a schema1 manifest with a different digest.
 */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest
].join(', ')
const KNOWN_MEDIA_TYPES = new Set<string>(Object.values(MEDIA_TYPES))
export const INDEX_TYPES = new Set<string>([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList])

export const MANIFEST_LIMIT = 4 * 1024 * 1024
export const BLOB_LIMIT = 4 * 1024 * 1024

export interface RepositoryRef {
  registry: string
  repository: string
}

export interface TagRef extends RepositoryRef {
  tag: string
}

export interface ResolvedDigest {
  digest: Digest
  mediaType: string
}

export interface Manifest {
  digest: Digest
  mediaType: string
  json: ManifestJson
}

export interface Descriptor {
  mediaType?: string
  digest?: string
  size?: number
  platform?: PlatformDescriptor
  annotations?: Record<string, string>
}

export interface ManifestJson {
  mediaType?: string
  manifests?: Descriptor[]
  config?: Descriptor
  layers?: Descriptor[]
  annotations?: Record<string, string>
}

export function selectPlatform(ref: TagRef, index: Manifest, platform: Platform): ResolvedDigest {
  const candidates = (index.json.manifests ?? []).filter(d => !isAttestation(d))
  const match = candidates.find(d => platformMatches(platform, d.platform))
  if (!match) {
    const offered =
      untrustedText(candidates.map(d => formatPlatform(d.platform)).join(', '), 200) || 'none'
    throw new RegistryError(
      'platform',
      `${describe(ref)} has no ${platform.text} manifest (the index offers ${offered})`
    )
  }
  if (typeof match.digest !== 'string' || !isDigest(match.digest)) {
    throw new RegistryError(
      'invalid-response',
      `${describe(ref)}: the index lists a malformed digest for ${platform.text}`
    )
  }
  return { digest: match.digest, mediaType: match.mediaType ?? MEDIA_TYPES.ociManifest }
}

export interface ImageConfig {
  os?: string
  architecture?: string
  variant?: string
  /** When the image was built (RFC 3339); untrusted, and 1970 for many reproducible builds. */
  created?: string
  config?: { Labels?: Record<string, string> | null }
}

export function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v
  }
  return out
}

export function isAttestation(d: Descriptor): boolean {
  return (
    d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (d.platform?.os === 'unknown' && d.platform?.architecture === 'unknown')
  )
}

export function checkMediaType(ref: TagRef, response: HttpResponse): string {
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (!KNOWN_MEDIA_TYPES.has(mediaType)) {
    throw new RegistryError(
      'invalid-response',
      `${describe(ref)}: unexpected content type "${untrustedText(mediaType, 100) || 'none'}" for a manifest`
    )
  }
  return mediaType
}

export function describe(ref: TagRef): string {
  return `${ref.registry}/${ref.repository}${ref.tag.startsWith('sha256:') ? '@' : ':'}${ref.tag}`
}

/**
 * A manifest answer (200) checked against itself: a manifest media type, bytes that hash to
 * the digest the registry claims and to the one asked for, and a JSON object.
 */
export function verifiedManifest(
  tagRef: TagRef,
  reference: string,
  response: HttpResponse
): Manifest {
  const mediaType = checkMediaType(tagRef, response)
  const digest = sha256Digest(response.body)
  const claimed = response.headers.get('docker-content-digest')?.trim()
  if (claimed && claimed !== digest) {
    throw new RegistryError(
      'digest-mismatch',
      `${describe(tagRef)}: the registry claims digest ${untrustedText(claimed, 80)} but the manifest bytes hash to ${digest}`
    )
  }
  if (isDigest(reference) && reference !== digest) {
    throw new RegistryError(
      'digest-mismatch',
      `${describe(tagRef)}: the manifest bytes hash to ${digest}`
    )
  }
  let json: ManifestJson
  try {
    json = JSON.parse(response.body.toString('utf8')) as ManifestJson
  } catch {
    throw new RegistryError(
      'invalid-response',
      `${describe(tagRef)}: the manifest is not valid JSON`
    )
  }
  if (json === null || typeof json !== 'object') {
    throw new RegistryError(
      'invalid-response',
      `${describe(tagRef)}: the manifest is not a JSON object`
    )
  }
  return { digest, mediaType, json }
}
