/**
 * Discovery: the image references in the `files` globs, found without a config (see
 * src/domain/discovery), refreshed or pinned, and written back with only their characters
 * changed. Each distinct reference resolves once and becomes one entry of the run's result,
 * named by where it was found (`path:line`), so the outputs, the matrix and the pull request
 * report it as they report a config entry. A reference a config entry pins is left to the
 * config's own rewrite, so it is handled once.
 */
import type { ConfigEntry } from '../domain/config.js'
import { type DiscoveryNotice, type FoundReference } from '../domain/discovery/model.js'
import { findReferences } from '../domain/discovery/find.js'
import {
  type PinSettings,
  type PlannedReference,
  planReference,
  replaceSpans,
  withDigest
} from '../domain/discovery/pin.js'
import { NEUTRAL_WORDS, type SettingWords } from '../domain/errors.js'
import type { Digest } from '../domain/oci/digest.js'
import { type Platform, parsePlatform } from '../domain/oci/platform.js'
import { formatImageReference, repositoryName } from '../domain/oci/reference.js'
import { decodePinnedFile } from '../domain/pinned-files.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import type { Logger } from '../adapters/registry/http.js'
import { INDEX_TYPES } from '../adapters/registry/manifest.js'
import type { WorkspaceFile } from '../adapters/fs/workspace-files.js'
import { type Move, pinnedMoves } from './moves.js'
import { type PinnedFile, notice, readCandidate, rewritePinnedText } from './other-files.js'
import { failureLine, forEachAtMost } from './resolve.js'
import type { EntryResult } from './update.js'

export type { PinSettings } from '../domain/discovery/pin.js'

/** Globs discovery scans when the `files` option names none. */
export const DISCOVER_FILES = [
  '**/{Dockerfile,Containerfile,dockerfile,containerfile}*',
  '**/*.{dockerfile,containerfile,Dockerfile,Containerfile}',
  '**/*.{yml,yaml}'
]

/** One place a reference was found. */
export interface Occurrence {
  path: string
  found: FoundReference
  planned: PlannedReference
}

/** One distinct reference: every occurrence of the same written image, tag, digest and platform. */
export interface DiscoveredTarget {
  key: string
  occurrences: Occurrence[]
  /** Set once resolved (or, in matrix mode, as committed). */
  entry?: ConfigEntry
  /** The digest it moves to; undefined when it stays (failed, unchanged, or matrix mode). */
  current?: Digest
}

/** What a run discovered, kept on its result so the pull request rewrites the base the same way. */
export interface Discovery {
  settings: PinSettings
  /** The globs that were scanned. */
  files: readonly string[]
  targets: Map<string, DiscoveredTarget>
}

export function targetKey(planned: PlannedReference, found: FoundReference): string {
  const { written, previous } = planned
  const image = formatImageReference({ ...written, tag: written.tag ?? 'latest', digest: previous })
  return `${image}|${found.platform ?? ''}`
}

/** Whether a config entry pins this digest of this repository: then the config's rewrite owns it. */
function configOwns(planned: PlannedReference, configMoves: readonly Move[]): boolean {
  if (planned.previous === undefined) return false
  const name = repositoryName(planned.written)
  return pinnedMoves(configMoves).some(
    m => m.previous === planned.previous && m.repository === name
  )
}

/** The references of one file that discovery handles, with their notices. */
export function discoverText(
  path: string,
  text: string,
  settings: PinSettings,
  configMoves: readonly Move[]
): { occurrences: Occurrence[]; notices: DiscoveryNotice[] } {
  const findings = findReferences(path, text)
  const occurrences: Occurrence[] = []
  for (const found of findings.references) {
    const planned = planReference(found, settings)
    if (planned && !configOwns(planned, configMoves)) occurrences.push({ path, found, planned })
  }
  return { occurrences, notices: findings.notices }
}

