/**
 * The "Held back" section: updates a policy kept on their old digest (a cooldown), refused (a
 * gate) or that need a person (an immutable tag moved), one line each with its reason and
 * until when. The same lines in the pull request body and the job summary; names, references
 * and reasons are untrusted and escaped.
 */
import type { HeldUpdate } from '../review.js'
import { codeSpan, escapeMarkdown } from '../text/markdown.js'
import { shortDigest } from './review-text.js'

const KIND_WORDS: Record<HeldUpdate['kind'], string> = {
  held: 'held',
  refused: 'refused',
  error: 'needs a person'
}

/** `2026-12-03 14:00 UTC`, or the raw value in a code span when it is not a time. */
function untilText(until: string): string {
  const at = new Date(until)
  if (Number.isNaN(at.getTime())) return codeSpan(until)
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** One line: `- name (`image:tag` → `sha256:…`): held until …: reason`. */
export function heldLine(h: HeldUpdate): string {
  const reference = h.tag ? `${h.image}:${h.tag}` : h.image
  const kind = Object.hasOwn(KIND_WORDS, h.kind) ? KIND_WORDS[h.kind] : 'held'
  const until = h.until ? ` until ${untilText(h.until)}` : ''
  return `- ${escapeMarkdown(h.name)} (${codeSpan(reference)} → ${codeSpan(shortDigest(h.candidate))}): ${kind}${until}: ${escapeMarkdown(h.reason)}`
}

/** The lines of each held update, in order. */
export function heldLines(held: readonly HeldUpdate[]): string[] {
  return held.map(heldLine)
}

/**
 * The section, showing the first `cap` lines and saying how many more it left out; nothing
 * when no update was held.
 */
export function renderHeld(held: readonly HeldUpdate[], cap = held.length, why = ''): string {
  return heldSection(heldLines(held), cap, why)
}

export function heldSection(lines: readonly string[], cap: number, why = ''): string {
  if (lines.length === 0) return ''
  const n = lines.length
  const intro =
    n === 1
      ? 'This update was not proposed and keeps its current digest:'
      : `These ${n} updates were not proposed and keep their current digest:`
  const shown = lines.slice(0, cap)
  const rest = n - shown.length
  if (rest > 0)
    shown.push(`- _${shown.length > 0 ? '…and ' : ''}${rest} more${why ? ` (${why})` : ''}._`)
  return ['### Held back', '', intro, '', ...shown].join('\n')
}
