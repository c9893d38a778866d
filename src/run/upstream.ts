/**
 * Where a moved image came from: the OCI `source` and `revision` labels of the old and
 * the new digest, which let a reviewer read the upstream commits between the two pins.
 */
import { parsePlatform, type Platform } from '../domain/oci/platform.js'
import type { ConfigEntry } from '../domain/config.js'
import type { Digest } from '../domain/oci/digest.js'
import { imageKey } from '../domain/oci/reference.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import type { Logger } from '../adapters/registry/http.js'
import type { UpstreamInfo } from '../domain/pull-request/body.js'
import type { Move } from './moves.js'

export const SOURCE_LABEL = 'org.opencontainers.image.source'
export const REVISION_LABEL = 'org.opencontainers.image.revision'

/** An index's labels are read from this platform's image unless the entry names one. */
const DEFAULT_PLATFORM = parsePlatform('linux/amd64')

export type { UpstreamInfo }

/**
 * Reads the labels of both digests of every moved entry, each distinct image once. Missing
 * labels or an old digest the registry no longer has only cost the links, never the run.
 */
export async function lookUpUpstream(
  client: RegistryClient,
  moved: ReadonlyArray<Pick<Move, 'entry' | 'previous' | 'current'>>,
  logger: Logger
): Promise<UpstreamInfo[]> {
  const cache = new Map<string, Promise<Record<string, string> | undefined>>()
  const labelsOf = (entry: ConfigEntry, digest: Digest) => {
    const platform: Platform = entry.platform ?? DEFAULT_PLATFORM
    const { registry, repository } = entry.reference
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