/** Finds every reference in the files, grouped by distinct reference in the order first seen. */
export async function discoverFiles(
  files: readonly WorkspaceFile[],
  settings: PinSettings,
  configMoves: readonly Move[],
  logger: Logger
): Promise<{ targets: Map<string, DiscoveredTarget>; texts: Map<string, Uint8Array> }> {
  const targets = new Map<string, DiscoveredTarget>()
  const texts = new Map<string, Uint8Array>()
  for (const file of files) {
    const bytes = await readCandidate(file, logger)
    if (!bytes) continue
    const decoded = decodePinnedFile(bytes)
    if ('skipped' in decoded) {
      notice(logger, `files: skipped ${file.path}: it is ${decoded.skipped}`)
      continue
    }
    texts.set(file.path, bytes)
    const { occurrences, notices } = discoverText(file.path, decoded.text, settings, configMoves)
    for (const n of notices) notice(logger, `${file.path}:${n.line}: ${n.message}`)
    for (const occurrence of occurrences) {
      const key = targetKey(occurrence.planned, occurrence.found)
      const target = targets.get(key) ?? { key, occurrences: [] }
      target.occurrences.push(occurrence)
      targets.set(key, target)
    }
  }
  return { targets, texts }
}

/**
 * The digest a target moves to. A pin that was one platform's manifest, while its tag now
 * names an index, stays a manifest of that platform: the Dockerfile's `--platform`, else the
 * platform the old manifest's config records.
 */
async function resolveTarget(
  client: RegistryClient,
  target: DiscoveredTarget
): Promise<{ digest: Digest; platform?: Platform }> {
  const { planned, found } = target.occurrences[0]!
  const ref = planned.resolve
  const previous = planned.previous
  const resolved = await client.resolveDigest(ref, undefined, previous)
  if (!previous || resolved.digest === previous || !INDEX_TYPES.has(resolved.mediaType))
    return { digest: resolved.digest }
  const old = await client.fetchManifest(ref, previous)
  if (INDEX_TYPES.has(old.mediaType)) return { digest: resolved.digest }
  let platform: Platform
  if (found.platform !== undefined) platform = parsePlatform(found.platform)
  else {
    const config = await client.fetchConfig(ref, old)
    // Without a platform the pin would become the index: it stays, and the error says why.
    if (!config.os || !config.architecture)
      throw new Error(
        `the pinned digest is one platform's manifest, but its image config names no platform, and the tag now names an index: write the platform beside the reference (FROM --platform=… in a Dockerfile, a fixed runs-on in a workflow), or pin the index`
      )
    const text = [config.os, config.architecture, config.variant].filter(Boolean).join('/')
    platform = parsePlatform(text)
  }
  const manifest = await client.resolveDigest(ref, platform, previous)
  return { digest: manifest.digest, platform }
}

/** `path:line` of the first occurrence, and how many more there are. */
function targetName(target: DiscoveredTarget): string {
  const [first, ...more] = target.occurrences
  const at = `${first!.path}:${first!.found.line}`
  return more.length === 0 ? at : `${at} (+${more.length} more)`
}

/** The target as an entry of the result: what the matrix, outputs and body show for it. */
export function targetEntry(
  target: DiscoveredTarget,
  index: number,
  platform?: Platform
): ConfigEntry {
  const { planned, found } = target.occurrences[0]!
  // The entry is what is resolved (the upstream, for a mirror), so its labels and its key
  // name the image the registry answered for; the matrix keeps the written form.
  const reference = { ...planned.resolve, digest: undefined }
  const image = repositoryName(planned.written)
  const files = [...new Set(target.occurrences.map(o => o.path))]
  return {
    index,
    name: targetName(target),
    image,
    reference,
    // Only a manifest resolved for a platform carries one: an index pin is every platform's.
    platform,
    digest: planned.previous,
    digestKey: 'digest',
    digestForm: 'prefixed',
    fields: { image, tag: reference.tag, files },
    line: found.line,
    file: target.occurrences[0]!.path
  }
}

/**
 * Resolves every target, at most `concurrency` at a time; a failure stays on its old digest.
 * Each target's entry is replaced by the one resolved (which may name a platform); what it
 * moves to is decided later, after the signatures and policies (see settleTargets).
 */
