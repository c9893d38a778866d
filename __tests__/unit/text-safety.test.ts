/**
 * The text-safety module (src/domain/text/plain.ts, with its sinks src/action/log.ts and src/cli/terminal.ts): what reaches the runner is never a workflow command,
 * what reaches a terminal carries no escape sequence, secrets are scrubbed in every
 * spelling, and no file in src/ but the sinks writes to the log or a terminal directly.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { randomSeed } from '../support/random-seed.js'
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { logSafe, neutraliseLine, stripTerminal } from '../../src/domain/text/plain.js'
import { SecretRegistry } from '../../src/domain/text/secrets.js'
import { stopToken } from '../../src/action/log.js'
import { outputLines, parseCommand, processedCommands } from '../support/workflow-commands.js'
import { ROOT } from '../support/run-action.js'

/** Fixed seeds for CI, and one fresh seed that is printed so a failure can be replayed. */
const RANDOM_SEED = randomSeed()
// 1815252175 found ':\t:error::' (collation ignores a tab between the colons): kept.
const SEEDS = [1, 42, 20261201, 1815252175, RANDOM_SEED]
console.log(
  `text-safety property seeds: ${SEEDS.join(', ')} (replay: FAST_CHECK_SEED=${RANDOM_SEED})`
)

const FORGED = [
  '::error::forged',
  '  ::set-output name=matrix::[]',
  '\t::add-mask::sha256',
  '::stop-commands::deadbeef',
  '\u00a0::warning file=x::y',
  '\u2003::notice::em space',
  '\u200b::error::zero width first',
  '\ufeff::error::bom first',
  'name ##[set-output name=x]y',
  '##[error]legacy',
  '#\u00ad#[error]soft hyphen inside',
  '##\u200b[error]zero width inside',
  'a\n::error::second line',
  'a\r::error::after a carriage return',
  'a\r\n##[warning]crlf',
  ':\u2060:error::word joiner',
  ':\t:error::tab between the colons',
  '\t:\t\t:warning::tabs before and between',
  '#\t#[error]tab inside the legacy form',
  '##\t[error]tab before the bracket',
  '###[error]three'
]

/** Not commands for the ported parser, but one step from it for a looser one. */
const NEAR = [
  '\u0301::error::a lone mark',
  '\x1b[2K::error::after an erase',
  '\x1b::error::after ESC'
]

describe('neutraliseLine and logSafe', () => {
  it.each(NEAR)('%j is no command after', text => {
    expect(outputLines(logSafe(text)).filter(line => parseCommand(line))).toEqual([])
    expect(logSafe(text)).not.toMatch(/^\s*::/m)
  })

  it.each(FORGED)('%j is a command before and never after', text => {
    expect(outputLines(text).some(line => parseCommand(line))).toBe(true)
    const safe = logSafe(text)
    expect(outputLines(safe).filter(line => parseCommand(line))).toEqual([])
  })

  it.each([
    ['plain text', 'plain text'],
    ['::error::x', ': :error::x'],
    ['  ::x::y', '  : :x::y'],
    ['a ##[b]', 'a ## [b]'],
    ['a::b::c', 'a::b::c'],
    ['one\ntwo\r\nthree', 'one\ntwo\nthree'],
    ['tab\tstays', 'tab\tstays']
  ])('%j becomes %j', (text, shown) => {
    expect(logSafe(text)).toBe(shown)
  })

  it('splits at line breaks only where it was given them', () => {
    expect(neutraliseLine('::a::b')).toBe(': :a::b')
  })

  it.each(SEEDS)('no string is ever parsed as a command once made safe (seed %d)', seed => {
    const hostile = fc.constantFrom(
      ':',
      '::',
      '#',
      '##[',
      '[',
      ']',
      ' ',
      '\t',
      '\n',
      '\r',
      '\u00a0',
      '\u00ad',
      '\u200b',
      '\u2060',
      '\ufeff',
      '\u0301',
      '\x1b',
      '\x1b]8;;',
      '\x07',
      'error',
      'stop-commands',
      'a'
    )
    const text = fc.oneof(
      fc.array(hostile, { maxLength: 20 }).map(parts => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 40 })
    )
    fc.assert(
      fc.property(text, value => {
        const lines = outputLines(logSafe(value))
        return lines.every(line => parseCommand(line) === undefined)
      }),
      { seed, numRuns: 2000 }
    )
  })
})

describe('stop-commands blocks', () => {
  it('draws a fresh 128-bit token that the text does not hold', () => {
    const a = stopToken('x')
    const b = stopToken('x')
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(a).not.toBe(b)
  })

  it('the runner acts on nothing between the markers', () => {
    const token = stopToken('')
    const output = `::stop-commands::${token}\n::error::forged\n##[set-output name=x]y\n::${token}::\n::warning::ours`
    expect(processedCommands(output).map(c => c.command)).toEqual([
      'stop-commands',
      token,
      'warning'
    ])
  })
})

