/**
 * The pull request body, a pure function of the run's data and a template the user may
 * replace. Every value in the data comes from a config file or a registry and is untrusted:
 * it is escaped for the place it lands in, and URLs are used only when they parse as http(s).
 *
 * Placeholders (anything else in braces is left as written):
 *   {image}    the distinct images, each in backticks: "`a`", "`a` and `b`", "`a`, `b` and `c`"
 *   {table}    the changes table (Target, Previous Hash, New Hash), one row per update
 *   {updates}  the same updates as a bullet list: "- target: `old` → `new`"
 *   {files}    "Also updated: `path`, …" for the other files the updates touched, or nothing
 *   {failures} a "### Not updated" section with each entry that failed and why, or nothing
 *   {upstream} a "### Upstream Changes" section with links to the upstream repositories
 *              and the commits between the two image revisions, or nothing
 *   {count}    the number of updates
 *   {date}     the run's date in UTC, YYYY-MM-DD
 *   {trigger}  "Triggered by the publication of `image:tag`." when an image publication
 *              started the run, or nothing
 *   {details}  a "### Details" section per moved target: age, sizes, platforms, base image,
 *              identical layers, commits and flags (see details.ts), or nothing
 *   {held}     a "### Held back" section with each update a policy did not propose, or nothing
 *   {run}      a line linking the workflow run that made the update, or nothing
 *   {auto_merge} the auto-merge line, when auto-merge was asked for, or nothing; a template
 *              without it gets the line appended at the end
 * Block placeholders ({table}, {updates}, {failures}, {upstream}, {details}, {held}) belong on
 * a line of their own. Runs of blank lines left by empty placeholders collapse to one.
 */
import type { HeldUpdate, MoveReview } from '../review.js'
import { codeSpan, escapeMarkdown } from '../text/markdown.js'
import { type DetailsLevel, detailBlock, detailsSection, reviewedTargets } from './details.js'
import { heldLines, heldSection } from './held.js'
import { runLine } from './run-link.js'
import {
  SHORTENED,
  changesTable,
  failureSection,
  fileLine,
  inline,
  updateList,
  upstreamSection
} from './sections.js'
import { type OpenFence, fenceAfter, substitute, tidy } from './template.js'
import { upstreamLinks } from './upstream-links.js'

export interface UpstreamInfo {
  /** org.opencontainers.image.source of the new image, e.g. https://github.com/rust-cross/rust-musl-cross */
  source?: string
  /** org.opencontainers.image.revision of the old digest */
  previousRevision?: string
  /** org.opencontainers.image.revision of the new digest */
  currentRevision?: string
}

export interface BodyUpdate {
  /** Display name (the entry's target/name). */
  name: string
  /** registry/repository, e.g. ghcr.io/rust-cross/rust-musl-cross */
  image: string
  tag: string
  platform: string | null
  /** The digest as the config stores it (bare 64-hex or sha256:…); null when newly pinned. */
  previous: string | null
  /** Same form as `previous`. */
  current: string
  upstream?: UpstreamInfo
  /** Other files updated for this entry. */
  files?: string[]
  /** What the review of this move found; no Details block without one. */
  review?: MoveReview
}

export interface BodyFailure {
  name: string
  image: string
  tag: string
  error: string
}

export interface PullRequestBodyData {
  updates: BodyUpdate[]
  failures: BodyFailure[]
  date: Date
  /** The reference whose publication started the run, e.g. `ghcr.io/x/y:1.2`; untrusted. */
  published?: string
  /** Updates a policy held back or refused. */
  held?: HeldUpdate[]
  /** The workflow run that made the update, checked by workflowRunUrl. */
  run?: URL
  /** The auto-merge line, already escaped (see run/auto-merge.ts), when it was asked for. */
  autoMerge?: string
}

/** GitHub rejects a pull request body longer than this. */
export const BODY_LIMIT = 65536

