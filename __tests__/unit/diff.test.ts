import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unifiedDiff } from '../../src/domain/pull-request/diff.js'

/** GNU diff is the reference: the dry-run diff must read exactly like the one reviewers know. */
function gnuDiff(before: string, after: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'diff-'))
  try {
    writeFileSync(join(dir, 'a'), before)
    writeFileSync(join(dir, 'b'), after)
    try {
      execFileSync('diff', ['-U2', '--label', 'a/c.yml', '--label', 'b/c.yml', 'a', 'b'], {
        cwd: dir,
        encoding: 'utf8'
      })
      return ''
    } catch (error) {
      return (error as { stdout: string }).stdout
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function config(digests: (string | undefined)[]): string {
  const lines = ['# pinned images', 'containers:']
  digests.forEach((d, i) => {
    lines.push(`  - target: t${i}`, `    image_tag: tag-${i}`)
    if (d !== undefined) lines.push(`    current_sha: ${d}`)
  })
  return lines.join('\n') + '\n'
}

const hex = (c: string) => c.repeat(64)

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    const text = config([hex('a')])
    expect(unifiedDiff('c.yml', text, text)).toBe('')
  })

  it.each([
    ['one replaced digest', [hex('a'), hex('b'), hex('c')], [hex('a'), hex('d'), hex('c')]],
    [
      'replacements far apart become separate hunks',
      Array.from({ length: 12 }, () => hex('a')),
      Array.from({ length: 12 }, (_, i) => (i === 1 || i === 10 ? hex('e') : hex('a')))
    ],
    ['an inserted digest', [hex('a'), undefined, hex('c')], [hex('a'), hex('f'), hex('c')]],
    ['a digest inserted at the end', [hex('a'), undefined], [hex('a'), hex('f')]],
    ['the first line changes', [hex('1')], [hex('2')]]
  ])('matches GNU diff -U2 for %s', (_name, before, after) => {
    const a = config(before)
    const b = config(after)
    const ours = unifiedDiff('c.yml', a, b)
    expect(ours).not.toBe('')
    expect(ours).toBe(gnuDiff(a, b))
  })
})
