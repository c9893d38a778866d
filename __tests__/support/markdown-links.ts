/**
 * What GitHub would turn into a link, image, mention, reference or HTML in Markdown we
 * produced: a checker for tests, stricter than GFM. Code spans and fenced blocks are
 * dropped first (nothing in them renders), then backslash escapes and entities are resolved
 * to the text a reader sees, which is what GitHub's autolinker runs on.
 */

/** Drops fenced code blocks and code spans (any backtick run closed by one as long). */
export function outsideCode(markdown: string): string {
  const lines: string[] = []
  let fence: string | undefined
  for (const line of markdown.split('\n')) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence) {
      if (open && open[0] === fence[0] && open.length >= fence.length) fence = undefined
      continue
    }
    if (open) {
      fence = open
      continue
    }
    lines.push(line)
  }
  return lines.join('\n').replace(/(`+)[\s\S]*?(?<!`)\1(?!`)/g, ' ')
}

/** The text as rendered: backslash escapes and entities resolved. */
export function renderedText(markdown: string): string {
  return markdown
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

export interface Finding {
  kind: string
  match: string
}

/**
 * Everything in `markdown` that would render as more than text. `allowedLink` lets the
 * caller's own links through (the upstream links the body is meant to have).
 */
export function activeMarkdown(
  markdown: string,
  allowedLink: (destination: string) => boolean = () => false
): Finding[] {
  let raw = outsideCode(markdown)
  const found: Finding[] = []
  const add = (kind: string, re: RegExp, source: string) => {
    for (const m of source.matchAll(re)) found.push({ kind, match: m[0] })
  }
  // The caller's own links, whole, are taken out before anything else is looked at.
  raw = raw.replace(/(?<!\\)(!?)\[((?:[^\]\\]|\\.)*)\]\(([^)\s]*)\)?/g, (m, bang, _t, d) => {
    if (!bang && allowedLink(d)) return ' '
    found.push({ kind: bang ? 'image' : 'link', match: m })
    return ' '
  })
  // Task-list boxes are the template's own.
  raw = raw.replace(/^(\s*[-*] )\[[ x]\]/gim, '$1')
  const text = renderedText(raw)
  add('reference link', /(?<!\\)\[(?:[^\]\\]|\\.)+\](?!\()/g, raw)
  add('html', /(?<!\\)<[a-z!/?]/gi, raw)
  // Autolinks: anywhere, not only where GFM starts them (after space, *, _, ~ or ().
  add('www autolink', /www\.[a-z0-9]/gi, text)
  add('url autolink', /[a-z][a-z0-9+.-]*:\/\/[^\s)]+/gi, text)
  add('email autolink', /[a-z0-9._+-]@[a-z0-9_-]+\.[a-z0-9]/gi, text)
  add('mention', /(?:^|[^a-z0-9`])@[a-z0-9]/gim, text)
  add('issue reference', /#\d|\bGH-\d/gi, text)
  return found
}