describe('stripTerminal', () => {
  it.each([
    ['\x1b[31mred\x1b[0m', 'red'],
    ['\x1b]8;;https://evil.example\x07click\x1b]8;;\x07', 'click'],
    ['\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\', 'click'],
    ['\x1b]0;window title\x07x', 'x'],
    ['\x9b31mC1 CSI', 'C1 CSI'],
    ['\x1bPdcs string\x1b\\after', 'after'],
    ['lone \x1b\nescape', 'lone \nescape'],
    ['ESC at the end \x1b', 'ESC at the end '],
    ['bell\x07 and backspace\x08', 'bell\ufffd and backspace\ufffd'],
    ['over\rwrite', 'over\nwrite'],
    ['keeps\ttabs\nand lines', 'keeps\ttabs\nand lines'],
    ['bidi \u202eevil', 'bidi \ufffdevil'],
    ['\x1b[2J\x1b[Hcleared', 'cleared'],
    ['C1 \x85 next line', 'C1 \ufffd next line']
  ])('%j is shown as %j', (text, shown) => {
    expect(stripTerminal(text)).toBe(shown)
  })

  it.each(SEEDS)('leaves no control but tab and line feed (seed %d)', seed => {
    const parts = fc.constantFrom(
      '\x1b',
      '[',
      ']',
      '8',
      ';',
      '\x07',
      '\\',
      'a',
      '\x9b',
      '\x9d',
      '\r',
      'm'
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(parts, { maxLength: 20 }).map(p => p.join('')),
          fc.string({ unit: 'binary', maxLength: 40 })
        ),
        // eslint-disable-next-line no-control-regex
        value => !/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(stripTerminal(value))
      ),
      { seed, numRuns: 2000 }
    )
  })
})

describe('SecretRegistry', () => {
  it('scrubs every secret as is, JSON-escaped and URL-encoded, longest first', () => {
    const secrets = new SecretRegistry()
    secrets.add('pa"ss\\word')
    secrets.add('token-abc')
    secrets.add('token-abc-longer')
    secrets.add('  ')
    secrets.add(undefined)
    expect(secrets.redact('p=pa"ss\\word t=token-abc-longer u=token-abc')).toBe('p=*** t=*** u=***')
    expect(secrets.redact(JSON.stringify({ p: 'pa"ss\\word' }))).toBe('{"p":"***"}')
    expect(secrets.redact(`q=${encodeURIComponent('pa"ss\\word')}`)).toBe('q=***')
    expect(secrets.redact('nothing   secret')).toBe('nothing   secret')
  })

  it('tells each listener of every secret, those added before it too', () => {
    const secrets = new SecretRegistry()
    secrets.add('first-secret')
    const seen: string[] = []
    secrets.onAdd(s => seen.push(s))
    secrets.add('second-secret')
    secrets.add('second-secret')
    expect(seen).toEqual(['first-secret', 'second-secret'])
  })
})

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

describe('the only ways out', () => {
  const files = sources(join(ROOT, 'src')).map(path => ({
    name: relative(ROOT, path).split('\\').join('/'),
    text: readFileSync(path, 'utf8')
  }))

  it('only src/action/log.ts logs, annotates, masks or fails through @actions/core', () => {
    const direct =
      /\bcore\s*\.\s*(info|debug|warning|error|notice|startGroup|endGroup|group|setFailed|setSecret|setOutput|summary)\b/
    const named =
      /import\s*\{[^}]*\b(info|debug|warning|error|notice|startGroup|endGroup|group|setFailed|setSecret|setOutput|summary)\b[^}]*\}\s*from\s*'@actions\/core'/
    // Under another name, core.info would pass the first pattern unseen.
    const renamed = /import\s*\*\s*as\s+(?!core\b)\w+\s+from\s*'@actions\/core'/
    const offenders = files
      .filter(f => f.name !== 'src/action/log.ts')
      .filter(f => direct.test(f.text) || named.test(f.text) || renamed.test(f.text))
      .map(f => f.name)
    expect(offenders).toEqual([])
  })

  it('only src/cli/terminal.ts writes to the terminal', () => {
    const offenders = files
      .filter(f => f.name !== 'src/cli/terminal.ts')
      .filter(f => /process\s*\.\s*(stdout|stderr)\s*\.\s*write|\bconsole\s*\./.test(f.text))
      .map(f => f.name)
    expect(offenders).toEqual([])
  })
})
