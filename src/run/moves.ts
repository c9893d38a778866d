/**
 * The one model of what a run moved. A Move is one config entry with the digest it held and
 * the digest it ends on; computeMoves derives them for any copy of the config (the workspace's,
 * or the base branch's for the pull request) from the same per-entry results, and everything
 * that reports or writes a move (the config rewrite, the other files, the `updates` output,
 * the pull-request body) reads these and nothing else.
 */
import { type ConfigEntry, type ParsedConfig, rewriteDigests } from '../domain/config.js'
import type { Digest } from '../domain/oci/digest.js'
import { imageKey, repositoryName } from '../domain/oci/reference.js'
import type { DigestMove } from '../domain/pinned-files.js'

export interface Move {
  /** The entry, as the config the moves were computed for holds it. */
  entry: ConfigEntry
  /** The entry's imageKey: entries with the same key resolve alike, in any copy of the config. */
  key: string
  /** The digest the config holds; undefined when the entry is pinned now. */
  previous?: Digest
  /** The digest it ends on: the one resolved, or `previous` again when it stays. */
  current: Digest
  /** Other files (forward slashes) where this entry's digest was replaced. */
  files: string[]
}

/** What computeMoves needs of a per-entry result. */
export interface ResolvedEntry {
  entry: ConfigEntry
  status: 'unchanged' | 'updated' | 'pinned' | 'failed' | 'as-committed' | 'held'
  previous?: Digest
  current?: Digest
}

export function entryKey(entry: ConfigEntry): string {
  return imageKey(entry.reference, entry.platform)
}

export function hasMoved(move: Move): boolean {
  return move.current !== move.previous
}

/** True when at least one of the moves changes a digest. */
export function anyMoved(moves: readonly Move[]): boolean {
  return moves.some(hasMoved)
}

/**
 * Every entry of `config` that holds or gets a digest, with the digest it ends on. An entry
 * the results are about ends on its own result: the resolved digest when it moved, else the
 * one it held (unchanged, or not verified). An entry of another copy of the config, such as
 * the base branch's, ends on the digest this run resolved for its key, or keeps its own when
 * the run could not verify that key or does not know it. Entries that stay are kept: a
 * reference in another file moves only when every entry holding its digest agrees.
 */
export function computeMoves(config: ParsedConfig, results: readonly ResolvedEntry[]): Move[] {
  const own = new Map<ConfigEntry, ResolvedEntry>()
  const resolved = new Map<string, Digest>()
  for (const r of results) {
    own.set(r.entry, r)
    // A held entry's current is its old digest: another copy of the config keeps its own.
    if (r.status !== 'failed' && r.status !== 'as-committed' && r.status !== 'held' && r.current)
      resolved.set(entryKey(r.entry), r.current)
  }
  const moves: Move[] = []
  for (const entry of config.entries) {
    const key = entryKey(entry)
    const result = own.get(entry)
    let previous = entry.digest
    let current: Digest | undefined
    if (result) {
      const moved = (result.status === 'updated' || result.status === 'pinned') && result.current
      previous = result.previous
      current = moved ? result.current : result.previous
    } else {
      current = resolved.get(key) ?? previous
    }
    if (current !== undefined) moves.push({ entry, key, previous, current, files: [] })
  }
  return moves
}

/** The config's text with every moved digest rewritten; undefined when none moved. */
export function rewriteConfig(config: ParsedConfig, moves: readonly Move[]): string | undefined {
  const moved = new Map(moves.filter(hasMoved).map(m => [m.entry.index, m.current]))
  return moved.size > 0 ? rewriteDigests(config, moved) : undefined
}

/** The moves other files are searched with: those of entries that held a digest. */
export function pinnedMoves(moves: readonly Move[]): Array<Move & DigestMove> {
  return moves
    .filter((m): m is Move & { previous: Digest } => m.previous !== undefined)
    .map(m => ({
      ...m,
      name: m.entry.name,
      repository: repositoryName(m.entry.reference),
      tag: m.entry.reference.tag
    }))
}

/** The moves with the files each one touched, in the order the files are given. */
export function withFiles(
  moves: readonly Move[],
  files: ReadonlyArray<{ path: string; entries: readonly number[] }>
): Move[] {
  return moves.map(m => ({
    ...m,
    files: files.filter(f => f.entries.includes(m.entry.index)).map(f => f.path)
  }))
}
