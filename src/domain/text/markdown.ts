/**
 * Escaping for values from config files and registries that land in Markdown (job
 * summary, pull request body): a `|` cannot break a table, a backtick cannot open code,
 * HTML cannot render, and `@name` cannot notify anyone.
 */

/**
 * C0/C1 controls and the bidirectional overrides: invisible in a rendered body, and the
 * overrides can make a name read differently from what it is ("Trojan Source"), so a
 * reviewer is shown a replacement character instead.
 */
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** Text kept on one line: a line break would end a table row or start a new block. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(UNSAFE_CHARACTERS, '\ufffd')
}

/**
 * Escapes untrusted text for inline Markdown. GitHub links `@name`, `#123`, `GH-123` and
 * bare URLs after rendering, on the text itself, so a backslash escape does not stop them;
 * a zero-width space after the trigger does, and stays invisible to the reader.
 */
export function escapeMarkdown(value: string): string {
  return (
    oneLine(value)
      .trim()
      .replace(/[\\`*_{}[\]()#+!|~>$]/g, ch => `\\${ch}`)
      // At the start of a line (a template may put a value there) these open a list,
      // a setext heading or a thematic break.
      .replace(/^([-=])/, '\\$1')
      .replace(/^(\d+)\./, '$1\\.')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/@/g, '@\u200b')
      .replace(/#/g, '#\u200b')
      .replace(/\b(GH)-(?=\d)/gi, '$1\u200b-')
      .replace(/:\/\//g, ':\u200b//')
      // GFM links `www.` after a word boundary and after `_`, `*`, `~` or `(`, and `_` is a
      // word character, so every `www.` is broken, wherever it stands.
      .replace(/www\./gi, m => `${m.slice(0, 3)}\u200b.`)
  )
}

/** Inline code; the same as `codeSpan`, so no value can leave its span. */
export function code(value: string, options: { inTable?: boolean } = {}): string {
  return codeSpan(value, options)
}

/**
 * Inline code for any value, shown exactly: the fence is one backtick longer than the
 * longest backtick run inside, so the value cannot close it. Inside a code span nothing is
 * a link, mention or HTML. In a table cell GFM splits cells on `|` before it reads code
 * spans, so `inTable` escapes pipes (GitHub removes that backslash again).
 */
export function codeSpan(value: string, options: { inTable?: boolean } = {}): string {
  let text = oneLine(value)
  if (options.inTable) text = text.replace(/\|/g, '\\|')
  let longest = 0
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  const fence = '`'.repeat(longest + 1)
  // CommonMark strips one space from each end when both ends have one, and a backtick at
  // an end would merge with the fence: pad so the value survives both rules.
  if (text === '') return '` `'
  const pad =
    text.startsWith('`') ||
    text.endsWith('`') ||
    (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '')
      ? ' '
      : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/**
 * The value as an http(s) URL, or undefined when it is not one: `javascript:` and other
 * schemes, relative paths, and URLs with credentials, which must not be published.
 */
export function safeUrl(value: string): URL | undefined {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  if (url.username || url.password) return undefined
  return url
}

/**
 * A URL as a Markdown link destination, percent-encoded where Markdown would read it
 * differently: parentheses and spaces end it, and `<` `>` `"` and backticks have no business
 * in it. Markdown decodes entities in a destination even after a backslash, so `&` is
 * written as `&amp;`, which decodes back to exactly `&`.
 */
export function linkDestination(url: URL): string {
  return url.href
    .replace(
      /[\s()<>"`\\[\]|{}^]/g,
      ch => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
    )
    .replace(/&/g, '&amp;')
}

/** `[text](url)` with the text escaped; the URL must come from `safeUrl`. */
export function link(text: string, url: URL): string {
  return `[${escapeMarkdown(text)}](${linkDestination(url)})`
}

export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}
