/**
 * The first-seen times the cooldown falls back to when no registry or builder says how old
 * a digest is: one record per tag (the entry's imageKey), kept between runs in the repository
 * (src/adapters/github/first-seen.ts). Pure: the file's format, read leniently, and how one
 * run's changes apply on top of whatever copy is newest.
 */
import { type Digest, parseStoredDigest } from '../oci/digest.js'

/** When this project first saw `digest` for a tag. */
export interface FirstSeenRecord {
  digest: Digest
  /** RFC 3339, UTC. */
  first_seen: string
}

/** One run's changes, applied again on top of a newer copy after a race. */
export interface FirstSeenChanges {
  put: ReadonlyMap<string, FirstSeenRecord>
  remove: ReadonlySet<string>
}

export const FIRST_SEEN_VERSION = 1

/**
 * The records in a stored file. Anyone who can push can write it, so it is data: a record
 * that is not a digest and a time is dropped (its clock starts again), never trusted.
 */
export function parseFirstSeen(text: string): Map<string, FirstSeenRecord> {
  const records = new Map<string, FirstSeenRecord>()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return records
  }
  const tags = (parsed as { tags?: unknown } | null)?.tags
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) return records
  for (const [key, value] of Object.entries(tags as Record<string, unknown>)) {
    const record = value as { digest?: unknown; first_seen?: unknown } | null
    if (typeof record?.digest !== 'string' || typeof record.first_seen !== 'string') continue
    const digest = parseStoredDigest(record.digest)
    const at = Date.parse(record.first_seen)
    if (!digest || digest.form !== 'prefixed' || !Number.isFinite(at)) continue
    records.set(key, {
      digest: digest.digest,
      first_seen: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')
    })
  }
  return records
}

export function formatFirstSeen(records: ReadonlyMap<string, FirstSeenRecord>): string {
  const tags: Record<string, FirstSeenRecord> = {}
  for (const key of [...records.keys()].sort()) tags[key] = records.get(key)!
  return `${JSON.stringify({ version: FIRST_SEEN_VERSION, tags }, null, 2)}\n`
}

/** `records` with the changes applied; a record this run did not touch stays as it is. */
export function applyFirstSeen(
  records: ReadonlyMap<string, FirstSeenRecord>,
  changes: FirstSeenChanges
): Map<string, FirstSeenRecord> {
  const next = new Map(records)
  for (const key of changes.remove) next.delete(key)
  for (const [key, record] of changes.put) {
    // Another run saw the same digest first: the earlier time is the truer one.
    const other = next.get(key)
    if (other?.digest === record.digest && other.first_seen < record.first_seen) continue
    next.set(key, record)
  }
  return next
}
