import { formatStoredDigest } from '../domain/oci/digest.js'
import { code, escapeMarkdown, table } from '../domain/text/markdown.js'
import { triggerLine } from '../domain/pull-request/body.js'
import { formatImageReference } from '../domain/oci/reference.js'
import type { EntryResult, UpdateResult } from '../run/update.js'
import { budgetLines } from '../run/budget-lines.js'

const STATUS_TEXT: Record<EntryResult['status'], string> = {
  unchanged: 'unchanged',
  updated: 'updated',
  pinned: 'pinned',
  failed: 'failed',
  'as-committed': 'as committed'
}

function shownDigest(result: EntryResult, digest: string | undefined): string {
  return digest ? code(formatStoredDigest(digest, result.entry.digestForm), { inTable: true }) : '—'
}

/** The job summary: one row per entry, and what happened to the config file. */
export function renderSummary(
  result: UpdateResult,
  options: { dryRun: boolean; published?: string }
): string {
  const rows = result.results.map(r => [
    escapeMarkdown(r.entry.name),
    code(formatImageReference({ ...r.entry.reference, digest: undefined }), { inTable: true }) +
      (r.entry.platform ? ` (${escapeMarkdown(r.entry.platform.text)})` : ''),
    shownDigest(r, r.previous),
    r.status === 'failed' ? '—' : shownDigest(r, r.current),
    r.status === 'failed' ? `failed: ${escapeMarkdown(r.error ?? '')}` : STATUS_TEXT[r.status]
  ])
  const parts = ['## Container image digests', '']
  if (options.published) parts.push(triggerLine(options.published), '')
  if (result.skipped) parts.push(`Nothing to do: ${escapeMarkdown(result.skipped)}.`, '')
  parts.push(table(['Name', 'Reference', 'Previous', 'Current', 'Status'], rows), '')
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
  for (const line of budgetLines(result)) parts.push('', escapeMarkdown(line))
  return parts.join('\n') + '\n'
}
