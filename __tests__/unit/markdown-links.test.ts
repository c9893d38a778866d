/**
 * Every relative link in the repository's Markdown points at something: a file or directory
 * that exists, and, for `#anchor` links, a heading GitHub renders with that anchor.
 * Absolute URLs are not fetched (no network); links inside code are not links.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { ROOT } from '../support/run-action.js'

/** Markdown text with fenced code blocks and inline code blanked out. */
function withoutCode(markdown: string): string {
  return (
    markdown
      // The fence's indent is spaces and tabs only: `\s*` would take the blank lines before it
      // too, miss the closing fence, and leave a stray run of backticks that hides later links.
      .replace(/^([ \t]*)(```|~~~)[^\n]*\n[\s\S]*?^\1\2[^\n]*$/gm, '')
      .replace(/(`+)[\s\S]*?\1/g, '')
  )
}

/** Link targets: inline `[text](target "title")`, images, and `[label]: target` definitions. */
function linkTargets(markdown: string): string[] {
  const text = withoutCode(markdown)
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
  const definitions = [...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)]
  return [...inline, ...definitions].map(m => m[1]!)
}

/** The anchors GitHub gives a file's headings (github-slugger's rule, duplicates numbered). */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
  for (const m of text.matchAll(/^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/gm)) {
    const content = m[1]!
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/<[^>]+>/g, '')
      // Emphasis markers are not part of the rendered text; a snake_case word keeps its `_`.
      .replace(/\*+/g, '')
      .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1')
    const base = content
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  }
  // Explicit anchors: <a id="…"> / <a name="…">.
  for (const m of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!)
  return anchors
}

/** Why each relative link of one file points nowhere; `read` and `exists` see the repository. */
function brokenLinks(
  file: string,
  markdown: string,
  exists: (path: string) => 'file' | 'dir' | null,
  read: (path: string) => string
): string[] {
  const problems: string[] = []
  for (const target of linkTargets(markdown)) {
    // Absolute URLs and other schemes (https:, mailto:) are not checked here.
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue
    const [rawPath = '', anchor] = target.split('#', 2)
    const path = decodeURIComponent(rawPath)
    const resolved = path
      ? normalize(path.startsWith('/') ? path.slice(1) : join(dirname(file), path)).replace(
          /(.)\/$/,
          '$1'
        )
      : file
    if (resolved.startsWith('..')) {
      problems.push(`${file}: ${target}: points outside the repository`)
      continue
    }
    const kind = exists(resolved)
    if (!kind) {
      problems.push(`${file}: ${target}: ${resolved} does not exist`)
      continue
    }
    if (anchor && kind === 'file' && /\.md$/i.test(resolved)) {
      if (!headingAnchors(read(resolved)).has(decodeURIComponent(anchor).toLowerCase())) {
        problems.push(`${file}: ${target}: ${resolved} has no heading #${anchor}`)
      }
    }
  }
  return problems
}

function markdownFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], {
    cwd: ROOT,
    encoding: 'utf8'
  })
    .split('\n')
    .filter(file => file && existsSync(join(ROOT, file)))
}

const repoExists = (path: string) => {
  const full = join(ROOT, path)
  if (!existsSync(full)) return null
  return statSync(full).isDirectory() ? 'dir' : 'file'
}
const repoRead = (path: string) => readFileSync(join(ROOT, path), 'utf8')

describe('relative links in Markdown', () => {
  const files = markdownFiles()

  it('are checked in the README, the docs and the changelog', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'CONTRIBUTING.md']))
    expect(files.some(f => f.startsWith('docs/'))).toBe(true)
  })

  it.each(files)('%s: every relative link points at a file and heading that exist', file => {
    expect(
      brokenLinks(relative(ROOT, join(ROOT, file)), repoRead(file), repoExists, repoRead)
    ).toEqual([])
  })
})

describe('the link checker', () => {
  const tree: Record<string, string> = {
    'README.md': '# Tool\n\n## Other files\n\n## `mode: matrix` and _you_\n\n## Other files\n',
    'docs/a.md': '# A page\n\n<a id="custom"></a>\n'
  }
  const exists = (path: string) =>
    path in tree ? 'file' : Object.keys(tree).some(p => p.startsWith(`${path}/`)) ? 'dir' : null
  const read = (path: string) => tree[path]!

  it('finds a missing file, a missing heading and a link out of the repository', () => {
    const page = [
      '[ok](../README.md#other-files) [ok](../README.md#other-files-1) [ok](#custom)',
      '[ok](../README.md#mode-matrix-and-you) [ok](/docs/) [ok](https://example.com/x.md)',
      '[gone](missing.md) [no heading](../README.md#inputs) ![img](pic.png)',
      '[ref]: ../../outside.md',
      '`[not a link](nowhere.md)`',
      '```md\n[not a link either](nowhere.md)\n```'
    ].join('\n')
    expect(brokenLinks('docs/a.md', page, exists, read)).toEqual([
      'docs/a.md: missing.md: docs/missing.md does not exist',
      'docs/a.md: ../README.md#inputs: README.md has no heading #inputs',
      'docs/a.md: pic.png: docs/pic.png does not exist',
      'docs/a.md: ../../outside.md: points outside the repository'
    ])
  })

  it('still sees links after code blocks that follow blank lines', () => {
    const page = [
      'Text:\n\n```yaml\na: 1\n```',
      'Middle.\n\n```yaml\nb: 2\n```',
      'and `code` [gone](missing.md) then `more`\n'
    ].join('\n\n')
    expect(brokenLinks('docs/a.md', page, exists, read)).toEqual([
      'docs/a.md: missing.md: docs/missing.md does not exist'
    ])
  })
})
