/**
 * The core shared by the action and the CLI: read the config, resolve every entry,
 * rewrite moved digests, and describe the outcome as data. No `@actions/core` here.
 */
import { type SettingWords } from '../domain/errors.js'
import { readFile } from 'node:fs/promises'
import { ConfigError, type ConfigEntry, type ParsedConfig, parseConfig } from '../domain/config.js'
import type { Digest } from '../domain/oci/digest.js'
import {
  formatImageReference,
  parseImageReference,
  repositoryName
} from '../domain/oci/reference.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import { type Logger } from '../adapters/registry/http.js'
import { checkWorkspacePath } from '../adapters/fs/workspace-path.js'
import { type PinnedFile, notice } from './other-files.js'
import { type Move, computeMoves, rewriteConfig } from './moves.js'
import {
  type HeldUpdate,
  type MoveReview,
  type ProvenanceCheck,
  type SignatureCheck
} from '../domain/review.js'
import { type FactsLookup } from './image-facts.js'
import { type UpdateDetails } from './review.js'
import type { GitHubReviewSources } from './review-sources.js'
import { type PolicyOptions } from './policies.js'
import type { RegistryRateLimit } from '../adapters/registry/rate-limit.js'
import { type PinHealthReport } from './pin-health.js'
import { type SignatureOptions } from './signatures.js'
import type { Discovery, PinSettings } from './discover.js'
import { configMissing, discoverMatrix, discoverScan, emptyConfig } from './discover-stage.js'
import { asCommitted, failuresOf, matrixEntry, updatesOf } from './plan-rows.js'
import { updateMode } from './update-mode.js'

export type { Move } from './moves.js'
export { resolveEntries } from './resolve.js'
export type { PinnedFile } from './other-files.js'

export type Mode = 'update' | 'matrix'

export interface UpdateOptions {
  mode: Mode
  /** Path to read and write. */
  configPath: string
  /** The path as the user wrote it, for messages and annotations. */
  configLabel: string
  defaultImage?: string
  defaultPlatform?: string
  dryRun: boolean
  concurrency: number
  /**
   * Canonical `registry/repository` an event announced: when no entry uses it, the run
   * resolves nothing and reports why, because the announcement concerns another project.
   */
  announcedImage?: string
  /** Set when the event that started the run asks for nothing to be resolved, and why. */
  skipReason?: string
  /**
   * Globs, relative to `workspace`, of other files that pin the same images (Dockerfiles,
   * compose files, manifests, workflows): moved digests are replaced there too.
   */
  files?: readonly string[]
  /** The directory the `files` globs are relative to and may never leave. */
  workspace?: string
  /**
   * Where update mode may write the config, checked before anything is read, asked or
   * written (see checkWorkspacePath); `label` names the config in the error. Dry runs and
   * matrix mode write nothing and skip the check.
   */
  configWrite?: { root: string; label: string }
  /** How the user gave `defaultImage` ("the image input", "--image"), for the notice when the file overrides it. */
  defaultImageSource?: string
  /** How the edge names settings in per-entry errors' fixes (see domain/errors.ts). */
  words?: SettingWords
  /**
   * What GitHub can tell the review of each move (GHCR push times, the commits behind it);
   * undefined when the edge has no GitHub to ask.
   */
  reviewSources?: GitHubReviewSources
  /** A platform growing by more than this fraction is flagged; 0.2 (`20%`) by default. */
  sizeWarnIncrease?: number
  /** The cooldown and the gates on new digests (src/run/policies.ts); none when undefined. */
  policies?: PolicyOptions
  /** Ask the registry whether every pinned digest is still served (`check-pins`). */
  checkPins?: boolean
  /** verify-signatures, signature-keys, sigstore-trusted-root (issue 16); off when absent. */
  signatures?: SignatureOptions
  /**
   * Discovery (src/run/discover.ts): when set, the `files` (or, when none are given, every
   * Dockerfile and YAML file) are scanned for image references, and the config is optional.
   */
  discover?: PinSettings
}

export type EntryStatus =
  | 'unchanged'
  | 'updated'
  | 'pinned'
  | 'failed'
  | 'as-committed'
  /** A policy held the new digest back or refused it: `current` is the old one. */
  | 'held'

export interface EntryResult {
  entry: ConfigEntry
  status: EntryStatus
  /** The digest the config held. */
  previous?: Digest
  /** The digest the config holds after the run (the old one when resolving failed). */
  current?: Digest
  error?: string
  /** For a held entry: the digest its tag points at, which was not proposed. */
  candidate?: Digest
  /** For a held entry: why, in one line. */
  reason?: string
  /** What a policy made of the new digest, when it was not proposed (see HeldUpdate.kind). */
  policy?: HeldUpdate['kind']
}

export interface Update extends UpdateDetails {
  name: string
  image: string
  tag: string
  platform: string | null
  previous: Digest | null
  current: Digest
  /** Other files (workspace-relative, forward slashes) where this entry's digest was replaced. */
  files: string[]
  /** Who signed the new digest, when the entry verifies signatures (issue 16). */
  signature?: SignatureCheck
  /** The new digest's build provenance, when the entry names a provenance_repository. */
  provenance?: ProvenanceCheck
}

export interface Failure {
  name: string
  image: string
  tag: string
  error: string
}

export interface MatrixEntry extends Record<string, unknown> {
  image_ref: string
}

