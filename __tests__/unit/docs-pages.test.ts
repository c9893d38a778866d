/**
 * The reference lives in docs/ pages a newcomer reaches from the README: each page has a
 * title and a table of contents that lists every section it has, and the README links every
 * page. docs/reliability.md is exempt from the contents rule: `npm run reliability` writes it
 * from a run, and its summary table comes first.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../support/run-action.js'

const GENERATED = ['reliability.md']

const pages = readdirSync(join(ROOT, 'docs')).filter(name => name.endsWith('.md'))
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

/** `## ` headings outside code blocks, as written. */
function sections(markdown: string): string[] {
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
  return [...text.matchAll(/^## (.+)$/gm)].map(m => m[1]!.trim())
}

/** The link texts of the list that follows the page's opening paragraphs, before any `## `. */
function contents(markdown: string): string[] {
  const head = markdown.slice(0, markdown.search(/^## /m))
  return [...head.matchAll(/^\s*- \[([^\]]+)\]\(#[^)]+\)$/gm)].map(m => m[1]!)
}

describe('docs pages', () => {
  it('include the reference pages the README promises', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        'configuration.md',
        'pull-request.md',
        'other-files.md',
        'events.md',
        'credentials.md',
        'command-line.md',
        'performance.md',
        'security.md',
        'troubleshooting.md'
      ])
    )
  })

  it.each(pages.filter(name => !GENERATED.includes(name)))(
    'docs/%s has a title and a table of contents listing every section',
    name => {
      const text = read(`docs/${name}`)
      expect(text).toMatch(/^# \S/)
      const listed = contents(text)
      for (const section of sections(text)) expect(listed).toContain(section)
    }
  )

  it.each(pages)('the README links docs/%s', name => {
    expect(read('README.md')).toContain(`](docs/${name}`)
  })

  it('a page whose contents miss a section is caught', () => {
    const page = '# T\n\nIntro.\n\n- [One](#one)\n\n## One\n\n## Two\n'
    expect(sections(page).filter(s => !contents(page).includes(s))).toEqual(['Two'])
  })
})
