/**
 * Where a moved image came from: the OCI `source` and `revision` labels of the old and
 * the new digest, which let a reviewer read the upstream commits between the two pins.
 */
import type { Platform } from '../domain/oci/platform.js'
import type { ConfigEntry } from '../domain/config.js'
import type { Digest } from '../domain/oci/digest.js'
import { imageKey } from '../domain/oci/reference.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import type { Logger } from '../adapters/registry/http.js'
import type { UpstreamInfo } from '../domain/pull-request/body.js'
import type { Move } from './moves.js'
import { DEFAULT_PLATFORM, type FactsLookup } from './image-facts.js'

export const SOURCE_LABEL = 'org.opencontainers.image.source'
export const REVISION_LABEL = 'org.opencontainers.image.revision'

export type { UpstreamInfo }

/**
 * Reads the labels of both digests of every moved entry, each distinct image once. Missing
 * labels or an old digest the registry no longer has only cost the links, never the run.
 */
export async function lookUpUpstream(
  client: RegistryClient,
  moved: ReadonlyArray<Pick<Move, 'entry' | 'previous' | 'current'>>,
  logger: Logger,
  facts: FactsLookup = () => undefined
): Promise<UpstreamInfo[]> {
  const cache = new Map<string, Promise<Record<string, string> | undefined>>()
  const labelsOf = (entry: ConfigEntry, digest: Digest) => {
    const platform: Platform = entry.platform ?? DEFAULT_PLATFORM
    const { registry, repository } = entry.reference
    // The facts stage read these labels already; only a source without labels (Docker Hub's
    // tags API) or a digest it did not read sends the links to the registry.
    const known = facts({ registry, repository }, digest)
    if (known?.labelsRead) return Promise.resolve(known.labels)
    const key = imageKey({ registry, repository, digest }, platform)
    let pending = cache.get(key)
    if (!pending) {
      pending = client.imageLabels(entry.reference, digest, platform).catch((error: unknown) => {
        logger.debug(
          `no upstream labels for ${key}: ${error instanceof Error ? error.message : String(error)}`
        )
        return undefined
      })
      cache.set(key, pending)
    }
    return pending
  }
  return Promise.all(
    moved.map(async ({ entry, previous, current }) => {
      const [before, after] = await Promise.all([
        previous ? labelsOf(entry, previous) : undefined,
        labelsOf(entry, current)
      ])
      const info: UpstreamInfo = {}
      const source = after?.[SOURCE_LABEL] ?? before?.[SOURCE_LABEL]
      if (source) info.source = source
      if (before?.[REVISION_LABEL]) info.previousRevision = before[REVISION_LABEL]
      if (after?.[REVISION_LABEL]) info.currentRevision = after[REVISION_LABEL]
      return info
    })
  )
}
