/**
 * A unified diff for dry runs. The config rewrite only replaces digest lines or inserts one
 * line per unpinned entry, so a greedy line walk yields the minimal diff without an LCS
 * table, which matters for thousand-entry configs.
 */
interface Line {
  kind: ' ' | '-' | '+'
  text: string
  oldNo: number
  newNo: number
}

function splitLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

function walk(a: string[], b: string[]): Line[] {
  const out: Line[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: ' ', text: a[i]!, oldNo: i++, newNo: j++ })
    } else if (j < b.length && (i >= a.length || a[i] === b[j + 1])) {
      out.push({ kind: '+', text: b[j]!, oldNo: i, newNo: j++ })
    } else if (i < a.length && (j >= b.length || a[i + 1] === b[j])) {
      out.push({ kind: '-', text: a[i]!, oldNo: i++, newNo: j })
    } else {
      out.push({ kind: '-', text: a[i]!, oldNo: i++, newNo: j })
      out.push({ kind: '+', text: b[j]!, oldNo: i, newNo: j++ })
    }
  }
  return out
}

export function unifiedDiff(path: string, before: string, after: string, context = 2): string {
  const lines = walk(splitLines(before), splitLines(after))
  const changed = lines.map((l, n) => (l.kind === ' ' ? -1 : n)).filter(n => n >= 0)
  if (changed.length === 0) return ''
  const out = [`--- a/${path}`, `+++ b/${path}`]
  let k = 0
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - context)
    let end = changed[k]!
    while (k < changed.length && changed[k]! - end <= 2 * context + 1) end = changed[k++]!
    end = Math.min(lines.length - 1, end + context)
    const hunk = lines.slice(start, end + 1)
    const oldCount = hunk.filter(l => l.kind !== '+').length
    const newCount = hunk.filter(l => l.kind !== '-').length
    const first = hunk[0]!
    out.push(
      `@@ -${first.oldNo + (oldCount ? 1 : 0)},${oldCount} +${first.newNo + (newCount ? 1 : 0)},${newCount} @@`
    )
    for (const l of hunk) out.push(`${l.kind}${l.text.replace(/\r$/, '')}`)
  }
  return out.join('\n') + '\n'
}
