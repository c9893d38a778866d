/**
 * No untrusted value renders as a link, image, mention, reference or HTML: checked against
 * GFM's autolink rules (www., http(s)://, email, and the extended forms after `_*~(`) by the
 * stricter checker in __tests__/support/markdown-links.ts.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { randomSeed } from '../support/random-seed.js'
import { codeSpan, escapeMarkdown, table } from '../../src/domain/text/markdown.js'
import { activeMarkdown } from '../support/markdown-links.js'

const RANDOM_SEED = randomSeed()
const SEEDS = [7, 1234, 20261201, RANDOM_SEED]
console.log(
  `markdown-links property seeds: ${SEEDS.join(', ')} (replay: FAST_CHECK_SEED=${RANDOM_SEED})`
)

const HOSTILE = [
  'www.evil.example',
  '_www.evil.example',
  '*www.evil.example*',
  '~www.evil.example~',
  '(www.evil.example)',
  'WWW.EVIL.EXAMPLE',
  'x_www.evil.example',
  'https://evil.example/x',
  '_https://evil.example',
  'HTTP://EVIL.EXAMPLE',
  'mailto:evil@mail.example',
  'evil@mail.example',
  '_evil@mail.example',
  '@octocat',
  '@evil-org/team',
  '#4242',
  'GH-4242',
  '[click](https://evil.example)',
  '![img](https://evil.example/x.png)',
  '[ref]',
  '<img src=x onerror=alert(1)>',
  '<https://evil.example>',
  '<!-- hidden -->',
  'a\n\n<b>below a blank line</b>',
  '`code` then www.evil.example',
  '\\[escaped\\](https://evil.example)'
]

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('%j renders as text only', value => {
    expect(activeMarkdown(escapeMarkdown(value))).toEqual([])
  })

  it.each(SEEDS)('no string renders as anything but text (seed %d)', seed => {
    const parts = fc.constantFrom(
      'www.',
      'evil',
      '.example',
      'http',
      's',
      '://',
      '@',
      '#',
      '1',
      '_',
      '*',
      '~',
      '(',
      ')',
      '[',
      ']',
      '!',
      '<',
      '>',
      '`',
      '\\',
      '&',
      'lt;',
      ' ',
      '\n',
      'a'
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(parts, { maxLength: 20 }).map(p => p.join('')),
          fc.string({ maxLength: 30 })
        ),
        value => activeMarkdown(escapeMarkdown(value)).length === 0
      ),
      { seed, numRuns: 2000 }
    )
  })
})

describe('codeSpan', () => {
  it.each([...HOSTILE, 'name\n\nwith a blank line www.evil.example', 'a ` b `` c', '```'])(
    '%j stays one span, also in a table cell',
    value => {
      expect(activeMarkdown(codeSpan(value))).toEqual([])
      expect(codeSpan(value)).not.toMatch(/\n/)
      const cell = table(['Name'], [[codeSpan(`${value}|x`, { inTable: true })]])
      expect(cell.split('\n')).toHaveLength(3)
      expect(activeMarkdown(cell)).toEqual([])
    }
  )
})
