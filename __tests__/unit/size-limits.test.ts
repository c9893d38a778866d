/**
 * Small files and short functions are what let a newcomer read one piece at a time: no source
 * file over 400 lines and no function over 80, unless a comment beside it says why. A long
 * function carries `// long: <reason>` directly above it (among the comments that lead its
 * statement); a long file carries `// long-file: <reason>` among its leading comments. The
 * functions are measured with the TypeScript compiler, so every kind counts: declarations,
 * methods, arrow functions and function expressions, nested ones included.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const SRC = join(ROOT, 'src')

export const MAX_FILE_LINES = 400
export const MAX_FUNCTION_LINES = 80

/**
 * Known exceptions, each `path` (a file) or `path#function`; none today. A reason belongs
 * beside the code (`// long: …`), so this list is for a split in progress only, and an entry
 * that no longer breaks a limit fails the test: the list can only shrink.
 */
const ALLOWED: readonly string[] = []

export interface SourceFile {
  /** Relative to src/, forward slashes. */
  path: string
  text: string
}

const LONG_FUNCTION = /^\/\/\s*long:\s*\S/
const LONG_FILE = /^\/\/\s*long-file:\s*\S/

function leadingComments(text: string, pos: number): string[] {
  return (ts.getLeadingCommentRanges(text, pos) ?? []).map(range =>
    text.slice(range.pos, range.end)
  )
}

function lineOf(file: ts.SourceFile, pos: number): number {
  return file.getLineAndCharacterOfPosition(pos).line
}

/**
 * The node whose leading comments speak for a function: the function itself, or the statement,
 * declaration or property it starts on the same line as (`export const f = () => {`).
 */
function anchorOf(file: ts.SourceFile, fn: ts.Node): ts.Node {
  const line = lineOf(file, fn.getStart(file))
  let anchor = fn
  while (
    anchor.parent &&
    !ts.isSourceFile(anchor.parent) &&
    !ts.isBlock(anchor.parent) &&
    lineOf(file, anchor.parent.getStart(file)) === line
  )
    anchor = anchor.parent
  return anchor
}

function nameOf(file: ts.SourceFile, fn: ts.FunctionLikeDeclaration): string {
  if (fn.name) return fn.name.getText(file)
  if (ts.isConstructorDeclaration(fn)) return 'constructor'
  const parent = fn.parent
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent)) &&
    parent.name
  )
    return parent.name.getText(file)
  return `<anonymous at line ${lineOf(file, fn.getStart(file)) + 1}>`
}

/** Every limit a file breaks without a written reason, keyed `path` or `path#function`. */
export function sizeViolations(source: SourceFile): Map<string, string> {
  const problems = new Map<string, string>()
  const file = ts.createSourceFile(source.path, source.text, ts.ScriptTarget.Latest, true)
  const lines = source.text.split('\n').length - (source.text.endsWith('\n') ? 1 : 0)
  if (
    lines > MAX_FILE_LINES &&
    !leadingComments(source.text, 0).some(comment => LONG_FILE.test(comment))
  )
    problems.set(
      source.path,
      `${source.path} has ${lines} lines (limit ${MAX_FILE_LINES}): split it along a seam, or say why with // long-file: <reason> at the top`
    )
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration
      const start = lineOf(file, fn.getStart(file))
      const length = lineOf(file, fn.getEnd()) - start + 1
      const anchor = anchorOf(file, fn)
      if (
        length > MAX_FUNCTION_LINES &&
        !leadingComments(source.text, anchor.getFullStart()).some(comment =>
          LONG_FUNCTION.test(comment)
        )
      ) {
        const name = nameOf(file, fn)
        problems.set(
          `${source.path}#${name}`,
          `${source.path}:${start + 1} ${name} has ${length} lines (limit ${MAX_FUNCTION_LINES}): split it into named steps, or say why with // long: <reason> right above it`
        )
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return problems
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return listSources(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

function lines(count: number, line = 'x()'): string {
  return Array.from({ length: count }, () => line).join('\n')
}

/** A function whose declaration spans exactly `count` lines. */
function fn(head: string, count: number): string {
  return `${head} {\n${lines(count - 2)}\n}`
}

describe('size limits of src/', () => {
  it('no file over 400 lines and no function over 80 without a written reason', () => {
    const found = new Map<string, string>()
    const paths = listSources(SRC)
    expect(paths.length).toBeGreaterThan(20)
    for (const path of paths) {
      const source = {
        path: relative(SRC, path).split('\\').join('/'),
        text: readFileSync(path, 'utf8')
      }
      for (const [key, problem] of sizeViolations(source)) found.set(key, problem)
    }
    const unexcused = [...found].filter(([key]) => !ALLOWED.includes(key)).map(([, p]) => p)
    const stale = ALLOWED.filter(key => !found.has(key)).map(
      key => `${key} is within the limits now: drop it from ALLOWED in this test`
    )
    expect([...unexcused, ...stale]).toEqual([])
  })

  it.each([
    ['a file over 400 lines', lines(401), 'a.ts'],
    ['a declared function over 80 lines', fn('export function f()', 81), 'a.ts#f'],
    ['an arrow function over 80 lines', fn('export const g = async () =>', 81), 'a.ts#g'],
    ['a method over 80 lines', `class C {\n${fn('  m()', 81)}\n}`, 'a.ts#m'],
    [
      'a nested closure over 80 lines',
      `// long: the outer one is excused\nfunction outer() {\n${fn('const inner = () =>', 81)}\n}`,
      'a.ts#inner'
    ],
    [
      'a reason that is not directly above',
      `// long: this speaks for h\nfunction h() {}\n${fn('function k()', 81)}`,
      'a.ts#k'
    ],
    ['a reason left empty', `// long:\n${fn('function e()', 81)}`, 'a.ts#e']
  ])('finds %s', (_what, text, key) => {
    expect([...sizeViolations({ path: 'a.ts', text }).keys()]).toContain(key)
  })

  it.each([
    ['a file of 400 lines', `${lines(400)}\n`],
    ['a function of 80 lines', fn('function f()', 80)],
    ['a long function with a reason', `// long: one table\n${fn('export function f()', 81)}`],
    [
      'a long arrow function with a reason under its doc comment',
      `/** Does it. */\n// long: one table\n${fn('export const g = () =>', 81)}`
    ],
    ['a long file with a reason', `/** Header. */\n// long-file: one table\n${lines(401)}`]
  ])('accepts %s', (_what, text) => {
    expect([...sizeViolations({ path: 'a.ts', text }).keys()]).toEqual([])
  })
})
