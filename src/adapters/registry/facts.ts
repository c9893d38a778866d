/**
 * What a registry's manifests and image config say about one digest: its platforms, their
 * compressed sizes and layers, its base image, its labels and its build time. Every read goes
 * through the client's per-run caches, so resolution, these facts and the upstream labels
 * fetch each manifest and config blob at most once.
 */
import { type Digest, isDigest } from '../../domain/oci/digest.js'
import type { CreatedTime, ImageFacts, PlatformImage } from '../../domain/oci/image-facts.js'
import { type Platform, formatPlatform, platformMatches } from '../../domain/oci/platform.js'
import type { RegistryClient } from './client.js'
import { RegistryError } from './http.js'
import {
  type Descriptor,
  INDEX_TYPES,
  type ImageConfig,
  type Manifest,
  type RepositoryRef,
  describe,
  isAttestation,
  stringRecord
} from './manifest.js'

export const BASE_NAME_ANNOTATION = 'org.opencontainers.image.base.name'
export const BASE_DIGEST_ANNOTATION = 'org.opencontainers.image.base.digest'

/**
 * Reads the facts of `digest`. An index's labels and build time are those of its `platform`
 * image (the first platform when it has none such); labels are the annotations of the index
 * and of that manifest with the config's labels over them, as the upstream links read them.
 */
export async function readRegistryFacts(
  client: RegistryClient,
  ref: RepositoryRef,
  digest: Digest,
  platform: Platform
): Promise<ImageFacts> {
  const top = await client.fetchManifest(ref, digest)
  if (!INDEX_TYPES.has(top.mediaType)) {
    const config = await client.fetchConfig(ref, top)
    return {
      digest,
      created: configCreated(config),
      platforms: [platformImage(ref, top, formatPlatform(config))],
      isIndex: false,
      base: baseOf(top),
      labels: labelsOf([top], config),
      labelsRead: true
    }
  }
  const entries = (top.json.manifests ?? []).filter(d => !isAttestation(d))
  const manifests = await Promise.all(
    entries.map(d => client.fetchManifest(ref, descriptorDigest(ref, top, d)))
  )
  const chosen = Math.max(
    0,
    entries.findIndex(d => platformMatches(platform, d.platform))
  )
  const image = manifests[chosen]
  const config = image ? await client.fetchConfig(ref, image) : undefined
  return {
    digest,
    created: config ? configCreated(config) : undefined,
    platforms: manifests.map((m, i) => platformImage(ref, m, formatPlatform(entries[i]!.platform))),
    isIndex: true,
    base: baseOf(top) ?? (image ? baseOf(image) : undefined),
    labels: labelsOf(image ? [top, image] : [top], config),
    labelsRead: true
  }
}

function descriptorDigest(ref: RepositoryRef, index: Manifest, d: Descriptor): Digest {
  if (typeof d.digest === 'string' && isDigest(d.digest)) return d.digest
  throw new RegistryError(
    'invalid-response',
    `${describe({ ...ref, tag: index.digest })}: the index lists a malformed digest`
  )
}

/**
 * `os/arch[/variant]` from a registry's words: a platform is a key of the outputs and part of
 * a flag's line, so one that is not plain `linux/amd64`-like text is refused, never shown.
 */
export function isPlatformText(text: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{0,31}(\/[a-z0-9][a-z0-9._-]{0,31}){1,2}$/i.test(text)
}

/** Config plus layers, as the manifest's descriptors state their sizes. */
function platformImage(ref: RepositoryRef, manifest: Manifest, platform: string): PlatformImage {
  if (!isPlatformText(platform)) {
    throw new RegistryError(
      'invalid-response',
      `${describe({ ...ref, tag: manifest.digest })}: the registry names no plain platform for it`
    )
  }
  const layers = manifest.json.layers ?? []
  const descriptors = [manifest.json.config, ...layers]
  let size = 0
  for (const d of descriptors) {
    if (!d || typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
      throw new RegistryError(
        'invalid-response',
        `${describe({ ...ref, tag: manifest.digest })}: a descriptor of the manifest states no valid size`
      )
    }
    size += d.size
  }
  const digests = layers.map(l => l.digest ?? '')
  if (!digests.every(isDigest)) {
    throw new RegistryError(
      'invalid-response',
      `${describe({ ...ref, tag: manifest.digest })}: the manifest lists a malformed layer digest`
    )
  }
  return { platform, digest: manifest.digest, size, layers: digests }
}

function baseOf(manifest: Manifest): ImageFacts['base'] {
  const annotations = stringRecord(manifest.json.annotations)
  const name = annotations[BASE_NAME_ANNOTATION]
  const digest = annotations[BASE_DIGEST_ANNOTATION]
  return name && digest && isDigest(digest) ? { name, digest } : undefined
}

function labelsOf(manifests: readonly Manifest[], config: ImageConfig | undefined) {
  const labels: Record<string, string> = {}
  for (const m of manifests) Object.assign(labels, stringRecord(m.json.annotations))
  return Object.assign(labels, stringRecord(config?.config?.Labels))
}

/**
 * The config's `created` as RFC 3339 UTC. Reproducible builds often stamp the epoch (or
 * year 1): a time before 1980 says nothing about when the image was made, so it is unknown.
 */
export function configCreated(config: ImageConfig): CreatedTime | undefined {
  return createdAt(config.created, 'image-config')
}

export function createdAt(text: unknown, source: CreatedTime['source']): CreatedTime | undefined {
  if (typeof text !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(text)) return undefined
  const time = Date.parse(text)
  if (!Number.isFinite(time) || new Date(time).getUTCFullYear() < 1980) return undefined
  return { at: new Date(time).toISOString(), source }
}
