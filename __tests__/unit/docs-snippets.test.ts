/**
 * The snippets in docs/ are copied as they are: every YAML block must parse, and every shell
 * block must be valid `sh` (checked with `sh -n`, which runs nothing).
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, parseDocument } from 'yaml'
import { ROOT } from '../support/run-action.js'

interface Snippet {
  file: string
  line: number
  lang: string
  code: string
}

function snippets(): Snippet[] {
  return readdirSync(join(ROOT, 'docs'))
    .filter(name => name.endsWith('.md'))
    .flatMap(name => {
      const text = readFileSync(join(ROOT, 'docs', name), 'utf8')
      return [...text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map(m => ({
        file: `docs/${name}`,
        line: text.slice(0, m.index).split('\n').length,
        lang: m[1]!,
        code: m[2]!
      }))
    })
}

/** GitLab CI `script`, `before_script` and `after_script` items that are not strings. */
function scriptProblems(doc: unknown): string[] {
  if (doc === null || typeof doc !== 'object') return []
  return Object.entries(doc as Record<string, unknown>).flatMap(([job, value]) => {
    if (value === null || typeof value !== 'object') return []
    return Object.entries(value as Record<string, unknown>)
      .filter(([key]) => /^(before_|after_)?script$/.test(key))
      .flatMap(([key, items]) =>
        (Array.isArray(items) ? items : [items]).flatMap((item: unknown, i) =>
          typeof item === 'string' ? [] : [`${job}.${key}[${i}] is not a string`]
        )
      )
  })
}

const all = snippets()
const yamlBlocks = all.filter(s => s.lang === 'yaml' || s.lang === 'yml')
const shellBlocks = all.filter(s => s.lang === 'sh' || s.lang === 'bash')

describe('snippets in docs/', () => {
  it('include YAML and shell blocks', () => {
    expect(yamlBlocks.length).toBeGreaterThan(0)
    expect(shellBlocks.length).toBeGreaterThan(0)
  })

  it.each(yamlBlocks.map(s => [`${s.file}:${s.line}`, s] as const))('%s is valid YAML', (_, s) => {
    expect(parseDocument(s.code).errors.map(e => e.message)).toEqual([])
  })

  it.each(shellBlocks.map(s => [`${s.file}:${s.line}`, s] as const))('%s is valid sh', (_, s) => {
    const result = spawnSync('sh', ['-n'], { input: s.code, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it.each(yamlBlocks.map(s => [`${s.file}:${s.line}`, s] as const))(
    '%s: every GitLab script line is a command, not a mapping YAML made of a ": "',
    (_, s) => {
      expect(scriptProblems(parse(s.code))).toEqual([])
    }
  )

  it('a broken YAML or shell snippet is caught', () => {
    const yaml = `script:\n  - jq -r '.failed[] | "not updated: \\(.name) (\\(.image):\\(.tag)): \\(.error)"' report.json\n`
    expect(parseDocument(yaml).errors).not.toEqual([])
    // Valid YAML, but a mapping where GitLab wants a command.
    expect(scriptProblems(parse(`job:\n  script:\n    - echo "\\(.a): \\(.b)"\n`))).toEqual([
      'job.script[0] is not a string'
    ])
    expect(spawnSync('sh', ['-n'], { input: 'if true; then\n', encoding: 'utf8' }).status).not.toBe(
      0
    )
  })
})