export interface UpdateResult {
  mode: Mode
  config: ParsedConfig
  results: EntryResult[]
  /** Every entry holding or given a digest, and where it ends: what moved, computed once. */
  moves: Move[]
  /** The rewritten config text, when any digest moved. */
  newText?: string
  /** Other files that pinned a moved digest, rewritten; empty without the files option. */
  pinnedFiles: PinnedFile[]
  written: boolean
  changed: boolean
  matrix: { include: MatrixEntry[] }
  updates: Update[]
  failed: Failure[]
  /** What a reviewer is told about each move (src/domain/review.ts); one per move that moved. */
  reviews: MoveReview[]
  /** Updates a policy held back or refused: kept on their old digest, always reported. */
  held: HeldUpdate[]
  /** The image facts the run read (moved digests only); the upstream links read their labels. */
  facts?: FactsLookup
  /** Why nothing was resolved, when an announced image is not in the config. */
  skipped?: string
  /** What each registry that sends rate-limit counts had left at the end of the run. */
  rateLimits?: RegistryRateLimit[]
  /** With `checkPins`: which pinned digests the registry no longer serves, or could not say. */
  pinHealth?: PinHealthReport
  /** What discovery found and resolved, when it ran: the pull request rewrites the base with it. */
  discovery?: Discovery
}

export async function loadConfig(
  options: Pick<UpdateOptions, 'configPath' | 'configLabel' | 'defaultImage' | 'defaultPlatform'>
): Promise<ParsedConfig> {
  let bytes: Buffer
  try {
    bytes = await readFile(options.configPath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ConfigError(
      options.configLabel,
      undefined,
      undefined,
      code === 'ENOENT'
        ? 'config file not found'
        : `cannot read the config file (${code ?? (error as Error).message})`,
      { cause: error, fix: code === 'ENOENT' ? { text: 'create it or {set:config}' } : undefined }
    )
  }
  return parseConfig(options.configLabel, bytes, {
    defaultImage: options.defaultImage,
    defaultPlatform: options.defaultPlatform
  })
}

/**
 * Pure: turns per-entry results into the rewritten text, outputs and matrix. `moves` are the
 * config's moves with the other files they touched, when the run rewrote any.
 */
export function planUpdate(
  mode: Mode,
  config: ParsedConfig,
  results: EntryResult[],
  other: { pinnedFiles: PinnedFile[]; moves: Move[]; reviews?: MoveReview[] } = {
    pinnedFiles: [],
    moves: computeMoves(config, results)
  }
): Omit<UpdateResult, 'written'> {
  const { pinnedFiles, moves, reviews = [] } = other
  const updates = updatesOf(moves, reviews)
  const failed = failuresOf(results)
  return {
    mode,
    config,
    results,
    moves,
    newText: rewriteConfig(config, moves),
    pinnedFiles,
    changed: updates.length > 0,
    matrix: { include: results.map(matrixEntry) },
    updates,
    failed,
    reviews,
    held: []
  }
}

/** The whole run: matrix mode reads only; update mode resolves, rewrites and reports. */
export async function runUpdate(
  options: UpdateOptions,
  client: RegistryClient | undefined,
  logger: Logger,
  onProgress?: (done: number, total: number) => void
): Promise<UpdateResult> {
  if (options.mode === 'update' && !options.dryRun && options.configWrite) {
    const { root, label } = options.configWrite
    await checkWorkspacePath(root, options.configPath, label)
  }
  const discover = options.discover
  const config =
    discover && (await configMissing(options.configPath))
      ? emptyConfig(options.configLabel)
      : await loadConfig(options)
  noticeOverriddenImage(options, config, logger)
  if (config.entries.length === 0 && !discover)
    logger.warning(`${options.configLabel}: the containers list is empty`)
  const scan = discoverScan(options)

  const announced = options.announcedImage
  const skipped =
    options.skipReason ??
    (announced !== undefined &&
    !discover &&
    !config.entries.some(e => repositoryName(e.reference) === announced)
      ? `${announced} was announced, but no entry of ${options.configLabel} uses it`
      : undefined)
  if (options.mode === 'update' && skipped !== undefined) {
    // The matrix still comes from the committed file, so a downstream job keeps working.
    const results = config.entries.map(asCommitted)
    return {
      ...planUpdate('update', config, results),
      written: false,
      skipped
    }
  }

  if (options.mode === 'matrix') {
    const results: EntryResult[] = config.entries.map(entry => {
      if (!entry.digest) {
        logger.warning(
          `${options.configLabel}:${entry.line}: ${entry.name} has no digest; its image_ref is not pinned`
        )
      }
      return asCommitted(entry)
    })
    const plan = planUpdate('matrix', config, results)
    return { ...(await discoverMatrix(plan, scan, logger)), written: false }
  }

  if (!client) throw new Error('update mode needs a registry client')
  return updateMode(options, config, scan, client, logger, onProgress)
}

/** A default image the file's own top-level `image` replaces is worth a word: it is ignored. */
function noticeOverriddenImage(options: UpdateOptions, config: ParsedConfig, logger: Logger): void {
  const given = options.defaultImage
  const own = config.fileImage
  if (given === undefined || own === undefined || sameImage(given, own)) return
  notice(
    logger,
    `${options.configLabel}: the top-level image ${own} overrides ${options.defaultImageSource ?? 'the default image'} ${given}`
  )
}

function sameImage(a: string, b: string): boolean {
  try {
    return (
      formatImageReference(parseImageReference(a)) === formatImageReference(parseImageReference(b))
    )
  } catch {
    return a.trim() === b.trim()
  }
}
