/** Writing new digests into the config text at the slots the parse found. */
import { formatStoredDigest } from '../oci/digest.js'
import type { ParsedConfig } from './model.js'

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
