import { formatStoredDigest } from '../domain/oci/digest.js'
import { code, escapeMarkdown, table } from '../domain/text/markdown.js'
import { triggerLine } from '../domain/pull-request/body.js'
import { renderDetails } from '../domain/pull-request/details.js'
import { renderHeld } from '../domain/pull-request/held.js'
import { signatureShortText } from '../domain/pull-request/review-text.js'
import { formatImageReference } from '../domain/oci/reference.js'
import { type SignatureCheck, reviewFor } from '../domain/review.js'
import { hasMoved } from '../run/moves.js'
import type { EntryResult, UpdateResult } from '../run/update.js'
import { budgetLines } from '../run/budget-lines.js'
import { heldBesidesGonePins } from '../run/pin-health.js'

const STATUS_TEXT: Record<EntryResult['status'], string> = {
  unchanged: 'unchanged',
  updated: 'updated',
  pinned: 'pinned',
  failed: 'failed',
  'as-committed': 'as committed',
  held: 'held'
}

function shownDigest(result: EntryResult, digest: string | undefined): string {
  return digest ? code(formatStoredDigest(digest, result.entry.digestForm), { inTable: true }) : '—'
}

const HEADERS = ['Name', 'Reference', 'Previous', 'Current', 'Status']

/** Each moved entry's signature check, by entry; empty when no entry verifies signatures. */
type Signatures = Map<EntryResult['entry'], SignatureCheck>

function signaturesOf(result: UpdateResult): Signatures {
  const found: Signatures = new Map()
  for (const move of result.moves.filter(hasMoved)) {
    const signature = reviewFor(result.reviews, move)?.signature
    if (signature) found.set(move.entry, signature)
  }
  return found
}

function signatureCell(r: EntryResult, signatures: Signatures): string {
  const signature = signatures.get(r.entry)
  return signature ? signatureShortText(signature, v => code(v, { inTable: true })) : '—'
}

function row(r: EntryResult, signatures: Signatures): string[] {
  const cells = [
    escapeMarkdown(r.entry.name),
    code(formatImageReference({ ...r.entry.reference, digest: undefined }), { inTable: true }) +
      (r.entry.platform ? ` (${escapeMarkdown(r.entry.platform.text)})` : ''),
    shownDigest(r, r.previous),
    r.status === 'failed' ? '—' : shownDigest(r, r.current),
    r.status === 'failed'
      ? `failed: ${escapeMarkdown(r.error ?? '')}`
      : r.status === 'held'
        ? `held: ${escapeMarkdown(r.reason ?? '')}`
        : STATUS_TEXT[r.status]
  ]
  // The column is there only when some entry verifies signatures.
  return signatures.size > 0 ? [...cells, signatureCell(r, signatures)] : cells
}

/** Which rows come first: what moved, then what failed, then the rest in config order. */
const ORDER: Record<EntryResult['status'], number> = {
  updated: 0,
  pinned: 0,
  failed: 1,
  held: 1,
  'as-committed': 2,
  unchanged: 3
}

/**
 * The entries' tables: the moved and failed ones first, so a large config shows its moves at
 * the top, and the unchanged ones folded into one collapsed line.
 */
function entryTables(results: readonly EntryResult[], signatures: Signatures): string[] {
  const sorted = [...results].sort((a, b) => ORDER[a.status] - ORDER[b.status])
  const toRow = (r: EntryResult) => row(r, signatures)
  const headers = signatures.size > 0 ? [...HEADERS, 'Signature'] : HEADERS
  const shown = sorted.filter(r => r.status !== 'unchanged').map(toRow)
  const unchanged = sorted.filter(r => r.status === 'unchanged').map(toRow)
  const parts: string[] = []
  if (shown.length > 0) parts.push(table(headers, shown), '')
  if (unchanged.length > 0) {
    const what =
      unchanged.length === 1 ? '1 unchanged entry' : `${unchanged.length} unchanged entries`
    // Our own words in the summary: text in an HTML block is not read as Markdown.
    parts.push(
      `<details><summary>${what}</summary>`,
      '',
      table(headers, unchanged),
      '',
      '</details>',
      ''
    )
  }
  return parts
}

/** The Details of each move and the Held back section, as the pull request body has them. */
function reviewSections(result: UpdateResult, now: Date): string[] {
  const targets = result.moves.filter(hasMoved).map(m => ({
    name: m.entry.name,
    platform: m.entry.platform?.text ?? null,
    review: reviewFor(result.reviews, m)
  }))
  // A gone pin is in the pin-health lines below; listed again here, it would show twice.
  const held = heldBesidesGonePins(result)
  return [renderDetails(targets, { now }), renderHeld(held)].filter(s => s !== '')
}

/** The job summary: one row per entry, what happened to the config file, and the reviews. */
export function renderSummary(
  result: UpdateResult,
  options: { dryRun: boolean; published?: string; now?: Date }
): string {
  const parts = ['## Container image digests', '']
  if (options.published) parts.push(triggerLine(options.published), '')
  if (result.skipped) parts.push(`Nothing to do: ${escapeMarkdown(result.skipped)}.`, '')
  parts.push(...entryTables(result.results, signaturesOf(result)))
  const file = code(result.config.file)
  if (result.mode === 'matrix')
    parts.push(`Matrix built from ${file} as committed; no registry was asked.`)
  else if (result.skipped) parts.push('No registry was asked.')
  else if (!result.changed) parts.push(`Every digest in ${file} is current.`)
  else if (result.written)
    parts.push(`${file} was rewritten with ${result.updates.length} new digest(s).`)
  else if (options.dryRun)
    parts.push(
      `Dry run: ${result.updates.length} digest(s) would change in ${file}; nothing was written.`
    )
  if (result.pinnedFiles.length > 0) {
    const files = result.pinnedFiles.map(f => code(f.path)).join(', ')
    parts.push(
      '',
      result.written
        ? `Other files updated with the same digests: ${files}.`
        : `Other files that would be updated with the same digests: ${files}.`
    )
  }
  if (result.failed.length > 0) {
    parts.push(
      '',
      `${result.failed.length} entr${result.failed.length === 1 ? 'y' : 'ies'} could not be resolved and kept their previous digest.`
    )
  }
  for (const section of reviewSections(result, options.now ?? new Date())) parts.push('', section)
  for (const line of budgetLines(result)) parts.push('', escapeMarkdown(line))
  return parts.join('\n') + '\n'
}
