/**
 * The facts stage of a run: what the registries (and GitHub's Packages API) say about the old
 * and the new digest of every entry that moved. Read once per digest and run, through the
 * registry client's caches; a digest whose facts cannot be read costs its details, never the
 * update.
 */
import type { Digest } from '../domain/oci/digest.js'
import type { ImageFacts } from '../domain/oci/image-facts.js'
import { type Platform, parsePlatform } from '../domain/oci/platform.js'
import { DOCKER_HUB } from '../domain/oci/reference.js'
import { NEUTRAL_WORDS, describeError } from '../domain/errors.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import { readDockerHubFacts } from '../adapters/registry/docker-hub.js'
import { readRegistryFacts } from '../adapters/registry/facts.js'
import type { Logger } from '../adapters/registry/http.js'
import { RATE_LIMIT_SKIP } from '../adapters/registry/rate-limit.js'
import type { ConfigEntry } from '../domain/config.js'
import type { GitHubReviewSources } from './review-sources.js'

/** Facts of a digest of a repository this run read; undefined when it read none. */
export type FactsLookup = (
  repository: { registry: string; repository: string },
  digest: Digest
) => ImageFacts | undefined

export interface FactsRead {
  lookup: FactsLookup
  /** Why the facts of a digest could not be read, in one line; undefined when they were. */
  failure(repository: { registry: string; repository: string }, digest: Digest): string | undefined
}

export interface FactsOptions {
  /** GitHub's answers (the Packages API's `created_at` for GHCR); none when not given. */
  reviewSources?: GitHubReviewSources
  logger: Logger
}

/** What readImageFacts needs of a per-entry result. */
export interface MovedEntry {
  entry: ConfigEntry
  status: string
  previous?: Digest
  current?: Digest
}

/** An index's labels and build time are read from this platform unless the entry names one. */
export const DEFAULT_PLATFORM = parsePlatform('linux/amd64')

export const NO_FACTS: FactsRead = { lookup: () => undefined, failure: () => undefined }

const keyOf = (r: { registry: string; repository: string }, digest: Digest) =>
  `${r.registry}/${r.repository}@${digest}`

/**
 * Details are read for at most this many digests a run: a run that moves a thousand images
 * would otherwise send thousands of GETs for a body that cannot show them all anyway.
 */
export const MAX_DETAILED_DIGESTS = 200

/** Counted requests one digest's details may cost: its manifest, a platform's, and its config. */
const FACTS_COST = 3

/**
 * The facts of the previous (if any) and current digest of every updated or pinned entry,
 * current digests first, up to `limit` digests. All are asked at once: the transport's cap on
 * requests in flight is the run's concurrency.
 */
export async function readImageFacts(
  client: RegistryClient,
  results: readonly MovedEntry[],
  options: FactsOptions,
  limit = MAX_DETAILED_DIGESTS
): Promise<FactsRead> {
  const facts = new Map<string, Promise<ImageFacts | undefined>>()
  const failures = new Map<string, string>()
  const read = (entry: ConfigEntry, digest: Digest, tagged: boolean): void => {
    const key = keyOf(entry.reference, digest)
    if (facts.has(key) || failures.has(key)) return
    if (facts.size >= limit) {
      failures.set(key, `not read: a run reads the details of at most ${limit} digests`)
      return
    }
    // Details are optional reads: on a registry whose rate limit runs low they give way to
    // the tags still to resolve. Docker Hub's tags API is no counted pull.
    const { registry } = entry.reference
    if (registry !== DOCKER_HUB && !client.budget.allowOptional(registry, FACTS_COST)) {
      failures.set(key, `${RATE_LIMIT_SKIP}: what is left of it is kept for resolving tags`)
      return
    }
    const pending = factsOf(client, entry, digest, tagged, options)
    facts.set(key, pending)
    pending.catch(() => undefined)
  }
  const moved = results.filter(
    r => (r.status === 'updated' || r.status === 'pinned') && r.current !== undefined
  )
  for (const r of moved) read(r.entry, r.current!, true)
  for (const r of moved)
    if (r.previous && r.previous !== r.current) read(r.entry, r.previous, false)
  const known = new Map<string, ImageFacts>()
  await Promise.all(
    [...facts].map(async ([key, pending]) => {
      try {
        const found = await pending
        if (found) known.set(key, found)
      } catch (error) {
        const reason = oneLine(describeError(error, NEUTRAL_WORDS))
        options.logger.debug(`no image details for ${key}: ${reason}`)
        failures.set(key, reason)
      }
    })
  )
  return {
    lookup: (repository, digest) => known.get(keyOf(repository, digest)),
    failure: (repository, digest) => failures.get(keyOf(repository, digest))
  }
}

/**
 * One digest's facts. On Docker Hub the tag's current digest is read from the Hub's tags
 * API, which is not a counted pull; the API describes no older digest, and reading one from
 * the registry would cost counted pulls, so an older Docker Hub digest is left unread
 * (undefined: its comparison has no previous sizes or platforms, and no failure is noted).
 */
async function factsOf(
  client: RegistryClient,
  entry: ConfigEntry,
  digest: Digest,
  tagged: boolean,
  options: FactsOptions
): Promise<ImageFacts | undefined> {
  const { reference } = entry
  const platform: Platform = entry.platform ?? DEFAULT_PLATFORM
  if (reference.registry === DOCKER_HUB) {
    if (!tagged) return undefined
    const hub = await readDockerHubFacts(
      client.transport,
      client.dockerHubApi,
      reference,
      digest,
      entry.platform
    )
    if (hub) return hub
    throw new Error(
      `Docker Hub's tags API names another digest for ${reference.repository}:${reference.tag} now`
    )
  }
  const [facts, packageCreated] = await Promise.all([
    readRegistryFacts(client, reference, digest, platform),
    options.reviewSources?.packageVersionCreated(reference, digest).catch((error: unknown) => {
      options.logger.debug(
        `no package version time for ${digest}: ${describeError(error, NEUTRAL_WORDS)}`
      )
      return undefined
    })
  ])
  const at = packageCreated ? Date.parse(packageCreated) : NaN
  return Number.isFinite(at)
    ? { ...facts, created: { at: new Date(at).toISOString(), source: 'github-packages' } }
    : facts
}

function oneLine(text: string): string {
  return text.split('\n')[0] ?? text
}
