/**
 * One MoveReview per move that moved: the image comparison from the facts stage, the commits
 * behind it from GitHub, and the flags a maintainer should read before merging. A detail that
 * cannot be read becomes one line of `unavailable` and a flag; the move is still proposed.
 */
import { NEUTRAL_WORDS, describeError } from '../domain/errors.js'
import { compareImages } from '../domain/oci/image-facts.js'
import type {
  BaseMove,
  CreatedSource,
  ImageComparison,
  ImageFacts
} from '../domain/oci/image-facts.js'
import type { CommitRange, MoveReview } from '../domain/review.js'
import type { FactsRead } from './image-facts.js'
import { type Move, hasMoved } from './moves.js'
import type { GitHubReviewSources } from './review-sources.js'
import { REVISION_LABEL, SOURCE_LABEL } from './upstream.js'

export const DEFAULT_SIZE_WARN_INCREASE = '20%'
export const DEFAULT_SIZE_WARN_FRACTION = 0.2

export interface ReviewOptions {
  /** A platform growing by more than this fraction (0.2 for `20%`) is flagged. */
  sizeWarnIncrease: number
  reviewSources?: GitHubReviewSources
}

/**
 * `20%` or `20` (percent) as the fraction 0.2; undefined when it is not a non-negative
 * number of percent. `0%` flags any growth.
 */
export function parseSizeWarnIncrease(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text.trim())
  return match ? Number(match[1]) / 100 : undefined
}

export async function reviewMoves(
  moves: readonly Move[],
  facts: FactsRead,
  options: ReviewOptions
): Promise<MoveReview[]> {
  return Promise.all(moves.filter(hasMoved).map(move => reviewMove(move, facts, options)))
}

async function reviewMove(move: Move, facts: FactsRead, options: ReviewOptions) {
  const repository = move.entry.reference
  const review: MoveReview = {
    key: move.key,
    ...(move.previous ? { previous: move.previous } : {}),
    current: move.current,
    flags: []
  }
  const current = facts.lookup(repository, move.current)
  const previous = move.previous ? facts.lookup(repository, move.previous) : undefined
  const failed =
    facts.failure(repository, move.current) ??
    (move.previous ? previousFailure(facts.failure(repository, move.previous)) : undefined)
  if (current) {
    review.comparison = compareImages(previous, current)
    review.flags.push(...sizeFlags(review.comparison, options.sizeWarnIncrease))
    const commits = await commitsBetween(previous, current, options.reviewSources)
    if (typeof commits === 'string') review.unavailable = commits
    else if (commits) review.commits = commits
  }
  if (failed) review.unavailable = failed
  if (review.unavailable) review.flags.push(`details unavailable: ${review.unavailable}`)
  return review
}

function previousFailure(reason: string | undefined): string | undefined {
  return reason && `previous digest: ${reason}`
}

/** `size +31% on linux/amd64`, for each platform both digests have that grew past the limit. */
export function sizeFlags(comparison: ImageComparison, limit: number): string[] {
  const flags: string[] = []
  for (const [platform, size] of Object.entries(comparison.size)) {
    const before = comparison.previousSize[platform]
    if (before === undefined || before <= 0 || size <= before) continue
    const increase = (size - before) / before
    if (increase > limit) flags.push(`size +${Math.round(increase * 100)}% on ${platform}`)
  }
  return flags
}

/**
 * The commits between the two digests' revisions, when both and a source are labelled and
 * GitHub is asked; the reason as a string when GitHub refused.
 */
async function commitsBetween(
  previous: ImageFacts | undefined,
  current: ImageFacts,
  sources: GitHubReviewSources | undefined
): Promise<CommitRange | string | undefined> {
  const source = current.labels[SOURCE_LABEL] ?? previous?.labels[SOURCE_LABEL]
  const base = previous?.labels[REVISION_LABEL]
  const head = current.labels[REVISION_LABEL]
  if (!sources || !source || !base || !head || base === head) return undefined
  try {
    return await sources.compareCommits(source, base, head)
  } catch (error) {
    const message = describeError(error, NEUTRAL_WORDS)
    return `commits: ${message.split('\n')[0] ?? message}`
  }
}

/** What the `updates` output (and the CLI's `--json`) says of a move, from its review. */
export interface UpdateDetails {
  /** RFC 3339, or null when no source could tell. */
  created: string | null
  created_source: CreatedSource | null
  /** `{platform: bytes}`, compressed (config plus layers), of the new and the old digest. */
  size: Record<string, number>
  previous_size: Record<string, number>
  platforms_added: string[]
  platforms_removed: string[]
  base: BaseMove | null
  identical_layers: boolean
  commits: { count: number; url: string } | null
}

export function updateDetails(review: MoveReview | undefined): UpdateDetails {
  const c = review?.comparison
  return {
    created: c?.created?.at ?? null,
    created_source: c?.created?.source ?? null,
    size: c?.size ?? {},
    previous_size: c?.previousSize ?? {},
    platforms_added: c?.platformsAdded ?? [],
    platforms_removed: c?.platformsRemoved ?? [],
    base: c?.base ?? null,
    identical_layers: c?.identicalLayers ?? false,
    commits: review?.commits ? { count: review.commits.count, url: review.commits.url } : null
  }
}
