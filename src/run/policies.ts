/**
 * The policies stage of runUpdate (issue 15): after resolution (and the facts), every entry
 * whose digest moved is put to the engine (src/domain/policy/engine.ts). A held or refused
 * candidate is not proposed: its entry keeps the old digest (status `held`, in the file and
 * in the matrix) and is listed in `held`; a moved immutable tag fails its entry. The
 * first-seen times the cooldown falls back to are read from, and written to, a store in the
 * repository (a port: src/adapters/github/first-seen.ts, or none).
 */
import type { Digest } from '../domain/oci/digest.js'
import type { ImageFacts } from '../domain/oci/image-facts.js'
import {
  type PolicyDecision,
  type PolicySettings,
  decide,
  minAgeFor
} from '../domain/policy/engine.js'
import { formatImageReference, repositoryName } from '../domain/oci/reference.js'
import type { HeldUpdate } from '../domain/review.js'
import type { FirstSeenChanges, FirstSeenRecord } from '../domain/policy/first-seen.js'
import type { Logger } from '../adapters/registry/http.js'
import { entryKey } from './moves.js'
import { notice } from './other-files.js'
import type { EntryResult } from './update.js'

/** What team facts' stage knows of a digest (the same signature as src/run/image-facts.ts). */
export type FactsLookup = (
  repository: { registry: string; repository: string },
  digest: Digest
) => ImageFacts | undefined

/**
 * Tests only: the time a run takes as now, read by each edge from its environment, so a
 * cooldown can be crossed without sleeping. Whoever sets a job's environment can edit the
 * workflow too, so it grants nothing.
 */
export const TEST_NOW_VARIABLE = 'IMAGE_DIGEST_UPDATER_TEST_NOW'

export function runClock(testNow: string | undefined): Date {
  if (!testNow) return new Date()
  const at = Date.parse(testNow)
  if (!Number.isFinite(at)) throw new Error(`${TEST_NOW_VARIABLE} is not a time: ${testNow}`)
  return new Date(at)
}

/** Nothing is known: only first-seen times (and the immutable gate) apply. */
export const NO_FACTS: FactsLookup = () => undefined

export type { FirstSeenChanges, FirstSeenRecord } from '../domain/policy/first-seen.js'

/** The port: src/adapters/github/first-seen.ts keeps the times in the repository. */
export interface FirstSeenStore {
  /** Where the times live, for messages. */
  readonly location: string
  /** Tag key (the entry's imageKey) → record. */
  load(): Promise<Map<string, FirstSeenRecord>>
  save(changes: FirstSeenChanges): Promise<void>
}

export interface PolicyOptions {
  settings: PolicySettings
  now: Date
  facts: FactsLookup
  /** Undefined when the run has none (the CLI without a repository): first-seen cannot count. */
  store?: FirstSeenStore
  /** False on dry runs: the store is read, never written. */
  persist: boolean
}

/** Flags for a proposed move (a size warning); the reviews take them (MoveReview.flags). */
export interface PolicyFlags {
  key: string
  previous: Digest
  current: Digest
  flags: string[]
}

export interface PolicyOutcome {
  results: EntryResult[]
  held: HeldUpdate[]
  flags: PolicyFlags[]
}

type MovedResult = EntryResult & { previous: Digest; current: Digest }

