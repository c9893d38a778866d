/**
 * What the command line prints, as pure functions of a run's result: the table for people,
 * the JSON object for scripts, the proposed pull request, the progress line and the one-line
 * usage error. Colour is a parameter; the entry decides it from the terminal and NO_COLOR.
 * Every value from a config, a file or a registry passes `safe` before our own colours are
 * added, so it cannot carry escape sequences of its own to the terminal.
 */
import type { Proposal } from '../run/propose.js'
import { formatImageReference } from '../domain/oci/reference.js'
import { terminalSafe as safe } from './terminal.js'
import type { EntryResult, UpdateResult } from '../run/update.js'
import { heldOutput } from '../run/policies.js'
import { PROGRAM } from './args.js'
import { budgetLines } from '../run/budget-lines.js'
import { hasMoved } from '../run/moves.js'
import { reviewFor } from '../domain/review.js'
import { signatureShortText } from '../domain/pull-request/review-text.js'

export interface Style {
  bold(text: string): string
  dim(text: string): string
  green(text: string): string
  yellow(text: string): string
  red(text: string): string
}

const sgr = (open: number, close: number) => (text: string) =>
  text === '' ? text : `\x1b[${open}m${text}\x1b[${close}m`

export const COLOR: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  red: sgr(31, 39)
}

const identity = (text: string) => text
export const PLAIN: Style = {
  bold: identity,
  dim: identity,
  green: identity,
  yellow: identity,
  red: identity
}

/** Colour only for a terminal, and never when NO_COLOR is set to anything but the empty string. */
export function useColor(isTTY: boolean | undefined, env: Record<string, string | undefined>) {
  return isTTY === true && !env.NO_COLOR
}

/** The first 12 hex digits, as `docker images` shows them: enough to tell digests apart. */
export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12)
}

const STATUS_TEXT: Record<EntryResult['status'], string> = {
  updated: 'updated',
  pinned: 'pinned',
  unchanged: 'unchanged',
  failed: 'failed',
  'as-committed': 'as committed',
  held: 'held'
}

function statusStyle(status: EntryResult['status'], style: Style): (text: string) => string {
  if (status === 'updated' || status === 'pinned') return style.green
  if (status === 'failed') return style.red
  if (status === 'held') return style.yellow
  if (status === 'unchanged') return style.dim
  return identity
}

function digestCell(r: EntryResult): string {
  const previous = r.previous ? shortDigest(r.previous) : 'unpinned'
  switch (r.status) {
    case 'updated':
    case 'pinned':
      return `${previous} → ${shortDigest(r.current!)}`
    case 'failed':
      return `${previous} (kept)`
    default:
      return r.current ? shortDigest(r.current) : 'unpinned'
  }
}

function referenceCell(r: EntryResult): string {
  const reference = formatImageReference({ ...r.entry.reference, digest: undefined })
  return safe(r.entry.platform ? `${reference} (${r.entry.platform.text})` : reference)
}

/** Each moved entry's short signature text, by entry; empty when none verifies signatures. */
function signatureTexts(result: UpdateResult): Map<EntryResult['entry'], string> {
  const texts = new Map<EntryResult['entry'], string>()
  for (const move of result.moves.filter(hasMoved)) {
    const signature = reviewFor(result.reviews, move)?.signature
    // The identity is the signer's own text: it passes `safe` like any other value.
    if (signature) texts.set(move.entry, signatureShortText(signature, safe))
  }
  return texts
}

/** Columns padded on the plain text, so escape codes never disturb the alignment. */
function columns(
  rows: Array<Array<{ text: string; paint?: (text: string) => string }>>,
  gap = 2
): string[] {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell.text].length)))
  }
  return rows.map(row =>
    row
      .map((cell, i) => {
        const last = i === row.length - 1
        const padding = last ? '' : ' '.repeat(widths[i]! - [...cell.text].length + gap)
        return (cell.paint ?? identity)(cell.text) + padding
      })
      .join('')
  )
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

function outcomeLine(result: UpdateResult, dryRun: boolean): string {
  const discoveredOnly = result.discovery !== undefined && result.config.entries.length === 0
  const file = discoveredOnly ? 'the files' : safe(result.config.file)
  if (result.mode === 'matrix') return `Matrix from ${file} as committed; no registry was asked.`
  if (!result.changed) {
    return result.failed.length === result.results.length
      ? `Nothing was written to ${file}.`
      : `Every digest in ${file} that could be checked is current.`
  }
  const moved = plural(result.updates.length, 'digest', 'digests')
  const others = result.pinnedFiles.map(f => safe(f.path))
  // Discovery without a config writes the files alone.
  const where = discoveredOnly
    ? others.join(', ')
    : `${file}${others.length > 0 ? ` and ${others.join(', ')}` : ''}`
  if (result.written) return `Wrote ${moved} to ${where}.`
  return dryRun
    ? `Dry run: ${moved} would change in ${where}; nothing was written.`
    : `${moved} would change in ${where}.`
}

