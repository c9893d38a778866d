/**
 * One entry of `containers`: its keys, image, tag, platform, name and digest, each read and
 * checked in the order the messages expect, then the duplicate check against earlier entries.
 */
import { isAlias, isMap, isScalar } from 'yaml'
import type { Node, Pair, Scalar, YAMLMap } from 'yaml'
import { type Digest, type DigestForm, parseStoredDigest } from '../oci/digest.js'
import {
  type ImageReference,
  ReferenceError,
  imageKey,
  isValidTag,
  parseImageReference
} from '../oci/reference.js'
import { type Platform, parsePlatform } from '../oci/platform.js'
import { type ConfigEntry, DIGEST_KEYS, type DigestSlot, NAME_KEYS, TAG_KEYS } from './model.js'
import { type ConfigReader, fieldPath, firstAlias, shownValue } from './reader.js'
import { type DigestStyle, assertInside, insertSlot, replaceSlot } from './slots.js'
import { readEntryPolicy } from './policy-fields.js'

export interface EntryContext {
  reader: ConfigReader
  /** The file's top-level `image`, else the `defaultImage` option. */
  defaultImage: string | undefined
  defaultPlatform: string | undefined
  styleFor: (map: YAMLMap) => DigestStyle
  /** Each earlier entry's identity, to its index. */
  seen: Map<string, number>
}

type EntryMap = YAMLMap<Scalar, Node>
type EntryPairs = Map<string, Pair<Scalar, Node>>
type EntryField = [string, Pair<Scalar, Node>]

export function readEntry(
  context: EntryContext,
  item: unknown,
  index: number
): { entry: ConfigEntry; slot: DigestSlot } {
  const { reader } = context
  const { map, pairs } = entryPairs(reader, item, index)
  const { imagePair, imageText, reference } = entryImage(context, map, pairs, index)
  const tagField = oneOf(reader, pairs, index, TAG_KEYS)
  const tag = entryTag(reader, map, index, tagField, reference, imageText)
  const platform = entryPlatform(context, map, pairs, index)

  const policy = readEntryPolicy(reader, pairs, index)
  const nameField = oneOf(reader, pairs, index, NAME_KEYS)
  const name = nameField
    ? reader.scalarString(nameField[1].value, fieldPath(index, nameField[0]))
    : `${imageText}:${tag}${platform ? ` (${platform.text})` : ''}`

  const digestField = oneOf(reader, pairs, index, DIGEST_KEYS)
  const { digest, digestKey, digestForm, slot } = digestField
    ? pinnedDigest(reader, map, index, digestField)
    : digestToPin(context, map, tagField?.[1] ?? imagePair)
  assertInside(slot, map, fieldPath(index))

  const identity = `${name}\u0000${imageKey({ ...reference, tag }, platform)}`
  const previous = context.seen.get(identity)
  if (previous !== undefined) {
    reader.fail(
      map,
      fieldPath(index),
      `duplicate of containers[${previous}] (same name, image, tag and platform)`
    )
  }
  context.seen.set(identity, index)

  const fields = map.toJSON() as Record<string, unknown>
  if (tagField) fields[tagField[0]] = tag
  const entry: ConfigEntry = {
    index,
    name,
    image: imageText,
    reference: { ...reference, tag },
    platform,
    digest,
    digestKey,
    digestForm,
    fields,
    line: reader.lineCounter.linePos(map.range?.[0] ?? 0).line,
    ...(policy ? { policy } : {})
  }
  return { entry, slot }
}

/** The entry as a mapping of plain keys, each once, with no aliases anywhere in it. */
function entryPairs(
  { fail, lineOf }: ConfigReader,
  item: unknown,
  index: number
): { map: EntryMap; pairs: EntryPairs } {
  if (isAlias(item))
    fail(item, fieldPath(index), 'aliases are not supported for entries; write the entry out')
  if (!isMap(item))
    return fail(item as Node, fieldPath(index), 'expected a mapping (image, tag, digest, …)')
  const map = item as EntryMap
  const pairs: EntryPairs = new Map()
  for (const pair of map.items) {
    if (!isScalar(pair.key))
      fail((pair.key as Node | null) ?? item, fieldPath(index), 'keys must be plain strings')
    const key = String(pair.key.value)
    const alias = firstAlias(pair.value)
    if (alias) fail(alias, fieldPath(index, key), 'aliases are not supported; write the value out')
    const earlier = pairs.get(key)
    if (earlier) {
      fail(pair.key, fieldPath(index, key), `appears twice (also on line ${lineOf(earlier)})`)
    }
    pairs.set(key, pair)
  }
  return { map, pairs }
}

/** The one of `keys` the entry sets, if any; setting two of them is an error. */
function oneOf(
  { fail }: ConfigReader,
  pairs: EntryPairs,
  index: number,
  keys: readonly string[]
): EntryField | undefined {
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

function entryImage(
  { reader: { fail, scalarString }, defaultImage }: EntryContext,
  item: EntryMap,
  pairs: EntryPairs,
  index: number
): { imagePair?: Pair<Scalar, Node>; imageText: string; reference: ImageReference } {
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
  return { imagePair, imageText, reference }
}

function entryTag(
  { fail, scalarString }: ConfigReader,
  item: EntryMap,
  index: number,
  tagField: EntryField | undefined,
  reference: ImageReference,
  imageText: string
): string {
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
  return tag
}

function entryPlatform(
  { reader: { fail, scalarString }, defaultPlatform }: EntryContext,
  item: EntryMap,
  pairs: EntryPairs,
  index: number
): Platform | undefined {
  let platform: Platform | undefined
  const platformPair = pairs.get('platform')
  const platformText = platformPair
    ? scalarString(platformPair.value, fieldPath(index, 'platform'))
    : defaultPlatform
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
  return platform
}

interface EntryDigest {
  digest?: Digest
  digestKey: string
  digestForm: DigestForm
  slot: DigestSlot
}

/** The digest the entry pins (or an empty one to fill), and where its value sits. */
function pinnedDigest(
  { fail, scalarString, source }: ConfigReader,
  map: EntryMap,
  index: number,
  [key, pair]: EntryField
): EntryDigest {
  let digest: Digest | undefined
  let digestForm: DigestForm
  const node = pair.value
  const field = fieldPath(index, key)
  const isEmpty = node === null || (isScalar(node) && (node.value === null || node.value === ''))
  const digestKey = key
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
  const slot = replaceSlot(node, pair, map, source, fail, field)
  return { digest, digestKey, digestForm, slot }
}

/** An entry with no digest key: the file's style for it, and where the digest goes in. */
function digestToPin(
  { reader, styleFor }: EntryContext,
  map: EntryMap,
  tagPair: Pair<Scalar, Node> | undefined
): EntryDigest {
  const style = styleFor(map)
  const digestKey = style.key
  const digestForm = style.form
  const slot = insertSlot(map, tagPair, reader.source, digestKey)
  return { digestKey, digestForm, slot }
}
