/**
 * Where each entry's digest lives in the source, or where a missing one goes, and the key
 * and form a digest pinned now takes: what the rewrite needs to splice text in place.
 */
import { isMap, isScalar } from 'yaml'
import type { Node, Pair, Scalar, YAMLMap } from 'yaml'
import { type DigestForm, parseStoredDigest } from '../oci/digest.js'
import { DIGEST_KEYS, type DigestSlot, NAME_KEYS, TAG_KEYS } from './model.js'

export interface DigestStyle {
  key: string
  form: DigestForm
}

/** Which of the alternative tag and name keys a map uses: the two halves of a key style. */
function keyStyle(map: YAMLMap): string[] {
  return [...TAG_KEYS, ...NAME_KEYS].filter(k => map.has(k))
}

/**
 * The key and form a digest pinned now takes, for an entry with the given key style: those
 * of the file's entries that use the same tag and name keys (`image_tag` and `target` go
 * with `current_sha` in files like rust-musl-cross's), else those of most entries of the
 * file, else what the entry's own keys suggest. Ties go to the style seen first. Computed
 * once per key style, so a file of unpinned entries costs one pass.
 */
export function digestStyles(items: readonly unknown[]): (map: YAMLMap) => DigestStyle {
  const pinned: Array<{ keys: string[]; style: DigestStyle }> = []
  for (const item of items) {
    if (!isMap(item)) continue
    for (const key of DIGEST_KEYS) {
      const value = item.get(key)
      const parsed = typeof value === 'string' ? parseStoredDigest(value) : undefined
      if (parsed) pinned.push({ keys: keyStyle(item), style: { key, form: parsed.form } })
    }
  }
  const majority = (styles: DigestStyle[]): DigestStyle | undefined => {
    const counts = new Map<string, { style: DigestStyle; count: number }>()
    for (const style of styles) {
      const id = `${style.key} ${style.form}`
      const seen = counts.get(id) ?? { style, count: 0 }
      seen.count++
      counts.set(id, seen)
    }
    let best: { style: DigestStyle; count: number } | undefined
    for (const c of counts.values()) if (!best || c.count > best.count) best = c
    return best?.style
  }
  const memo = new Map<string, DigestStyle>()
  return map => {
    const own = keyStyle(map)
    const id = own.join(' ')
    let style = memo.get(id)
    if (!style) {
      const legacy = own.includes('image_tag') || own.includes('target')
      style =
        (own.length > 0
          ? majority(pinned.filter(p => own.every(k => p.keys.includes(k))).map(p => p.style))
          : undefined) ??
        majority(pinned.map(p => p.style)) ??
        (legacy ? { key: 'current_sha', form: 'bare' } : { key: 'digest', form: 'prefixed' })
      memo.set(id, style)
    }
    return style
  }
}

/**
 * Where the value indicator of a pair whose value is empty sits: the first character after
 * the key that is neither white space nor a comment, when it is a colon. Anything else (a
 * comma, a brace, the next key) means the key was written with no colon at all, and the
 * search stops there, so it never reaches a colon of another field or entry.
 */
function valueIndicator(source: string, keyEnd: number): number | undefined {
  let i = keyEnd
  while (i < source.length) {
    const c = source[i]!
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') i++
    else if (c === '#') {
      const eol = source.indexOf('\n', i)
      i = eol === -1 ? source.length : eol
    } else return c === ':' ? i : undefined
  }
  return undefined
}

/** The end of the line holding `offset`, before any `\r`. */
function lineEndAt(source: string, offset: number): number {
  const lineEnd = source.indexOf('\n', offset)
  if (lineEnd === -1) return source.length
  return source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd
}

/** The column of a block mapping's keys: of `?` when its first key is an explicit one. */
function blockKeyColumn(source: string, map: YAMLMap<Scalar, Node>): number {
  let start = map.items[0]!.key.range![0]
  let i = start - 1
  while (i >= 0 && (source[i] === ' ' || source[i] === '\t')) i--
  if (source[i] === '?') start = i
  return start - (source.lastIndexOf('\n', start - 1) + 1)
}