/** The hash-diff template: the product's wording, with its per-row lines as placeholders. */
export const DEFAULT_BODY_TEMPLATE = `## Container Hash Updates

This PR updates the container SHA hashes for {image} images.

{trigger}

### Changes Detected

{table}

{files}

{details}

{failures}

{held}

{upstream}

### Verification

- [ ] All builds pass with new hashes
- [ ] No breaking changes detected
- [ ] Security scan results reviewed

_This PR was automatically generated on {date}_

{run}
`

/** Everything a render needs, escaped once; a render only picks how many of each to show. */
interface Pieces {
  images: string[]
  rows: string[]
  bullets: string[]
  files: string[]
  failures: string[]
  links: string[]
  count: number
  date: string
  trigger: string
  /** Each reviewed target's Details block, at each level of shortening. */
  details: Record<DetailsLevel, string[]>
  held: string[]
  run: string
  autoMerge: string
}

/** How many items of each list a render shows; the rest are summarised in a note. */
interface Caps {
  rows: number
  failures: number
  links: number
  files: number
  images: number
  held: number
  /** How many Details blocks, and how much of each. */
  details: number
  level: DetailsLevel
}

/** Which lists keep their items longest when the body must shrink. */
const PRIORITY: ListCap[] = ['rows', 'failures', 'held', 'links', 'files', 'images']
type ListCap = Exclude<keyof Caps, 'details' | 'level'>

/** The Details shrink first: commit lists, then sizes, then whole blocks from the end. */
const LEVELS: DetailsLevel[] = ['full', 'no-commits', 'no-sizes']

export function renderPullRequestBody(data: PullRequestBodyData, template?: string): string {
  const chosen = template?.trim() ? template.replace(/\r\n?/g, '\n') : DEFAULT_BODY_TEMPLATE
  // The line is one a maintainer must see, so a template that does not place it still gets it.
  const source =
    data.autoMerge && !chosen.includes('{auto_merge}')
      ? `${chosen.replace(/\s+$/, '')}\n\n{auto_merge}\n`
      : chosen
  const pieces = collect(data)
  const render = (caps: Caps): string => tidy(substitute(source, values(pieces, caps)))
  const fits = (caps: Caps): boolean => render(caps).length <= BODY_LIMIT

  const full: Caps = {
    rows: pieces.rows.length,
    failures: pieces.failures.length,
    held: pieces.held.length,
    links: pieces.links.length,
    files: pieces.files.length,
    images: pieces.images.length,
    details: pieces.details.full.length,
    level: 'full'
  }
  for (const level of LEVELS) {
    const body = render({ ...full, level })
    if (body.length <= BODY_LIMIT) return body
  }
  const fewer = { ...full, level: 'no-sizes' as const }
  if (fits({ ...fewer, details: 0 })) {
    return render({
      ...fewer,
      details: largest(0, full.details, n => fits({ ...fewer, details: n }))
    })
  }

  // Every list first gets the same share, so one long list cannot crowd out the others;
  // what is left then goes to the lists in order of importance, the changes table first.
  const uniform = (n: number): Caps => {
    const caps = { ...fewer, details: 0 }
    for (const key of PRIORITY) caps[key] = Math.min(full[key], n)
    return caps
  }
  if (!fits(uniform(0))) return hardCut(render(uniform(0)))
  const share = largest(0, Math.max(...PRIORITY.map(k => full[k])), n => fits(uniform(n)))
  const caps = uniform(share)
  for (const key of PRIORITY) {
    caps[key] = largest(caps[key], full[key], n => fits({ ...caps, [key]: n }))
  }
  return render(caps)
}

/** The largest n in [low, high] that passes, given that `low` passes. */
function largest(low: number, high: number, passes: (n: number) => boolean): number {
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (passes(mid)) low = mid
    else high = mid - 1
  }
  return low
}

