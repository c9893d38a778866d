/**
 * The workflows users copy are safe as written: no `run:` interpolates an expression (a
 * matrix value, an output or an event field becomes shell code that way; pass it through
 * `env`), and the README's smallest example carries the permissions it needs to open the
 * pull request it opens by default.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { ROOT } from '../support/run-action.js'

function runScripts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) runScripts(item, out)
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'run' && typeof value === 'string') out.push(value)
      else runScripts(value, out)
    }
  }
  return out
}

/** The README and the docs/ pages: the reference moved there, with its workflow snippets. */
const markdownFiles = (): string[] => [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter(name => name.endsWith('.md'))
    .map(name => `docs/${name}`)
]

const yamlBlocks = (file: string): string[] =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/```ya?ml\n([\s\S]*?)```/g)].map(m => m[1]!)

const workflows = (): Array<[string, string]> =>
  ['examples', '.github/workflows'].flatMap(dir =>
    readdirSync(join(ROOT, dir))
      .filter(name => /\.ya?ml$/.test(name))
      .map(
        name => [`${dir}/${name}`, readFileSync(join(ROOT, dir, name), 'utf8')] as [string, string]
      )
  )

describe('workflows users copy', () => {
  const sources: Array<[string, string]> = [
    ...workflows(),
    ...markdownFiles().flatMap(file =>
      yamlBlocks(file).map((text, i) => [`${file} yaml block ${i + 1}`, text] as [string, string])
    )
  ]

  it.each(sources)('%s interpolates no expression into run:', (_name, text) => {
    const scripts = parseAllDocuments(text).flatMap(doc => runScripts(doc.toJS()))
    expect(scripts.filter(script => script.includes('${{'))).toEqual([])
  })

  it("the README's smallest example grants contents and pull-requests write", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const block = /The smallest (?:step|job|workflow)[\s\S]*?```yaml\n([\s\S]*?)```/.exec(
      readme
    )?.[1]
    expect(block).toBeDefined()
    const data = parseAllDocuments(block!)[0]!.toJS() as Record<string, unknown>
    const permissions = JSON.stringify(data)
    expect(permissions).toContain('"contents":"write"')
    expect(permissions).toContain('"pull-requests":"write"')
  })
})
