/**
 * The Details of each moved target, as Markdown for the pull request body and the job
 * summary: the new digest's age and its source, sizes per platform, platforms added or
 * removed, the base image, whether only metadata moved, the commits behind the move, and why
 * any of it is missing. Pure. Every value comes from a registry, an OCI label or GitHub and
 * is untrusted: text is escaped, names and digests go in code spans, and a link is made only
 * from a URL rebuilt out of checked parts.
 */
import type { CommitRange, MoveReview } from '../review.js'
import { codeSpan, escapeMarkdown, linkDestination, safeUrl } from '../text/markdown.js'
import {
  ageText,
  plural,
  provenanceText,
  shortDigest,
  signatureText,
  sizeChangeText
} from './review-text.js'

/** One moved target and what its review found; no block is shown without a review. */
export interface DetailsTarget {
  name: string
  platform: string | null
  review?: MoveReview
}

/** How much each block shows: the body drops commit lists first, then sizes. */
export type DetailsLevel = 'full' | 'no-commits' | 'no-sizes'

export interface DetailsOptions {
  /** The run's time, for "N days ago". */
  now: Date
  level?: DetailsLevel
  /** Show the first `cap` blocks only and say how many were left out. */
  cap?: number
  /** Why blocks were left out, for the note. */
  capReason?: string
}

/** Targets beyond this many are folded into one `<details>` element. */
export const FOLD_AFTER = 3

/** A commit or compare page on a GitHub host; only these parts go into a link. */
const OWNER = '([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)'
const REPO = '([A-Za-z0-9._-]+)'
const SHA = '([0-9a-f]{7,64})'
const COMMIT_PATH = new RegExp(`^/${OWNER}/${REPO}/commit/${SHA}$`, 'i')
const COMPARE_PATH = new RegExp(`^/${OWNER}/${REPO}/compare/${SHA}\\.\\.\\.${SHA}$`, 'i')

/**
 * The URL rebuilt from its checked parts: https only, no credentials, query or fragment, and
 * a path that is exactly a commit or compare page; undefined otherwise (shown unlinked).
 */
export function githubPageUrl(value: string, page: 'commit' | 'compare'): URL | undefined {
  const url = safeUrl(value)
  if (!url || url.protocol !== 'https:' || url.search || url.hash) return undefined
  const match = (page === 'commit' ? COMMIT_PATH : COMPARE_PATH).exec(url.pathname)
  if (!match || match[2] === '.' || match[2] === '..') return undefined
  const [, owner, repo, a, b] = match
  const tail = page === 'commit' ? a! : `${a!}...${b!}`
  return new URL(`https://${url.host}/${owner!}/${repo!}/${page}/${tail.toLowerCase()}`)
}

function targetName(t: DetailsTarget): string {
  return escapeMarkdown(t.name) + (t.platform ? ` (${escapeMarkdown(t.platform)})` : '')
}

/** A size flag names "size"; it marks the platforms it names, or every one when it names none. */
function sizeFlagged(flags: readonly string[], platform: string, platforms: string[]): boolean {
  return flags.some(flag => {
    if (!/size/i.test(flag)) return false
    const named = platforms.filter(p => flag.includes(p))
    return named.length === 0 || named.includes(platform)
  })
}

function sizeLines(review: MoveReview): string[] {
  const c = review.comparison
  if (!c) return []
  // Attestation manifests are not images a reviewer runs; ImageFacts leaves them out already.
  const platforms = Object.keys(c.size).filter(p => p !== 'unknown/unknown')
  if (platforms.length === 0) return []
  const lines = platforms.map(p => {
    const mark = sizeFlagged(review.flags, p, platforms) ? ' ⚠️ flagged' : ''
    return `  - ${codeSpan(p)}: ${sizeChangeText(c.previousSize[p], c.size[p]!)}${mark}`
  })
  return ['- **Size**:', ...lines]
}

function platformLine(review: MoveReview): string[] {
  const c = review.comparison
  if (!c || (c.platformsAdded.length === 0 && c.platformsRemoved.length === 0)) return []
  const list = (items: string[]) => items.map(p => codeSpan(p)).join(', ')
  const parts: string[] = []
  if (c.platformsAdded.length > 0) parts.push(`added ${list(c.platformsAdded)}`)
  if (c.platformsRemoved.length > 0) parts.push(`removed ${list(c.platformsRemoved)}`)
  return [`- **Platforms**: ${parts.join('; ')}`]
}

