/**
 * The containers config: parse and validate with source positions, and rewrite digest
 * values in place. Knows nothing of HTTP or GitHub.
 *
 * The rewrite splices new digest text into the original source at the scalar's byte
 * range instead of re-serialising the YAML document, so comments, quoting, key order,
 * blank lines and line endings stay exactly as the user wrote them.
 */
import {
  type Fix,
  type SettingWords,
  UpdaterError,
  type UpdaterErrorOptions,
  joinFix
} from './errors.js'
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml'
import type { Node, Pair, Scalar, YAMLMap } from 'yaml'
import { type DigestForm, formatStoredDigest, parseStoredDigest } from './oci/digest.js'
import {
  type ImageReference,
  ReferenceError,
  isValidTag,
  parseImageReference
} from './oci/reference.js'
import { type Platform, parsePlatform } from './oci/platform.js'

const TOP_LEVEL_KEYS = new Set(['image', 'containers'])
const TAG_KEYS = ['tag', 'image_tag'] as const
const DIGEST_KEYS = ['digest', 'current_sha'] as const
const NAME_KEYS = ['name', 'target'] as const
/**
 * Far above any real config (a thousand entries take about 150 KB), and small enough that
 * a hostile or runaway file costs no noticeable time or memory to refuse.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024

export interface SourcePosition {
  line: number
  col: number
}

// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u001f\u007f\u2028\u2029]/g

/** Control characters from the file, written as escapes: a message stays on one line. */
function escapeControls(text: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }
  return text.replace(
    LINE_BREAKING,
    c => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

export class ConfigError extends UpdaterError {
  override name = 'ConfigError'
  /** What is wrong, without file and field (an annotation names those itself) or fix. */
  readonly detail: string
  constructor(
    readonly file: string,
    readonly position: SourcePosition | undefined,
    readonly field: string | undefined,
    detail: string,
    options?: UpdaterErrorOptions
  ) {
    const where = position ? `${file}:${position.line}:${position.col}` : file
    // Values quoted from the file may hold any character.
    const safe = escapeControls(detail)
    super(`${where}: ${field ? `${field}: ` : ''}${safe}`, options)
    this.detail = safe
  }

  /** The detail with the fix in an edge's words, for an annotation. */
  describeDetail(words: SettingWords): string {
    return this.fix ? `${this.detail}${joinFix(this.fix, words)}` : this.detail
  }
}

export interface ConfigEntry {
  /** Position in the `containers` list, 0-based. */
  index: number
  /** Display name: `name`, `target`, or the reference when neither is set. */
  name: string
  /** The image as written (entry, file default or input default), for messages. */
  image: string
  reference: ImageReference & { tag: string }
  platform?: Platform
  /** The pinned digest, always `sha256:`-prefixed; undefined means "pin it now". */
  digest?: string
  digestKey: string
  digestForm: DigestForm
  /** The entry's own fields as plain data, passed through into the matrix. */
  fields: Record<string, unknown>
  /** 1-based line of the entry, for messages. */
  line: number
}

export interface ParsedConfig {
  file: string
  source: string
  hasBom: boolean
  entries: ConfigEntry[]
  /** Where each entry's digest lives in `source`, or where a missing one is inserted. */
  digestSlots: DigestSlot[]
  /** The top-level `image`, which wins over the `defaultImage` option. */
  fileImage?: string
}

type DigestSlot =
  | { kind: 'replace'; start: number; end: number; quote: '' | '"' | "'"; prefix: string }
  | { kind: 'insert'; at: number; prefix: string; separator: ': '; suffix: string }

export interface ParseOptions {
  /** Repository used by entries that name none, when the file has no top-level `image`. */
  defaultImage?: string
  defaultPlatform?: string
}

/** A key as a field name in messages: as written when plain, else quoted with escapes. */
function shownKey(key: string): string {
  if (/^[A-Za-z0-9_<>.-]{1,64}$/.test(key)) return key
  const quoted = JSON.stringify(key)
  return quoted.length > 66 ? `${quoted.slice(0, 65)}…` : quoted
}

function fieldPath(index: number, key?: string): string {
  return key === undefined ? `containers[${index}]` : `containers[${index}].${shownKey(key)}`
}

export function parseConfig(
  file: string,
  bytes: Uint8Array | string,
  options: ParseOptions = {}
): ParsedConfig {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes, 'utf8') : bytes.length
  if (size > MAX_CONFIG_BYTES) {
    throw new ConfigError(
      file,
      undefined,
      undefined,
      `is ${size} bytes; a config may be at most ${MAX_CONFIG_BYTES} bytes (1 MiB)`
    )
  }
  const text = typeof bytes === 'string' ? bytes : decodeUtf8(file, bytes)
  const hasBom = text.startsWith('\uFEFF')
  const source = hasBom ? text.slice(1) : text

  const lineCounter = new LineCounter()
  // YAML allows tab, line feed and carriage return among the C0 controls, and not DEL.
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(source)
  let doc: ReturnType<typeof parseDocument>
  try {
    // Duplicate keys are reported below, with the field they belong to.
    doc = parseDocument(source, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: false
    })
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(file)
    throw error
  }
  const at = (offset: number | undefined): SourcePosition | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset)
  const lineOf = (pair: Pair): number => at((pair.key as Node).range?.[0])?.line ?? 0
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    throw new ConfigError(
      file,
      at(control.index),
      undefined,
      `contains the control character U+${code}, which YAML does not allow; remove it`
    )
  }
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

  const firstError = doc.errors[0]
  if (firstError) {
    const pos = lineCounter.linePos(firstError.pos[0])
    throw new ConfigError(file, pos, undefined, `invalid YAML: ${yamlErrorDetail(firstError)}`)
  }
  const root = doc.contents
  if (root === null || (isScalar(root) && root.value === null)) {
    throw new ConfigError(
      file,
      { line: 1, col: 1 },
      undefined,
      'is empty; expected a mapping with a `containers:` list at the top level'
    )
  }
  if (!isMap(root)) {
    return fail(root, undefined, 'expected a mapping with a `containers:` list at the top level')
  }
  const seenTopLevel = new Map<string, Pair>()

  let fileImage: string | undefined
  let containers: Node | undefined
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined
    if (key === undefined || !TOP_LEVEL_KEYS.has(key)) {
      fail(
        pair.key as Node,
        key === undefined ? undefined : shownKey(key),
        `unknown top-level key; expected only ${[...TOP_LEVEL_KEYS].map(k => `\`${k}\``).join(' and ')}`
      )
    }
    const earlier = seenTopLevel.get(key!)
    if (earlier) fail(pair.key as Node, key, `appears twice (also on line ${lineOf(earlier)})`)
    seenTopLevel.set(key!, pair)
    if (key === 'image') fileImage = scalarString(pair.value as Node, 'image')
    if (key === 'containers') containers = pair.value as Node
  }
  if (!containers || !isSeq(containers)) {
    return fail(containers ?? root, 'containers', 'expected a list of images under `containers:`')
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

  const entries: ConfigEntry[] = []
  const digestSlots: DigestSlot[] = []
  const defaultImage = fileImage ?? options.defaultImage
  const seen = new Map<string, number>()
  const styleFor = digestStyles(containers.items)

  const readEntry = (item: unknown, index: number): void => {
    if (isAlias(item))
      fail(item, fieldPath(index), 'aliases are not supported for entries; write the entry out')
    if (!isMap(item))
      return fail(item as Node, fieldPath(index), 'expected a mapping (image, tag, digest, …)')
    const map = item as YAMLMap<Scalar, Node>
    const pairs = new Map<string, Pair<Scalar, Node>>()
    for (const pair of map.items) {
      if (!isScalar(pair.key))
        fail((pair.key as Node | null) ?? item, fieldPath(index), 'keys must be plain strings')
      const key = String(pair.key.value)
      const alias = firstAlias(pair.value)
      if (alias)
        fail(alias, fieldPath(index, key), 'aliases are not supported; write the value out')
      const earlier = pairs.get(key)
      if (earlier) {
        fail(pair.key, fieldPath(index, key), `appears twice (also on line ${lineOf(earlier)})`)
      }
      pairs.set(key, pair)
    }
    const one = (keys: readonly string[]): [string, Pair<Scalar, Node>] | undefined => {
      const found = keys.filter(k => pairs.has(k))
      if (found.length > 1) {
        fail(
          pairs.get(found[1]!)!,
          fieldPath(index, found[1]),
          `set only one of ${found.map(k => `\`${k}\``).join(' and ')}`
        )
      }
      return found[0] === undefined ? undefined : [found[0], pairs.get(found[0])!]
    }

    const imagePair = pairs.get('image')
    const imageText = imagePair
      ? scalarString(imagePair.value, fieldPath(index, 'image'))
      : defaultImage
    if (imageText === undefined || imageText.trim() === '') {
      return fail(item, fieldPath(index, 'image'), 'no repository', {
        text: 'set `image` on the entry, a top-level `image:`, or {the:image}',
        join: 'colon'
      })
    }
    let reference: ImageReference
    try {
      reference = parseImageReference(imageText)
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error
      return fail(imagePair?.value ?? item, fieldPath(index, 'image'), error.message)
    }
    if (reference.digest) {
      return fail(
        imagePair?.value ?? item,
        fieldPath(index, 'image'),
        'put the digest under `digest`, not in `image`'
      )
    }

    const tagField = one(TAG_KEYS)
    let tag = reference.tag
    if (tagField) {
      const [key, pair] = tagField
      tag = scalarString(pair.value, fieldPath(index, key))
      if (reference.tag !== undefined && reference.tag !== tag) {
        fail(
          pair.value,
          fieldPath(index, key),
          `tag "${tag}" differs from the tag in image "${imageText}"`
        )
      }
      if (!isValidTag(tag)) fail(pair.value, fieldPath(index, key), `invalid tag "${tag}"`)
    }
    if (tag === undefined) {
      return fail(
        item,
        fieldPath(index, 'tag'),
        'missing tag: set `tag` (or `image_tag`) on the entry'
      )
    }

    let platform: Platform | undefined
    const platformPair = pairs.get('platform')
    const platformText = platformPair
      ? scalarString(platformPair.value, fieldPath(index, 'platform'))
      : options.defaultPlatform
    if (platformText) {
      try {
        platform = parsePlatform(platformText)
      } catch (error) {
        return fail(
          platformPair?.value ?? item,
          fieldPath(index, 'platform'),
          (error as Error).message
        )
      }
    }

    const nameField = one(NAME_KEYS)
    const name = nameField
      ? scalarString(nameField[1].value, fieldPath(index, nameField[0]))
      : `${imageText}:${tag}${platform ? ` (${platform.text})` : ''}`

    const digestField = one(DIGEST_KEYS)
    let digest: string | undefined
    let digestKey: string
    let digestForm: DigestForm
    if (digestField) {
      const [key, pair] = digestField
      const node = pair.value
      const field = fieldPath(index, key)
      const isEmpty =
        node === null || (isScalar(node) && (node.value === null || node.value === ''))
      digestKey = key
      if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
        fail(node, field, 'write the digest as a plain or quoted string, not a block scalar')
      }
      if (!isEmpty) {
        const raw = scalarString(node, field)
        const parsed = parseStoredDigest(raw)
        if (!parsed) {
          fail(
            node,
            field,
            `malformed digest ${shownValue(raw)}: expected sha256:<64 lower-case hex> or the 64 hex digits alone`
          )
        }
        digest = parsed!.digest
        digestForm = parsed!.form
      } else {
        digestForm = key === 'current_sha' ? 'bare' : 'prefixed'
      }
      digestSlots.push(replaceSlot(node, pair, map, source, fail, field))
    } else {
      const style = styleFor(map)
      digestKey = style.key
      digestForm = style.form
      const tagPair = tagField?.[1] ?? imagePair
      digestSlots.push(insertSlot(map, tagPair, source, digestKey))
    }
    assertInside(digestSlots[digestSlots.length - 1]!, map, fieldPath(index))

    const identity = `${name}\u0000${reference.registry}/${reference.repository}:${tag}\u0000${platform?.text ?? ''}`
    const previous = seen.get(identity)
    if (previous !== undefined) {
      fail(
        item,
        fieldPath(index),
        `duplicate of containers[${previous}] (same name, image, tag and platform)`
      )
    }
    seen.set(identity, index)

    const fields = map.toJSON() as Record<string, unknown>
    if (tagField) fields[tagField[0]] = tag
    entries.push({
      index,
      name,
      image: imageText,
      reference: { ...reference, tag },
      platform,
      digest,
      digestKey,
      digestForm,
      fields,
      line: lineCounter.linePos(item.range?.[0] ?? 0).line
    })
  }
  try {
    containers.items.forEach(readEntry)
  } catch (error) {
    // Deeply nested free fields can exhaust the stack when walked or converted.
    if (error instanceof RangeError) throw tooDeep(file)
    throw error
  }

  return { file, source, hasBom, entries, digestSlots, fileImage }
}

function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    // ignoreBOM keeps a byte order mark in the text, so the rewrite can write it back.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    // Falls through to find where, for the message.
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ConfigError(file, { line: 1, col: 1 }, undefined, 'is UTF-16 text; save it as UTF-8')
  }
  const offset = firstInvalidUtf8(bytes)
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset))
  const lines = before.split('\n')
  const position = { line: lines.length, col: [...lines[lines.length - 1]!].length + 1 }
  const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')
  throw new ConfigError(
    file,
    position,
    undefined,
    `is not valid UTF-8 (byte 0x${byte} here); save it as UTF-8`
  )
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const strict = new TextDecoder('utf-8', { fatal: true })
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : 4
    try {
      strict.decode(bytes.subarray(i, i + length))
    } catch {
      return i
    }
    i += length
  }
  return bytes.length - 1
}

function tooDeep(file: string): ConfigError {
  return new ConfigError(file, undefined, undefined, 'nests too deeply to be read')
}

/** The parser's messages, reworded where they speak of its API rather than of the file. */
function yamlErrorDetail(error: { code: string; message: string }): string {
  if (error.code === 'MULTIPLE_DOCS')
    return 'the file holds more than one document (a second `---`); keep one'
  const detail = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? ''
  if (/call stack/i.test(detail)) return 'the file nests too deeply to be read'
  return detail
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
function shownValue(value: string): string {
  const quoted = JSON.stringify(value)
  return quoted.length > 150 ? `${quoted.slice(0, 149)}…` : quoted
}

/** The first alias inside a value, at any depth: aliases would pass through as nonsense. */
function firstAlias(node: Node | null): Node | undefined {
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

interface DigestStyle {
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
function digestStyles(items: readonly unknown[]): (map: YAMLMap) => DigestStyle {
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

function replaceSlot(
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
function insertSlot(
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
function assertInside(slot: DigestSlot, map: YAMLMap<Scalar, Node>, field: string): void {
  const at = slot.kind === 'replace' ? slot.start : slot.at
  const [start, valueEnd, nodeEnd] = map.range!
  // A flow entry ends after its `}`; a block entry's end takes in its last line's comment.
  const inside = map.flow ? at > start && at < valueEnd : at >= start && at <= nodeEnd
  if (!inside) throw new Error(`${field}: the digest position ${at} is outside the entry`)
}

/**
 * Returns the config text with the given entries' digests replaced (or inserted).
 * Everything outside the digest values stays byte for byte.
 */
export function rewriteDigests(
  config: ParsedConfig,
  newDigests: ReadonlyMap<number, string>
): string {
  const edits: { start: number; end: number; text: string }[] = []
  for (const [index, digest] of newDigests) {
    const entry = config.entries[index]
    const slot = config.digestSlots[index]
    if (!entry || !slot) throw new Error(`no config entry ${index}`)
    const stored = formatStoredDigest(digest, entry.digestForm)
    if (slot.kind === 'replace') {
      const text = `${slot.prefix}${slot.quote}${stored}${slot.quote}`
      edits.push({ start: slot.start, end: slot.end, text })
    } else {
      const text = `${slot.prefix}${slot.separator}${stored}${slot.suffix}`
      edits.push({ start: slot.at, end: slot.at, text })
    }
  }
  // One pass over the source: splicing each edit into the whole text would copy it once per
  // entry, which for a 1000-entry config cost more than parsing it.
  edits.sort((a, b) => a.start - b.start)
  const parts: string[] = [config.hasBom ? '\uFEFF' : '']
  let copied = 0
  for (const edit of edits) {
    parts.push(config.source.slice(copied, edit.start), edit.text)
    copied = edit.end
  }
  parts.push(config.source.slice(copied))
  return parts.join('')
}