/** Turns held, refused and immutable moves into kept digests; the rest pass as they are. */
export async function applyPolicies(
  results: readonly EntryResult[],
  options: PolicyOptions,
  logger: Logger
): Promise<PolicyOutcome> {
  const { settings } = options
  const moved = results.filter(
    (r): r is MovedResult =>
      r.status === 'updated' && r.previous !== undefined && r.current !== undefined
  )
  const wantsFirstSeen =
    settings.minAgeUnknown === 'first-seen' &&
    moved.some(r => minAgeFor(r.entry.policy ?? {}, settings) !== undefined)
  const known = wantsFirstSeen ? await loadFirstSeen(options.store, logger) : undefined
  const put = new Map<string, FirstSeenRecord>()
  const held: HeldUpdate[] = []
  const flags: PolicyFlags[] = []
  const decided = new Map<EntryResult, PolicyDecision>()
  for (const r of moved) {
    let firstSeen: string | undefined
    if (known && minAgeFor(r.entry.policy ?? {}, settings)) {
      // A new digest for the tag restarts the clock: a bad push quickly replaced never ages.
      const record = known.get(storeKey(r.entry))
      firstSeen = record?.digest === r.current ? record.first_seen : isoSeconds(options.now)
      put.set(storeKey(r.entry), { digest: r.current, first_seen: firstSeen })
    }
    const decision = decideEntry(r, firstSeen, options)
    decided.set(r, decision)
    if (decision.kind !== 'propose') held.push(heldUpdate(r, decision))
    else if (decision.flags.length > 0)
      flags.push({
        key: entryKey(r.entry),
        previous: r.previous,
        current: r.current,
        flags: decision.flags
      })
  }
  if (known && options.store && options.persist) {
    // A pin that caught up with its tag needs no record; a failed entry keeps its clock.
    const remove = new Set(
      results.filter(r => r.status === 'unchanged').map(r => storeKey(r.entry))
    )
    for (const key of put.keys()) remove.delete(key)
    await saveFirstSeen(options.store, { put, remove }, logger)
  }
  return { results: results.map(r => keptIfNotProposed(r, decided.get(r))), held, flags }
}

function decideEntry(
  r: MovedResult,
  firstSeen: string | undefined,
  { facts, settings, now }: PolicyOptions
): PolicyDecision {
  const image = { registry: r.entry.reference.registry, repository: r.entry.reference.repository }
  return decide(
    {
      tag: r.entry.reference.tag,
      policy: r.entry.policy ?? {},
      previous: r.previous,
      candidate: r.current,
      previousFacts: facts(image, r.previous),
      candidateFacts: facts(image, r.current),
      firstSeen
    },
    settings,
    now
  )
}

function heldUpdate(
  r: MovedResult,
  decision: Exclude<PolicyDecision, { kind: 'propose' }>
): HeldUpdate {
  return {
    name: r.entry.name,
    image: repositoryName(r.entry.reference),
    tag: r.entry.reference.tag,
    current: r.previous,
    candidate: r.current,
    reason: decision.reason,
    until: decision.until,
    kind: decision.kind
  }
}

/** A tag's key in the store, as a person reads it: `ghcr.io/o/app:1.2`, then ` linux/arm64` when pinned per platform. */
function storeKey(entry: EntryResult['entry']): string {
  const image = formatImageReference({ ...entry.reference, digest: undefined })
  return entry.platform ? `${image} ${entry.platform.text}` : image
}

/** The `held` output's rows: every update not proposed, with why and when it may be. */
export function heldOutput(held: readonly HeldUpdate[]): Array<Omit<HeldUpdate, 'kind'>> {
  return held.map(({ name, image, tag, current, candidate, reason, until }) => ({
    name,
    image,
    tag,
    current,
    candidate,
    reason,
    until
  }))
}

function keptIfNotProposed(r: EntryResult, decision: PolicyDecision | undefined): EntryResult {
  if (!decision || decision.kind === 'propose') return r
  const kept = { ...r, current: r.previous, candidate: r.current, policy: decision.kind }
  if (decision.kind === 'error') return { ...kept, status: 'failed', error: decision.reason }
  return { ...kept, status: 'held', reason: decision.reason }
}

async function loadFirstSeen(
  store: FirstSeenStore | undefined,
  logger: Logger
): Promise<Map<string, FirstSeenRecord> | undefined> {
  if (!store) {
    notice(
      logger,
      'min-age: no first-seen store in this run (it needs a GitHub repository and token), so digests without a push or build time wait'
    )
    return undefined
  }
  try {
    return await store.load()
  } catch (error) {
    logger.warning(
      `min-age: cannot read the first-seen times from ${store.location} (${(error as Error).message}); digests without a push or build time wait`
    )
    return undefined
  }
}

async function saveFirstSeen(
  store: FirstSeenStore,
  changes: FirstSeenChanges,
  logger: Logger
): Promise<void> {
  try {
    await store.save(changes)
  } catch (error) {
    logger.warning(
      `min-age: cannot save the first-seen times to ${store.location} (${(error as Error).message}); their clocks start again next run`
    )
  }
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
