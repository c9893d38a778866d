/**
 * Escaping for values from config files and registries that land in Markdown (job
 * summary, pull request body): a `|` cannot break a table, a backtick cannot open code,
 * HTML cannot render, and `@name` cannot notify anyone.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~>]/g, ch => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/@/g, '@\u200b')
}

/** Inline code for values known to be plain (digests, validated references). */
export function code(value: string): string {
  return `\`${value.replace(/`/g, '')}\``
}

export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}