export async function resolveTargets(
  targets: readonly DiscoveredTarget[],
  client: RegistryClient,
  firstIndex: number,
  concurrency: number,
  words: SettingWords = NEUTRAL_WORDS
): Promise<EntryResult[]> {
  await client.prepare(targets.map(t => t.occurrences[0]!.planned.resolve))
  const results: EntryResult[] = new Array(targets.length)
  await forEachAtMost(targets.length, concurrency, async i => {
    const target = targets[i]!
    const { resolve, previous } = target.occurrences[0]!.planned
    try {
      const { digest, platform } = await resolveTarget(client, target)
      target.entry = targetEntry(target, firstIndex + i, platform)
      const status =
        previous === undefined ? 'pinned' : digest === previous ? 'unchanged' : 'updated'
      results[i] = { entry: target.entry, status, previous, current: digest }
    } catch (error) {
      target.entry = targetEntry(target, firstIndex + i)
      const image = { shown: formatImageReference(resolve), repository: resolve.repository }
      const message = failureLine(error, image, words)
      results[i] = {
        entry: target.entry,
        status: 'failed',
        previous,
        current: previous,
        error: message
      }
    }
  })
  return results
}

/**
 * What each target moves to, from its result after every stage: the resolved digest when it
 * moved and nothing refused it, else nothing (it keeps every character it had).
 */
export function settleTargets(
  targets: readonly DiscoveredTarget[],
  results: ReadonlyArray<{ status: string; previous?: Digest; current?: Digest }>
): void {
  targets.forEach((target, i) => {
    const r = results[i]!
    const moved = r.status !== 'failed' && r.current !== undefined && r.current !== r.previous
    target.current = moved ? r.current : undefined
  })
}

/**
 * One file's text with the config's moves and the discovered references applied: the
 * config's pinned rewrite first (it only swaps 64 hex digits, so every offset found in the
 * text as read still holds), then each discovered reference that moved. Undefined when
 * nothing in it changes. `label` names the file in messages.
 */
export function rewriteDiscoveredText(
  label: string,
  path: string,
  bytes: Uint8Array,
  configMoves: readonly Move[],
  discovery: Discovery,
  logger: Logger
): { text: string; newText: string; entries: number[] } | undefined {
  const decoded = decodePinnedFile(bytes)
  if ('skipped' in decoded) return rewritePinnedText(label, bytes, configMoves, logger)
  const pinned = rewritePinnedText(label, bytes, configMoves, logger)
  const entries = new Set(pinned?.entries ?? [])
  const replacements: Array<{ start: number; end: number; text: string }> = []
  for (const { found, planned } of discoverText(path, decoded.text, discovery.settings, configMoves)
    .occurrences) {
    const target = discovery.targets.get(targetKey(planned, found))
    if (!target?.current || !target.entry) continue
    replacements.push({
      start: found.start,
      end: found.end,
      text: withDigest(found.text, target.current)
    })
    entries.add(target.entry.index)
  }
  if (replacements.length === 0) return pinned
  return {
    text: decoded.text,
    newText: replaceSpans(pinned?.newText ?? decoded.text, replacements),
    entries: [...entries].sort((a, b) => a - b)
  }
}

/** Rewrites the workspace's files with the config's moves and the discovery's. */
export function rewriteDiscoveredFiles(
  files: readonly WorkspaceFile[],
  texts: ReadonlyMap<string, Uint8Array>,
  configMoves: readonly Move[],
  discovery: Discovery,
  logger: Logger
): PinnedFile[] {
  const rewritten: PinnedFile[] = []
  for (const file of files) {
    const bytes = texts.get(file.path)
    if (!bytes) continue
    const rewrite = rewriteDiscoveredText(
      file.path,
      file.path,
      bytes,
      configMoves,
      discovery,
      logger
    )
    if (rewrite) rewritten.push({ ...file, ...rewrite })
  }
  return rewritten
}