function collect(data: PullRequestBodyData): Pieces {
  const target = (u: BodyUpdate): string =>
    escapeMarkdown(u.name) + (u.platform ? ` (${escapeMarkdown(u.platform)})` : '')
  const hash = (digest: string | null, inTable: boolean): string =>
    digest === null ? '(none)' : codeSpan(digest, { inTable })

  const rows = data.updates.map(
    u => `| ${target(u)} | ${hash(u.previous, true)} | ${hash(u.current, true)} |`
  )
  const bullets = data.updates.map(u => {
    const files = distinct(u.files ?? [])
    const also = files.length > 0 ? ` (also ${files.map(f => codeSpan(f)).join(', ')})` : ''
    return `- ${target(u)}: ${hash(u.previous, false)} → ${hash(u.current, false)}${also}`
  })
  const failures = data.failures.map(f => {
    const reference = f.tag ? `${f.image}:${f.tag}` : f.image
    return `- ${escapeMarkdown(f.name)} (${codeSpan(reference)}): ${escapeMarkdown(f.error)}`
  })
  return {
    images: distinct(data.updates.map(u => u.image)).map(i => codeSpan(i)),
    rows,
    bullets,
    files: distinct(data.updates.flatMap(u => u.files ?? [])).map(f => codeSpan(f)),
    failures,
    links: upstreamLinks(data.updates),
    count: data.updates.length,
    date: formatDate(data.date),
    trigger: data.published ? triggerLine(data.published) : '',
    details: detailBlocks(data),
    held: heldLines(data.held ?? []),
    run: runLine(data.run),
    autoMerge: data.autoMerge ?? ''
  }
}

/** The same words in the pull request body and the job summary. */
export function triggerLine(published: string): string {
  return `Triggered by the publication of ${codeSpan(published)}.`
}

function detailBlocks(data: PullRequestBodyData): Record<DetailsLevel, string[]> {
  const reviewed = reviewedTargets(data.updates)
  const at = (level: DetailsLevel) => reviewed.map(u => detailBlock(u, { now: data.date, level }))
  return { full: at('full'), 'no-commits': at('no-commits'), 'no-sizes': at('no-sizes') }
}

function distinct(values: string[]): string[] {
  return [...new Set(values)]
}

function values(p: Pieces, caps: Caps): Map<string, string> {
  return new Map([
    ['image', inline(p.images, caps.images, 'no')],
    ['table', changesTable(p.rows, caps.rows)],
    ['updates', updateList(p.bullets, caps.rows)],
    ['files', fileLine(p.files, caps.files)],
    ['failures', failureSection(p.failures, caps.failures)],
    ['upstream', upstreamSection(p.links, caps.links)],
    ['count', String(p.count)],
    ['date', p.date],
    ['trigger', p.trigger],
    [
      'details',
      detailsSection(p.details[caps.level], caps.details, `${SHORTENED}; see the job summary`)
    ],
    ['held', heldSection(p.held, caps.held, SHORTENED)],
    ['run', p.run],
    ['auto_merge', p.autoMerge]
  ])
}

function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'an unknown date'
  const pad = (n: number, width: number): string => String(n).padStart(width, '0')
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`
}

/**
 * Last resort when even the template with every list emptied is too long (a huge custom
 * template): cut at a line break, close a code fence left open, and say so.
 */
function hardCut(body: string): string {
  const note = `\n\n_…${SHORTENED}; see the job summary._\n`
  let budget = BODY_LIMIT - note.length
  for (;;) {
    let cut = body.lastIndexOf('\n', budget)
    if (cut <= 0) {
      cut = budget
      // Never split a surrogate pair.
      if (/[\ud800-\udbff]/.test(body.charAt(cut - 1))) cut -= 1
    }
    let head = body.slice(0, cut)
    let open: OpenFence | undefined
    for (const line of head.split('\n')) open = fenceAfter(line, open)
    if (open) head += `\n${open.char.repeat(open.length)}`
    const result = head + note
    if (result.length <= BODY_LIMIT) return result
    budget -= result.length - BODY_LIMIT
  }
}
