/**
 * What a reviewer (and a policy) is told about each move, beyond its two digests: the image
 * comparison, the commits behind it, its signatures, the flags that keep auto-merge off; and
 * the updates a policy held back or refused. One list of reviews per run, computed once in
 * src/run/ and read by the pull-request body, the summary, the outputs and the CLI.
 */
import type { Digest } from './oci/digest.js'
import type { ImageComparison } from './oci/image-facts.js'

export interface CommitSummary {
  sha: string
  /** First line of the message; untrusted. */
  headline: string
  /** Login, shown without an `@`; untrusted. */
  author?: string
  url: string
}

/** The upstream commits between the old and the new digest's revisions. */
export interface CommitRange {
  /** Total commits between the two revisions (may exceed `commits.length`). */
  count: number
  /** The compare page for this target's two revisions. */
  url: string
  /** Up to 10, oldest first (newest last). */
  commits: CommitSummary[]
}

/** Who signed a digest, as verified (issue 16). */
export interface SignatureCheck {
  verified: boolean
  identity?: string
  issuer?: string
  /** Which configured key verified it (its label or fingerprint), for key-based signatures. */
  key?: string
  /** Null when the old digest's state is unknown (newly pinned). */
  same_as_previous: boolean | null
  /**
   * What the old digest had, checked against the same signers: which of them signed it, or
   * `verified: false` when none did. Tells "signer changed" from "the old digest was
   * unsigned", which `same_as_previous: false` alone cannot. Null when not known (newly
   * pinned); absent from producers older than this field.
   */
  previous?: PreviousSignature | null
}

/** The old digest's signature, as SignatureCheck names the new one's. */
export interface PreviousSignature {
  verified: boolean
  identity?: string
  issuer?: string
  key?: string
}

export interface ProvenanceCheck {
  verified: boolean
  repository?: string
  workflow?: string
}

export interface MoveReview {
  /** The move's key (Move.key) and digests: reviewFor finds a move's review by these. */
  key: string
  previous?: Digest
  current: Digest
  comparison?: ImageComparison
  commits?: CommitRange
  signature?: SignatureCheck
  provenance?: ProvenanceCheck
  /** Why the details could not be read, in one line; the move is still proposed. */
  unavailable?: string
  /**
   * One-line reasons a maintainer should look before merging (a size warning, details
   * unavailable, a signature warning). Any flag keeps auto-merge off.
   */
  flags: string[]
}

/** An update a policy held back (cooldown) or refused (a gate): never written, always reported. */
export interface HeldUpdate {
  name: string
  image: string
  tag: string
  /** The digest the file keeps. */
  current: Digest | null
  /** The digest the tag now points at, which was not proposed. */
  candidate: Digest
  /** One line. */
  reason: string
  /** RFC 3339 time it becomes eligible (cooldown), else null. */
  until: string | null
  /** `held` waits (cooldown); `refused` is a gate; `error` must be fixed by a person (immutable tag moved, pinned digest gone). */
  kind: 'held' | 'refused' | 'error'
}

/**
 * The review of a move: the one of the same key and both digests, the one rule for the body's
 * Details, auto-merge, the summary and the outputs. The pull request's moves come from the
 * base branch's config, whose old digest may not be the one the run reviewed: a review of
 * another old digest does not describe that move (its sizes, base image and commits compare
 * another digest), so the move has none, and auto-merge stays off for it.
 */
export function reviewFor(
  reviews: readonly MoveReview[],
  move: { key: string; previous?: Digest; current: Digest }
): MoveReview | undefined {
  return reviews.find(
    r => r.key === move.key && r.previous === move.previous && r.current === move.current
  )
}