export function replaceSlot(
  node: Node | null,
  pair: Pair<Scalar, Node>,
  map: YAMLMap<Scalar, Node>,
  source: string,
  fail: (node: Node | Pair, field: string, detail: string) => never,
  field: string
): DigestSlot {
  // An empty value: written right after the colon, or with one when the key has none.
  const afterKey = (): DigestSlot => {
    const keyEnd = pair.key.range![1]
    const colon = valueIndicator(source, keyEnd)
    if (colon !== undefined)
      return { kind: 'replace', start: colon + 1, end: colon + 1, quote: '', prefix: ' ' }
    // `{…, digest}`: the colon goes right after the key, inside the braces.
    if (map.flow) return { kind: 'replace', start: keyEnd, end: keyEnd, quote: '', prefix: ': ' }
    // `? digest` alone: the value indicator goes on a line of its own, at the key's column.
    const eol = source.includes('\r\n') ? '\r\n' : '\n'
    const at = lineEndAt(source, keyEnd)
    const prefix = `${eol}${' '.repeat(blockKeyColumn(source, map))}: `
    return { kind: 'replace', start: at, end: at, quote: '', prefix }
  }
  // `digest:` with nothing after it, or a key with no colon at all.
  if (node === null) return afterKey()
  if (!isScalar(node)) return fail(node, field, 'expected a string')
  const [start, end] = node.range!
  // `digest: # pin me`: the parser places the empty value where the comment starts, and a
  // digest written there would swallow the comment into the value.
  if (node.type === 'PLAIN' && start === end) return afterKey()
  switch (node.type) {
    case 'PLAIN':
      // An empty plain value (`digest: ~`, `digest: null`) is replaced whole.
      return { kind: 'replace', start, end, quote: '', prefix: '' }
    case 'QUOTE_DOUBLE':
      return { kind: 'replace', start, end, quote: '"', prefix: '' }
    case 'QUOTE_SINGLE':
      return { kind: 'replace', start, end, quote: "'", prefix: '' }
    default:
      return fail(node, field, 'write the digest as a plain or quoted string, not a block scalar')
  }
}

/**
 * Where a missing digest is added: after the tag (or image) field, inside the entry's own
 * node. `after` is always a one-line scalar (a tag or a repository that parsed), so the end
 * of its line is still the entry; without it, the digest goes before the first key, since
 * the entry's last field may be a nested block whose end is the next entry's start.
 */
export function insertSlot(
  map: YAMLMap<Scalar, Node>,
  after: Pair<Scalar, Node> | undefined,
  source: string,
  key: string
): DigestSlot {
  const eol = source.includes('\r\n') ? '\r\n' : '\n'
  if (map.flow) {
    const anchorPair = after ?? map.items[map.items.length - 1]!
    const valueEnd = anchorPair.value?.range?.[1] ?? anchorPair.key.range![1]
    return { kind: 'insert', at: valueEnd, prefix: `, ${key}`, separator: ': ', suffix: '' }
  }
  const column = blockKeyColumn(source, map)
  if (!after) {
    return {
      kind: 'insert',
      at: map.range![0],
      prefix: key,
      separator: ': ',
      suffix: `${eol}${' '.repeat(column)}`
    }
  }
  const valueEnd = after.value?.range?.[1] ?? after.key.range![1]
  return {
    kind: 'insert',
    at: lineEndAt(source, valueEnd),
    prefix: `${eol}${' '.repeat(column)}${key}`,
    separator: ': ',
    suffix: ''
  }
}

/**
 * A digest is only ever written inside its own entry: inside the braces of a flow entry, or
 * within a block entry's lines. A slot anywhere else is a bug here, and refusing the file
 * beats writing into another entry.
 */
export function assertInside(slot: DigestSlot, map: YAMLMap<Scalar, Node>, field: string): void {
  const at = slot.kind === 'replace' ? slot.start : slot.at
  const [start, valueEnd, nodeEnd] = map.range!
  // A flow entry ends after its `}`; a block entry's end takes in its last line's comment.
  const inside = map.flow ? at > start && at < valueEnd : at >= start && at <= nodeEnd
  if (!inside) throw new Error(`${field}: the digest position ${at} is outside the entry`)
}
