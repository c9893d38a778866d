/**
 * Update mode's stages, in order: find the references in the files (with discovery), resolve
 * and check signatures, read the moved digests' facts, apply the policies, check the pins,
 * rewrite the config and other files (and the discovered references), review each move, and
 * write. Discovered references are entries after the config's, judged by the same stages.
 */
import type { ConfigEntry, ParsedConfig } from '../domain/config.js'
import type { MoveReview } from '../domain/review.js'
import { writeFileAtomic } from '../adapters/fs/atomic-write.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import type { Logger } from '../adapters/registry/http.js'
import {
  type FoundReferences,
  type ScanOptions,
  findDiscovered,
  resolveDiscovered,
  settleDiscovery,
  withDiscovery
} from './discover-stage.js'
import { readImageFacts } from './image-facts.js'
import { computeMoves, withFiles } from './moves.js'
import { findPinnedFiles, rewritePinnedFiles } from './other-files.js'
import { checkPins, withRunReports } from './pin-health.js'
import { type PolicyFlags, applyPolicies } from './policies.js'
import { resolveEntries } from './resolve.js'
import { DEFAULT_SIZE_WARN_FRACTION, reviewMoves } from './review.js'
import { prepareSignatures, withSignatures } from './signatures.js'
import { type UpdateOptions, type UpdateResult, planUpdate } from './update.js'

export async function updateMode(
  options: UpdateOptions,
  config: ParsedConfig,
  scan: ScanOptions,
  client: RegistryClient,
  logger: Logger,
  onProgress?: (done: number, total: number) => void
): Promise<UpdateResult> {
  // Globs, keys and trust roots are read before any registry is asked, so bad ones fail fast.
  const candidates = await findPinnedFiles(scan, logger, scan.defaultFiles)
  // Discovered references are entries after the config's: every stage below judges both alike.
  const found = scan.discover ? await findDiscovered(candidates, config, scan, logger) : undefined
  const entries = [...config.entries, ...(found?.entries ?? [])]
  // Signatures first: a digest its publisher did not sign is refused before anything is read of it.
  const { results: resolved, signed } = await resolveAndVerify(
    options,
    { config, entries, found },
    client,
    logger,
    onProgress
  )
  const { reviewSources } = options
  const facts = await readImageFacts(client, resolved, { reviewSources, logger })
  // The policies judge each candidate by the facts just read: its age, size and platforms.
  const policed = options.policies
    ? await applyPolicies(resolved, { ...options.policies, facts: facts.lookup }, logger)
    : { results: resolved, held: [], flags: [] }
  const results = policed.results
  const pins = options.checkPins
    ? await checkPins(results, client, options.concurrency, options.words)
    : undefined
  const configResults = results.slice(0, config.entries.length)
  // A failed entry's current is its previous digest: it stays, and holds back what it shares.
  const moves = computeMoves(config, configResults)
  const stage = found
    ? settleDiscovery(found, results.slice(config.entries.length), moves, logger)
    : undefined
  const pinned = stage ? stage.pinnedFiles : await rewritePinnedFiles(candidates, moves, logger)
  const sizeWarnIncrease = options.sizeWarnIncrease ?? DEFAULT_SIZE_WARN_FRACTION
  const reviewed = [...moves, ...(stage?.moves ?? [])]
  const reviews = withPolicyFlags(
    await reviewMoves(reviewed, facts, { sizeWarnIncrease, reviewSources }),
    policed.flags
  )
  const configPlan = planUpdate('update', config, configResults, {
    pinnedFiles: pinned,
    moves: withFiles(moves, pinned),
    reviews
  })
  const plan = withSignatures(stage ? withDiscovery(configPlan, stage) : configPlan, signed)
  const written = await writePlan(options, plan)
  return {
    ...withRunReports({ ...plan, held: [...policed.held, ...plan.held] }, pins, client),
    written,
    facts: facts.lookup
  }
}

/** Writes what the plan changed, unless it is a dry run; true when anything was written. */
async function writePlan(
  options: UpdateOptions,
  plan: Omit<UpdateResult, 'written'>
): Promise<boolean> {
  if (options.dryRun || (plan.newText === undefined && plan.pinnedFiles.length === 0)) return false
  if (plan.newText !== undefined) await writeFileAtomic(options.configPath, plan.newText)
  // After the config, which is the record of what is pinned: if a write below fails, a
  // rerun finds these files still on the old digest and the config telling it which one.
  for (const file of plan.pinnedFiles) await writeFileAtomic(file.absolutePath, file.newText)
  return true
}

/**
 * Resolution of the config's entries, then of the discovered ones, then the signature stage
 * (issue 16) on all of them, which may keep some entries' old digests.
 */
async function resolveAndVerify(
  options: UpdateOptions,
  run: { config: ParsedConfig; entries: ConfigEntry[]; found?: FoundReferences },
  client: RegistryClient,
  logger: Logger,
  onProgress?: (done: number, total: number) => void
) {
  const { config, entries, found } = run
  const workspace = options.workspace ?? process.cwd()
  const all = { ...config, entries }
  const stage = await prepareSignatures(all, options.signatures, workspace, logger)
  const resolved = await resolveEntries(
    config,
    client,
    options.concurrency,
    onProgress,
    options.words
  )
  if (found) resolved.push(...(await resolveDiscovered(found, client, options)))
  const signed = await stage?.check(resolved, client, options.concurrency)
  return { results: signed?.results ?? resolved, signed }
}

/** A policy's warnings (a size over its limit) join the review's flags: they keep auto-merge off. */
function withPolicyFlags(reviews: MoveReview[], flags: readonly PolicyFlags[]): MoveReview[] {
  if (flags.length === 0) return reviews
  return reviews.map(review => {
    const extra = flags
      .filter(
        f => f.key === review.key && f.previous === review.previous && f.current === review.current
      )
      .flatMap(f => f.flags)
    return extra.length > 0 ? { ...review, flags: [...review.flags, ...extra] } : review
  })
}
