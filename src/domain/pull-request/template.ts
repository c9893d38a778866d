/** The template's placeholders filled in, and the blank lines empty ones leave tidied away. */

/**
 * One pass over the template only: a value that happens to contain "{date}" is never
 * expanded, and unknown placeholders stay as written.
 */
export function substitute(template: string, values: Map<string, string>): string {
  return template.replace(/\{([a-z_]+)\}/g, (match, name: string) => values.get(name) ?? match)
}

/** An opening or closing code fence: three or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/

export interface OpenFence {
  char: string
  length: number
}

export function fenceAfter(line: string, open: OpenFence | undefined): OpenFence | undefined {
  const match = FENCE.exec(line)
  if (!match) return open
  const run = match[1]!
  const rest = match[2]!
  if (open) {
    return run[0] === open.char && run.length >= open.length && rest.trim() === ''
      ? undefined
      : open
  }
  // A backtick fence's info string cannot hold a backtick (that line is inline code).
  if (run[0] === '`' && rest.includes('`')) return undefined
  return { char: run[0]!, length: run.length }
}

/**
 * Collapses blank-line runs left by empty placeholders to one blank line (Markdown renders
 * them alike), except inside fenced code where every line is content.
 */
export function tidy(body: string): string {
  const out: string[] = []
  let open: OpenFence | undefined
  for (const line of body.split('\n')) {
    const blank = line.trim() === ''
    if (!open && blank && (out.length === 0 || out[out.length - 1] === '')) continue
    out.push(!open && blank ? '' : line)
    open = fenceAfter(line, open)
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop()
  if (open) out.push(open.char.repeat(open.length))
  return out.join('\n') + '\n'
}
