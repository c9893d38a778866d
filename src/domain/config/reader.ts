/**
 * What every step of the parse shares: positions from the line counter, one way to fail with
 * the file, position and field, and the field names and values as messages show them.
 */
import { isAlias, isMap, isScalar, isSeq, visit } from 'yaml'
import type { LineCounter, Node, Pair } from 'yaml'
import type { Fix } from '../errors.js'
import { ConfigError, type SourcePosition } from './error.js'

export interface ConfigReader {
  file: string
  source: string
  lineCounter: LineCounter
  at(offset: number | undefined): SourcePosition | undefined
  /** The 1-based line of a pair's key, for "also on line N". */
  lineOf(pair: Pair): number
  fail(
    node: Node | Pair | undefined | null,
    field: string | undefined,
    detail: string,
    fix?: Fix
  ): never
  /** A scalar's text as written, or a failure naming `field`. */
  scalarString(node: Node | null, field: string): string
}

export function configReader(file: string, source: string, lineCounter: LineCounter): ConfigReader {
  const at = (offset: number | undefined): SourcePosition | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset)
  const lineOf = (pair: Pair): number => at((pair.key as Node).range?.[0])?.line ?? 0
  const fail = (
    node: Node | Pair | undefined | null,
    field: string | undefined,
    detail: string,
    fix?: Fix
  ): never => {
    const range = node && 'range' in node ? node.range : undefined
    const keyRange = node && 'key' in node && isScalar(node.key) ? node.key.range : undefined
    throw new ConfigError(file, at((range ?? keyRange)?.[0]), field, detail, { fix })
  }
  function scalarString(node: Node | null, field: string): string {
    if (isAlias(node)) fail(node, field, 'aliases are not supported here; write the value out')
    if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
      return fail(node, field, `expected a string, got ${describeValue(node)}`)
    }
    // A plain `3.20` or an all-digit digest parses as a number; the text as written is what the user meant.
    if (typeof node.value === 'number' && typeof node.source === 'string') return node.source
    return String(node.value)
  }
  return { file, source, lineCounter, at, lineOf, fail, scalarString }
}

/** A key as a field name in messages: as written when plain, else quoted with escapes. */
export function shownKey(key: string): string {
  if (/^[A-Za-z0-9_<>.-]{1,64}$/.test(key)) return key
  const quoted = JSON.stringify(key)
  return quoted.length > 66 ? `${quoted.slice(0, 65)}…` : quoted
}

export function fieldPath(index: number, key?: string): string {
  return key === undefined ? `containers[${index}]` : `containers[${index}].${shownKey(key)}`
}

function describeValue(node: Node | null): string {
  if (node === null || (isScalar(node) && node.value === null)) return 'nothing'
  if (isSeq(node)) return 'a list'
  if (isMap(node)) return 'a mapping'
  if (isScalar(node) && typeof node.value === 'boolean')
    return `the boolean ${String(node.value)} (quote it if you mean the text)`
  return 'another kind of value'
}

/** A value quoted for a message: escapes shown, long values cut. */
export function shownValue(value: string): string {
  const quoted = JSON.stringify(value)
  return quoted.length > 150 ? `${quoted.slice(0, 149)}…` : quoted
}

/** The first alias inside a value, at any depth: aliases would pass through as nonsense. */
export function firstAlias(node: Node | null): Node | undefined {
  if (node === null) return undefined
  if (isAlias(node)) return node
  let found: Node | undefined
  visit(node, {
    Alias(_key, alias) {
      found = alias
      return visit.BREAK
    }
  })
  return found
}
