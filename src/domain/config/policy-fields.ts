/**
 * An entry's policy fields (issue 15): `min_age`, `immutable`, `platforms` and `max_size`,
 * checked like every other field so a bad value names the file, line and field.
 */
import { isScalar, isSeq } from 'yaml'
import type { Node, Pair, Scalar } from 'yaml'
import type { EntryPolicy } from '../policy/engine.js'
import { DURATION_FORMS, SIZE_FORMS, parseDuration, parseSize } from '../policy/units.js'
import { parsePlatform } from '../oci/platform.js'
import { type ConfigReader, fieldPath, shownValue } from './reader.js'

export const POLICY_KEYS = ['min_age', 'immutable', 'platforms', 'max_size'] as const

/** The entry's policy, or undefined when it sets none of the keys. */
export function readEntryPolicy(
  reader: ConfigReader,
  pairs: ReadonlyMap<string, Pair<Scalar, Node>>,
  index: number
): EntryPolicy | undefined {
  if (!POLICY_KEYS.some(k => pairs.has(k))) return undefined
  const policy: EntryPolicy = {}
  const field = (key: string) => fieldPath(index, key)
  const minAge = pairs.get('min_age')?.value
  if (minAge !== undefined) {
    const text = reader.scalarString(minAge, field('min_age'))
    policy.minAge =
      parseDuration(text) ??
      reader.fail(
        minAge,
        field('min_age'),
        `invalid duration ${shownValue(text)}: expected ${DURATION_FORMS}`
      )
  }
  const immutable = pairs.get('immutable')?.value
  if (immutable !== undefined) {
    if (!isScalar(immutable) || typeof immutable.value !== 'boolean')
      reader.fail(immutable, field('immutable'), 'expected true or false')
    policy.immutable = (immutable as Scalar<boolean>).value
  }
  const platforms = pairs.get('platforms')?.value
  if (platforms !== undefined)
    policy.platforms = readPlatforms(reader, platforms, field('platforms'))
  const maxSize = pairs.get('max_size')?.value
  if (maxSize !== undefined) {
    const text = reader.scalarString(maxSize, field('max_size'))
    policy.maxSize =
      parseSize(text) ??
      reader.fail(
        maxSize,
        field('max_size'),
        `invalid size ${shownValue(text)}: expected ${SIZE_FORMS}`
      )
  }
  return policy
}

function readPlatforms(reader: ConfigReader, node: Node | null, field: string): string[] {
  if (!isSeq(node))
    return reader.fail(node, field, 'expected a list of platforms, like [linux/amd64, linux/arm64]')
  return node.items.map((item, i) => {
    const text = reader.scalarString(item as Node, `${field}[${i}]`)
    try {
      return parsePlatform(text).text
    } catch (error) {
      return reader.fail(item as Node, `${field}[${i}]`, (error as Error).message)
    }
  })
}
