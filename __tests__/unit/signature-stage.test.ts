/** The signature stage's reviews join the reviews other stages made: one review per move. */
import { describe, expect, it } from '@jest/globals'
import type { Digest } from '../../src/domain/oci/digest.js'
import type { MoveReview } from '../../src/domain/review.js'
import { mergeReviews } from '../../src/run/signatures.js'

const A = `sha256:${'a'.repeat(64)}` as Digest
const B = `sha256:${'b'.repeat(64)}` as Digest
const C = `sha256:${'c'.repeat(64)}` as Digest

describe('mergeReviews', () => {
  it('adds the signature and flags to the review of the same move, and keeps the others', () => {
    const facts: MoveReview[] = [{ key: 'k', previous: A, current: B, flags: ['size: +40%'] }]
    const signatures: MoveReview[] = [
      {
        key: 'k',
        previous: A,
        current: B,
        signature: { verified: false, same_as_previous: false },
        flags: ['signature: the new digest is not signed']
      },
      { key: 'other', previous: A, current: C, flags: [] }
    ]
    const merged = mergeReviews(facts, signatures)
    expect(merged).toEqual([
      {
        key: 'k',
        previous: A,
        current: B,
        signature: { verified: false, same_as_previous: false },
        flags: ['size: +40%', 'signature: the new digest is not signed']
      },
      { key: 'other', previous: A, current: C, flags: [] }
    ])
    // The reviews given are not changed.
    expect(facts[0]!.flags).toEqual(['size: +40%'])
  })
})