function baseLine(review: MoveReview): string[] {
  const base = review.comparison?.base
  if (!base) return []
  const name = codeSpan(base.name)
  const current = codeSpan(shortDigest(base.current))
  if (base.previous === null)
    return [`- **Base image**: ${name} at ${current} (the previous digest named no base)`]
  if (base.previous === base.current) return [`- **Base image**: ${name} unchanged`]
  return [
    `- **Base image**: ${name} moved from ${codeSpan(shortDigest(base.previous))} to ${current}`
  ]
}

/** At most this many headlines per target; the compare page has the rest. */
export const MAX_COMMITS = 10

function commitLines(range: CommitRange, withList: boolean): string[] {
  const compare = githubPageUrl(range.url, 'compare')
  const total = plural(range.count, 'commit', 'commits')
  const head = `- **Commits**: ${compare ? `[${total}](${linkDestination(compare)})` : total}`
  if (!withList) return [head]
  // The newest ten, oldest first: the last headline is what the new digest was built from.
  const shown = range.commits.slice(-MAX_COMMITS)
  const lines = shown.map(commit => {
    const url = githubPageUrl(commit.url, 'commit')
    const label = commit.headline.trim() ? escapeMarkdown(commit.headline) : '_no message_'
    const text = url ? `[${label}](${linkDestination(url)})` : label
    const author = commit.author ? ` by ${escapeMarkdown(commit.author.replace(/^@+/, ''))}` : ''
    return `  - ${text}${author}`
  })
  const earlier = range.count - shown.length
  if (earlier > 0 && shown.length > 0)
    lines.unshift(`  - _${plural(earlier, 'earlier commit', 'earlier commits')} not listed_`)
  return [head, ...lines]
}

/** A target that has a review to show. */
export type ReviewedTarget = DetailsTarget & { review: MoveReview }

/** One target's block: its name, then one line per fact the review holds. */
export function detailBlock(target: ReviewedTarget, options: DetailsOptions): string {
  const review = target.review
  const level = options.level ?? 'full'
  const c = review.comparison
  const lines = [`#### ${targetName(target)}`, '']
  if (c) lines.push(`- **Age**: ${ageText(c.created, options.now)}`)
  if (level !== 'no-sizes') lines.push(...sizeLines(review))
  lines.push(...platformLine(review), ...baseLine(review))
  if (c?.identicalLayers) lines.push('- **Content**: rebuilt with identical layers')
  if (review.commits) lines.push(...commitLines(review.commits, level === 'full'))
  // Identities and issuers are the signer's own words: code spans, never links or mentions.
  const quote = (value: string) => codeSpan(value)
  if (review.signature) lines.push(`- **Signature**: ${signatureText(review.signature, quote)}`)
  if (review.provenance) lines.push(`- **Provenance**: ${provenanceText(review.provenance, quote)}`)
  if (review.unavailable) lines.push(`- details unavailable: ${escapeMarkdown(review.unavailable)}`)
  if (review.flags.length > 0)
    lines.push(`- **Flagged**: ${review.flags.map(f => escapeMarkdown(f)).join('; ')}`)
  return lines.join('\n')
}

/** The targets that have a review to show, in order. */
export function reviewedTargets<T extends DetailsTarget>(
  targets: readonly T[]
): Array<T & { review: MoveReview }> {
  return targets.filter((t): t is T & { review: MoveReview } => t.review !== undefined)
}

/**
 * The "### Details" section, or nothing when no target has a review. More than FOLD_AFTER
 * targets are folded into one `<details>` element; its summary is our own words only, since
 * text inside an HTML block is not read as Markdown and escapes would show.
 */
export function renderDetails(targets: readonly DetailsTarget[], options: DetailsOptions): string {
  const blocks = reviewedTargets(targets).map(t => detailBlock(t, options))
  return detailsSection(blocks, options.cap ?? blocks.length, options.capReason)
}

/** The section from blocks rendered already, showing the first `cap`. */
export function detailsSection(blocks: readonly string[], cap: number, why?: string): string {
  if (blocks.length === 0) return ''
  const shown = blocks.slice(0, cap)
  const rest = blocks.length - shown.length
  if (rest > 0)
    shown.push(
      `_${plural(rest, 'more target', 'more targets')} not detailed${why ? ` (${why})` : ''}._`
    )
  const parts = ['### Details', '']
  if (blocks.length > FOLD_AFTER) {
    const summary = `Details of ${plural(blocks.length, 'target', 'targets')}`
    parts.push(`<details><summary>${summary}</summary>`, '', shown.join('\n\n'), '', '</details>')
  } else parts.push(shown.join('\n\n'))
  return parts.join('\n')
}