/** The table for a terminal: name, reference, previous → current, status; then what it meant. */
export function renderTable(
  result: UpdateResult,
  options: { dryRun: boolean; style?: Style }
): string {
  const style = options.style ?? PLAIN
  if (result.results.length === 0)
    return result.discovery
      ? 'No image reference to pin or refresh was found.\n'
      : `No entries in ${safe(result.config.file)}.\n`
  const signatures = signatureTexts(result)
  // The column is there only when some entry verifies signatures.
  const withSignatures = signatures.size > 0
  const titles = ['NAME', 'REFERENCE', 'PREVIOUS → CURRENT', 'STATUS']
  const header = (withSignatures ? [...titles, 'SIGNATURE'] : titles).map(text => ({
    text,
    paint: style.bold
  }))
  const rows = result.results.map(r => {
    const cells = [
      { text: safe(r.entry.name) },
      { text: referenceCell(r) },
      { text: digestCell(r) },
      { text: STATUS_TEXT[r.status], paint: statusStyle(r.status, style) }
    ]
    return withSignatures ? [...cells, { text: signatures.get(r.entry) ?? '—' }] : cells
  })
  const lines = columns([header, ...rows]).map(line => line.trimEnd())

  const counts = new Map<string, number>()
  for (const r of result.results) {
    counts.set(STATUS_TEXT[r.status], (counts.get(STATUS_TEXT[r.status]) ?? 0) + 1)
  }
  const tally = [...counts].map(([status, n]) => `${n} ${status}`).join(', ')
  lines.push('', `${plural(result.results.length, 'entry', 'entries')}: ${tally}.`)
  lines.push(outcomeLine(result, options.dryRun))
  if (result.failed.length > 0) {
    lines.push(
      '',
      `${plural(result.failed.length, 'entry', 'entries')} could not be resolved and kept ${result.failed.length === 1 ? 'its' : 'their'} previous digest:`
    )
    for (const f of result.failed)
      lines.push(`  ${style.red('✗')} ${safe(f.name)}: ${safe(f.error)}`)
  }
  const held = result.held.filter(h => h.kind !== 'error')
  if (held.length > 0) {
    lines.push('', `${plural(held.length, 'update', 'updates')} held back, the old digest kept:`)
    for (const h of held) {
      const until = h.until ? ` (eligible ${h.until})` : ''
      lines.push(`  ${style.yellow('…')} ${safe(h.name)}: ${safe(h.reason)}${until}`)
    }
  }
  const budget = budgetLines(result)
  if (budget.length > 0) lines.push('', ...budget.map(line => safe(line)))
  return lines.join('\n') + '\n'
}

/** The action's outputs as one object, with `changed` a boolean rather than the output's string. */
export function jsonReport(result: UpdateResult, proposal?: Proposal | null): object {
  const report: Record<string, unknown> = {
    matrix: result.matrix,
    changed: result.changed,
    updates: result.updates,
    failed: result.failed,
    held: heldOutput(result.held)
  }
  if (proposal !== undefined) report.pull_request = proposal
  if (result.rateLimits) report.rate_limits = result.rateLimits
  if (result.pinHealth) report.pin_health = result.pinHealth
  return report
}

/**
 * JSON.stringify escapes C0 controls only; DEL, C1 controls (a one-byte CSI among them) and
 * the bidi overrides would still reach a terminal that shows the report. As `\uXXXX` they
 * parse back to the same string.
 */
export const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

export function renderJson(result: UpdateResult, proposal?: Proposal | null): string {
  const text = JSON.stringify(jsonReport(result, proposal), null, 2)
  return (
    text.replace(RAW_IN_JSON, ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n'
  )
}

function paintDiff(diff: string, style: Style): string {
  return diff
    .split('\n')
    .map(line => {
      if (line.startsWith('+++') || line.startsWith('---')) return style.bold(line)
      if (line.startsWith('@@')) return style.dim(line)
      if (line.startsWith('+')) return style.green(line)
      if (line.startsWith('-')) return style.red(line)
      return line
    })
    .join('\n')
}

/** The pull request the action would propose: title, Markdown body as GitHub receives it, diff. */
export function renderProposal(proposal: Proposal | null, style: Style = PLAIN): string {
  const rule = style.dim('─'.repeat(72))
  if (!proposal) {
    return `\n${rule}\nNo digest moved, so the action would open or update no pull request.\n`
  }
  return [
    '',
    rule,
    style.bold('Pull request the action would propose'),
    rule,
    `${style.bold('Title:')} ${safe(proposal.title)}`,
    '',
    safe(proposal.body).replace(/\n+$/, ''),
    '',
    rule,
    paintDiff(safe(proposal.diff).replace(/\n$/, ''), style),
    ''
  ].join('\n')
}

export function renderProgress(done: number, total: number): string {
  return `resolved ${done}/${total}`
}

export function renderUsageError(message: string): string {
  return `${PROGRAM}: ${message} (see ${PROGRAM} --help)\n`
}

export function renderError(message: string): string {
  return `${PROGRAM}: ${message}\n`
}
