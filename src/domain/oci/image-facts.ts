/**
 * What a registry says about one digest, beyond the digest itself: when it was made, how big
 * each platform's image is, which platforms an index offers, its base image and its labels.
 * Read once per digest and run (src/run/image-facts.ts), shared by the pull-request details,
 * the summary, the outputs, the policies and the upstream links.
 */
import type { Digest } from './digest.js'

/** Where a creation time came from, best first. */
export type CreatedSource = 'docker-hub' | 'github-packages' | 'image-config' | 'first-seen'

export interface CreatedTime {
  /** RFC 3339, UTC. */
  at: string
  source: CreatedSource
}

/** One platform's image manifest. Attestation entries (`unknown/unknown`) are never listed. */
export interface PlatformImage {
  /** `os/architecture[/variant]`, e.g. `linux/amd64`. */
  platform: string
  digest: Digest
  /** Compressed bytes: the config blob plus every layer, as the manifest's descriptors state. */
  size: number
  /** The layer digests in order; equal lists mean an identical filesystem. */
  layers: readonly Digest[]
}

export interface ImageFacts {
  digest: Digest
  /** Undefined when no source could tell. */
  created?: CreatedTime
  /** One entry for a single-platform manifest; the index's platforms otherwise. */
  platforms: readonly PlatformImage[]
  isIndex: boolean
  /** From `org.opencontainers.image.base.name` / `.base.digest` (manifest or index annotations). */
  base?: { name: string; digest: Digest }
  /** The image config's labels (of the default platform for an index); untrusted text. */
  labels: Readonly<Record<string, string>>
  /**
   * False when the source gives no labels (Docker Hub's tags API): `labels` is empty then and
   * whoever needs them (the upstream links) reads them from the image itself.
   */
  labelsRead?: boolean
}

export interface BaseMove {
  name: string
  previous: Digest | null
  current: Digest
}

/** The old digest's facts against the new one's: what a reviewer judges a bump by. */
export interface ImageComparison {
  created: CreatedTime | null
  /** `{platform: bytes}` of the new and of the old digest. */
  size: Record<string, number>
  previousSize: Record<string, number>
  platformsAdded: string[]
  platformsRemoved: string[]
  /** Null when the new digest names no base image. */
  base: BaseMove | null
  /** True when both digests are known and every platform's layer list is unchanged. */
  identicalLayers: boolean
}

function sizes(facts: ImageFacts | undefined): Record<string, number> {
  const out: Record<string, number> = {}
  for (const p of facts?.platforms ?? []) out[p.platform] = p.size
  return out
}

/** Pure. `previous` is undefined for a newly pinned entry or an old digest the registry lost. */
export function compareImages(
  previous: ImageFacts | undefined,
  current: ImageFacts
): ImageComparison {
  const before = new Map((previous?.platforms ?? []).map(p => [p.platform, p]))
  const after = new Map(current.platforms.map(p => [p.platform, p]))
  // An empty list is a source that knows no layers (Docker Hub's tags API), not an empty image.
  const sameLayers = (a: readonly Digest[], b: readonly Digest[]): boolean =>
    a.length > 0 && a.length === b.length && a.every((d, i) => d === b[i])
  const identicalLayers =
    previous !== undefined &&
    before.size === after.size &&
    after.size > 0 &&
    [...after].every(([platform, p]) => {
      const old = before.get(platform)
      return old !== undefined && sameLayers(old.layers, p.layers)
    })
  return {
    created: current.created ?? null,
    size: sizes(current),
    previousSize: sizes(previous),
    platformsAdded: previous ? [...after.keys()].filter(p => !before.has(p)) : [],
    platformsRemoved: previous ? [...before.keys()].filter(p => !after.has(p)) : [],
    base: current.base
      ? {
          name: current.base.name,
          previous: previous?.base?.digest ?? null,
          current: current.base.digest
        }
      : null,
    identicalLayers
  }
}
