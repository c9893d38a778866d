/**
 * Discovery's steps in runUpdate. Before any registry is asked, the references in the files
 * become entries numbered after the config's (findDiscovered); they resolve with the config's
 * (resolveDiscovered), and every later stage (signatures, image facts, policies, pin health,
 * reviews) judges them as it judges a config entry. Once judged, the files are rewritten with
 * both (settleDiscovery) and the discovered entries join the plan (withDiscovery).
 */
import { stat } from 'node:fs/promises'
import type { ConfigEntry, ParsedConfig } from '../domain/config.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import type { Logger } from '../adapters/registry/http.js'
import type { WorkspaceFile } from '../adapters/fs/workspace-files.js'
import { type Move, computeMoves, entryKey, hasMoved, withFiles } from './moves.js'
import {
  type Discovery,
  discoverFiles,
  resolveTargets,
  rewriteDiscoveredFiles,
  settleTargets,
  targetEntry
} from './discover.js'
import type { PinnedFile } from './other-files.js'
import type { EntryResult, MatrixEntry, UpdateOptions, UpdateResult } from './update.js'
import { asCommitted, failuresOf, matrixEntry, updatesOf } from './plan-rows.js'
import { DISCOVER_FILES } from './discover.js'
import { findPinnedFiles } from './other-files.js'

/** The run's options with the globs to scan: discovery's defaults when the user names none. */
export type ScanOptions = UpdateOptions & { defaultFiles: boolean }

export function discoverScan(options: UpdateOptions): ScanOptions {
  const defaultFiles = options.discover !== undefined && !options.files?.length
  return { ...options, files: defaultFiles ? DISCOVER_FILES : options.files, defaultFiles }
}

/** Matrix mode: the discovered references as committed, after the config's entries. */
export async function discoverMatrix(
  plan: Omit<UpdateResult, 'written'>,
  scan: ScanOptions,
  logger: Logger
): Promise<Omit<UpdateResult, 'written'>> {
  if (!scan.discover) return plan
  const files = await findPinnedFiles({ ...scan, dryRun: true }, logger, scan.defaultFiles)
  const found = await findDiscovered(files, plan.config, scan, logger)
  const stage = settleDiscovery(found, found.entries.map(asCommitted), [], logger)
  return { ...withDiscovery(plan, stage), pinnedFiles: [] }
}

/** A config that is not there: discovery runs without one. */
export async function configMissing(path: string): Promise<boolean> {
  try {
    await stat(path)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
  }
}

export function emptyConfig(label: string): ParsedConfig {
  return { file: label, source: '', hasBom: false, entries: [], digestSlots: [] }
}

/** Discovery's part before any registry is asked: what the files hold, as entries. */
export interface FoundReferences {
  discovery: Discovery
  files: readonly WorkspaceFile[]
  texts: Map<string, Uint8Array>
  /** One entry per target, numbered after the config's, so every stage sees them as entries. */
  entries: ConfigEntry[]
}

export interface DiscoveredStage {
  discovery: Discovery
  results: EntryResult[]
  moves: Move[]
  /** Every file rewritten, by the config's moves, the discovered ones, or both. */
  pinnedFiles: PinnedFile[]
}

/**
 * Finds the references in the files. A reference a config entry pins is the config's alone:
 * which ones is known from the config as written (its entries' repositories and digests).
 */
export async function findDiscovered(
  files: readonly WorkspaceFile[],
  config: ParsedConfig,
  options: Pick<UpdateOptions, 'discover' | 'files'>,
  logger: Logger
): Promise<FoundReferences> {
  const settings = options.discover!
  const owned = computeMoves(config, [])
  const { targets, texts } = await discoverFiles(files, settings, owned, logger)
  const first = config.entries.length
  const entries = [...targets.values()].map((t, i) => (t.entry = targetEntry(t, first + i)))
  const discovery: Discovery = { settings, files: options.files ?? [], targets }
  return { discovery, files, texts, entries }
}

/** Resolves the found references, after the config's entries and like them. */
export function resolveDiscovered(
  found: FoundReferences,
  client: RegistryClient,
  options: Pick<UpdateOptions, 'concurrency' | 'words'>
): Promise<EntryResult[]> {
  const targets = [...found.discovery.targets.values()]
  const first = found.entries[0]?.index ?? 0
  return resolveTargets(targets, client, first, options.concurrency, options.words)
}

/**
 * The found references once every stage judged them (`results`, in the entries' order):
 * each target's digest, the files rewritten with them and the config's moves, and the moves.
 */
export function settleDiscovery(
  found: FoundReferences,
  results: readonly EntryResult[],
  configMoves: readonly Move[],
  logger: Logger
): DiscoveredStage {
  const { discovery, files, texts } = found
  settleTargets([...discovery.targets.values()], results)
  const pinnedFiles = rewriteDiscoveredFiles(files, texts, configMoves, discovery, logger)
  const moves = results
    .filter(r => r.current !== undefined)
    .map(r => ({
      entry: r.entry,
      key: entryKey(r.entry),
      previous: r.previous,
      // A failed or held reference's current is its previous digest: it stays.
      current: r.current!,
      files: []
    }))
  return { discovery, results: [...results], moves: withFiles(moves, pinnedFiles), pinnedFiles }
}

/** `{image, tag, digest, files, image_ref}`, in the form the files write the reference. */
function discoveredMatrixEntry(result: EntryResult): MatrixEntry {
  const { entry, current } = result
  const written = `${entry.image}:${entry.reference.tag}`
  return {
    ...matrixEntry(result),
    image_ref: current ? `${written}@${current}` : written
  }
}

/** The plan with the discovered entries after the config's, and every rewritten file. */
export function withDiscovery(
  plan: Omit<UpdateResult, 'written'>,
  stage: DiscoveredStage
): Omit<UpdateResult, 'written'> {
  const results = [...plan.results, ...stage.results]
  const moves = [...plan.moves, ...stage.moves]
  const updates = [...plan.updates, ...updatesOf(stage.moves, plan.reviews)]
  return {
    ...plan,
    results,
    moves,
    pinnedFiles: stage.pinnedFiles,
    changed: moves.some(hasMoved),
    matrix: { include: [...plan.matrix.include, ...stage.results.map(discoveredMatrixEntry)] },
    updates,
    failed: [...plan.failed, ...failuresOf(stage.results)],
    discovery: stage.discovery
  }
}
