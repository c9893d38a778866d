/**
 * The config's top level and the walk over its entries; each step lives in its own module:
 * reading the document (document.ts), one entry (entry.ts), digest slots (slots.ts).
 */
import { isMap, isScalar, isSeq } from 'yaml'
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml'
import { type ConfigDocument, readDocument, tooDeep } from './document.js'
import { readEntry } from './entry.js'
import { ConfigError } from './error.js'
import {
  type ConfigEntry,
  type DigestSlot,
  type ParseOptions,
  type ParsedConfig,
  TOP_LEVEL_KEYS
} from './model.js'
import { type ConfigReader, configReader, shownKey } from './reader.js'
import { digestStyles } from './slots.js'

export function parseConfig(
  file: string,
  bytes: Uint8Array | string,
  options: ParseOptions = {}
): ParsedConfig {
  const { source, hasBom, doc, lineCounter } = readDocument(file, bytes)
  const reader = configReader(file, source, lineCounter)
  const { fileImage, containers } = readTopLevel(reader, rootMap(reader, doc))

  const entries: ConfigEntry[] = []
  const digestSlots: DigestSlot[] = []
  const context = {
    reader,
    defaultImage: fileImage ?? options.defaultImage,
    defaultPlatform: options.defaultPlatform,
    styleFor: digestStyles(containers.items),
    seen: new Map<string, number>()
  }
  try {
    containers.items.forEach((item, index) => {
      const { entry, slot } = readEntry(context, item, index)
      digestSlots.push(slot)
      entries.push(entry)
    })
  } catch (error) {
    // Deeply nested free fields can exhaust the stack when walked or converted.
    if (error instanceof RangeError) throw tooDeep(file)
    throw error
  }

  return { file, source, hasBom, entries, digestSlots, fileImage }
}

function rootMap({ file, fail }: ConfigReader, doc: ConfigDocument['doc']): YAMLMap {
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
  return root
}

/** The top-level `image` and the `containers` list, each at most once and nothing else. */
function readTopLevel(
  { fail, lineOf, scalarString }: ConfigReader,
  root: YAMLMap
): { fileImage?: string; containers: YAMLSeq } {
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
  return { fileImage, containers }
}
