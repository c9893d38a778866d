/**
 * Discovery as one stage of runUpdate: after the config's entries resolved, find the
 * references in the files, resolve each distinct one, rewrite the files with both, and
 * fold the discovered entries into the plan (results, moves, updates, failures, matrix).
 */
import { stat } from 'node:fs/promises'
import type { ParsedConfig } from '../domain/config.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import type { Logger } from '../adapters/registry/http.js'
import type { WorkspaceFile } from '../adapters/fs/workspace-files.js'
import { type Move, hasMoved, withFiles } from './moves.js'
import {
  type DiscoveredTarget,
  type Discovery,
  type ResolvedTarget,
  discoverFiles,
  resolveTargets,
  rewriteDiscoveredFiles,
  targetEntry
} from './discover.js'
import type { PinnedFile } from './other-files.js'
import type { EntryResult, MatrixEntry, UpdateOptions, UpdateResult } from './update.js'
import { failuresOf, matrixEntry, updatesOf } from './plan-rows.js'
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
  const found = await findPinnedFiles({ ...scan, dryRun: true }, logger, scan.defaultFiles)
  const stage = await runDiscovery(found, plan.config, [], scan, undefined, logger)
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

export interface DiscoveredStage {
  discovery: Discovery
  results: EntryResult[]
  moves: Move[]
  /** Every file rewritten, by the config's moves, the discovered ones, or both. */
  pinnedFiles: PinnedFile[]
}

/**
 * Finds, resolves (unless `client` is undefined: matrix mode reads what is committed) and
 * rewrites. `configMoves` are the config's; references they pin are theirs alone.
 */
export async function runDiscovery(
  files: readonly WorkspaceFile[],
  config: ParsedConfig,
  configMoves: readonly Move[],
  options: Pick<UpdateOptions, 'concurrency' | 'words' | 'discover' | 'files'>,
  client: RegistryClient | undefined,
  logger: Logger
): Promise<DiscoveredStage> {
  const settings = options.discover!
  const patterns = options.files ?? []
  const { targets, texts } = await discoverFiles(files, settings, configMoves, logger)
  const list = [...targets.values()]
  const first = config.entries.length
  const resolved: ResolvedTarget[] = client
    ? await resolveTargets(list, client, first, options.concurrency, options.words)
    : list.map((target, i) => asCommitted(target, first + i))
  const discovery: Discovery = { settings, files: patterns, targets }
  const pinnedFiles = rewriteDiscoveredFiles(files, texts, configMoves, discovery, logger)
  const moves = resolved
    .filter(r => r.current !== undefined)
    .map(r => ({
      entry: r.entry,
      key: r.entry.name,
      previous: r.previous,
      current: r.status === 'failed' ? r.previous! : r.current!,
      files: []
    }))
  return { discovery, results: resolved, moves: withFiles(moves, pinnedFiles), pinnedFiles }
}

function asCommitted(target: DiscoveredTarget, index: number): ResolvedTarget {
  target.entry = targetEntry(target, index)
  const previous = target.entry.digest
  return { entry: target.entry, status: 'as-committed', previous, current: previous }
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
  const updates = [...plan.updates, ...updatesOf(stage.moves)]
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
