/**
 * The rows a plan reports, for the config's entries and the discovered ones alike: the
 * `updates` output, the failures, and the matrix.
 */
import { formatStoredDigest } from '../domain/oci/digest.js'
import { formatImageReference, repositoryName } from '../domain/oci/reference.js'
import { type MoveReview, reviewFor } from '../domain/review.js'
import { type Move, hasMoved } from './moves.js'
import { updateDetails } from './review.js'
import type { EntryResult, Failure, MatrixEntry, Update } from './update.js'

/** The `updates` output's rows: the moves that changed a digest. */
export function updatesOf(moves: readonly Move[], reviews: readonly MoveReview[] = []): Update[] {
  return moves.filter(hasMoved).map(m => ({
    name: m.entry.name,
    image: repositoryName(m.entry.reference),
    tag: m.entry.reference.tag,
    platform: m.entry.platform?.text ?? null,
    previous: m.previous ?? null,
    current: m.current,
    files: m.files,
    ...updateDetails(reviewFor(reviews, m))
  }))
}

/** A result that reads the entry as committed: matrix mode, and a run that skips resolving. */
export function asCommitted(entry: EntryResult['entry']): EntryResult {
  return { entry, status: 'as-committed', previous: entry.digest, current: entry.digest }
}

export function failuresOf(results: readonly EntryResult[]): Failure[] {
  return results
    .filter(r => r.status === 'failed')
    .map(r => ({
      name: r.entry.name,
      image: repositoryName(r.entry.reference),
      tag: r.entry.reference.tag,
      error: r.error ?? 'unknown error'
    }))
}

export function matrixEntry(result: EntryResult): MatrixEntry {
  const { entry, current } = result
  const fields: Record<string, unknown> = { ...entry.fields }
  if (current) fields[entry.digestKey] = formatStoredDigest(current, entry.digestForm)
  return {
    ...fields,
    image_ref: formatImageReference({ ...entry.reference, digest: current })
  }
}
