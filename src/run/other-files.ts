/**
 * Other files that pin the config's digests (Dockerfiles, compose files, manifests,
 * workflows): finding them under the workspace's globs and rewriting their references with a
 * run's moves. The pull request uses the same rewrite on the base branch's copies.
 */
import { readFile, stat } from 'node:fs/promises'
import {
  MAX_PINNED_FILE_BYTES,
  decodePinnedFile,
  rewritePinnedReferences,
  tooLarge
} from '../domain/pinned-files.js'
import type { Logger } from '../adapters/registry/http.js'
import { type WorkspaceFile, expandWorkspaceFiles } from '../adapters/fs/workspace-files.js'
import { checkWorkspacePath } from '../adapters/fs/workspace-path.js'
import { type Move, anyMoved, pinnedMoves } from './moves.js'
import type { UpdateOptions } from './update.js'

/** Another file that pins a moved digest, with its rewritten text. */
export interface PinnedFile {
  /** Relative to the workspace, forward slashes. */
  path: string
  absolutePath: string
  /** The file's text as read. */
  text: string
  newText: string
  /** Indices of the config entries whose digest it pinned. */
  entries: number[]
}

/** A notice where the logger has them (the action's annotations), else an info line. */
export function notice(logger: Logger, message: string): void {
  if (logger.notice) logger.notice(message)
  else logger.info(message)
}

/**
 * The workspace files the globs name. `defaults` marks globs the user did not write
 * (discovery's), which may well match nothing without that being worth a warning.
 */
export async function findPinnedFiles(
  options: Pick<UpdateOptions, 'files' | 'workspace' | 'configPath' | 'dryRun'>,
  logger: Logger,
  defaults = false
): Promise<WorkspaceFile[]> {
  if (!options.files || options.files.length === 0) return []
  if (!options.workspace) throw new Error('the files option needs a workspace')
  const expanded = await expandWorkspaceFiles(options.workspace, options.files, [
    options.configPath
  ])
  if (!defaults)
    for (const pattern of expanded.unmatched)
      logger.warning(`files: pattern "${pattern}" matches no file in the workspace`)
  for (const { path, reason } of expanded.skipped)
    notice(logger, `files: skipped ${path}: it ${reason}`)
  // The expansion never follows links; the same check as the config's makes that a rule
  // every written file passes, whatever finds it.
  if (!options.dryRun)
    for (const file of expanded.files)
      await checkWorkspacePath(options.workspace, file.absolutePath, `files: ${file.path}`)
  return expanded.files
}

/**
 * Rewrites one other file's text; undefined when nothing in it changes. `label` names the file
 * in messages (the path, or the path on a branch).
 */
export function rewritePinnedText(
  label: string,
  bytes: Uint8Array,
  moves: readonly Move[],
  logger: Logger
): { text: string; newText: string; entries: number[] } | undefined {
  const decoded = decodePinnedFile(bytes)
  if ('skipped' in decoded) {
    notice(logger, `files: skipped ${label}: it is ${decoded.skipped}`)
    return undefined
  }
  const searched = pinnedMoves(moves)
  const rewrite = rewritePinnedReferences(decoded.text, searched)
  for (const a of rewrite.ambiguous)
    logger.warning(
      `${label}:${a.line}: ${a.reference} was left as it is: the config entries that pin this digest (${a.entries.join(', ')}) do not all move to the same new one; write the tag in the reference, or give those entries the same tag`
    )
  if (rewrite.count === 0) return undefined
  const entries = rewrite.applied.map(i => searched[i]!.entry.index)
  return {
    text: decoded.text,
    newText: rewrite.text,
    entries: [...new Set(entries)].sort((a, b) => a - b)
  }
}

/** The file's bytes; undefined (with a notice) when it is over the size cap. */
export async function readCandidate(
  file: WorkspaceFile,
  logger: Logger
): Promise<Buffer | undefined> {
  try {
    const size = (await stat(file.absolutePath)).size
    if (size > MAX_PINNED_FILE_BYTES) {
      notice(logger, `files: skipped ${file.path}: it is ${tooLarge(size)}`)
      return undefined
    }
    return await readFile(file.absolutePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new Error(`files: cannot read ${file.path} (${code ?? (error as Error).message})`, {
      cause: error
    })
  }
}

export async function rewritePinnedFiles(
  files: readonly WorkspaceFile[],
  moves: readonly Move[],
  logger: Logger
): Promise<PinnedFile[]> {
  if (!anyMoved(moves)) return []
  const pinned: PinnedFile[] = []
  for (const file of files) {
    const bytes = await readCandidate(file, logger)
    if (!bytes) continue
    const rewrite = rewritePinnedText(file.path, bytes, moves, logger)
    if (!rewrite) continue
    pinned.push({ ...file, text: rewrite.text, newText: rewrite.newText, entries: rewrite.entries })
  }
  return pinned
}
