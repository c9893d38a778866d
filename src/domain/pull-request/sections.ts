/**
 * The body's sections as text, each showing at most its cap of items and saying how many
 * more it left out: the changes table, the update list, the file line, failures, upstream.
 */

export const SHORTENED = "body shortened to fit GitHub's limit"

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "a", "a and b", "a, b and c"; "a, b and 3 more" when capped. */
export function inline(items: string[], cap: number, none: string): string {
  if (items.length === 0) return none
  const shown = items.slice(0, cap)
  const rest = items.length - shown.length
  if (shown.length === 0) return String(rest)
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`
  if (shown.length === 1) return shown[0]!
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]!}`
}

export function fileLine(files: string[], cap: number): string {
  if (files.length === 0) return ''
  const list = cap > 0 ? inline(files, cap, '') : plural(files.length, 'other file', 'other files')
  return `Also updated: ${list}.`
}

function moreUpdates(shown: number, rest: number): string {
  return shown > 0
    ? `…and ${plural(rest, 'more update', 'more updates')} (${SHORTENED}); see the job summary`
    : `${plural(rest, 'update', 'updates')} not shown (${SHORTENED}); see the job summary`
}

export function changesTable(rows: string[], cap: number): string {
  if (rows.length === 0) return 'No digest changed.'
  const shown = rows.slice(0, cap)
  const rest = rows.length - shown.length
  // A line right after a table is read as another row, hence the blank line before the note.
  const note = rest > 0 ? `_${moreUpdates(shown.length, rest)}._` : ''
  if (shown.length === 0) return note
  const head = ['| Target | Previous Hash | New Hash |', '| ------ | ------------- | -------- |']
  return [...head, ...shown].join('\n') + (note ? `\n\n${note}` : '')
}

export function updateList(bullets: string[], cap: number): string {
  if (bullets.length === 0) return 'No digest changed.'
  const shown = bullets.slice(0, cap)
  const rest = bullets.length - shown.length
  if (rest > 0) shown.push(`- _${moreUpdates(shown.length, rest)}._`)
  return shown.join('\n')
}

export function failureSection(items: string[], cap: number): string {
  if (items.length === 0) return ''
  const n = items.length
  const intro =
    n === 1
      ? 'This entry could not be resolved and keeps its previous digest:'
      : `These ${n} entries could not be resolved and keep their previous digest:`
  const shown = items.slice(0, cap)
  const rest = n - shown.length
  if (rest > 0)
    shown.push(
      `- _${shown.length > 0 ? '…and ' : ''}${rest} more (${SHORTENED}); see the job summary._`
    )
  return ['### Not updated', '', intro, '', ...shown].join('\n')
}

export function upstreamSection(items: string[], cap: number): string {
  if (items.length === 0) return ''
  const shown = items.slice(0, cap)
  const rest = items.length - shown.length
  if (rest > 0)
    shown.push(
      `- _${shown.length > 0 ? '…and ' : ''}${plural(rest, 'more link', 'more links')} (${SHORTENED})._`
    )
  return ['### Upstream Changes', '', ...shown].join('\n')
}
