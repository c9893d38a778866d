/**
 * Turns a run's result into a pull request: the new config is computed from the base
 * branch's copy (never the workspace's), upstream links are read from the images, and the
 * body is rendered from data. Side effects go through the clients it is given: the forge
 * only through PullRequestPort.
 */
import { type ParsedConfig, parseConfig } from '../domain/config.js'
import { formatStoredDigest } from '../domain/oci/digest.js'
import { unifiedDiff } from '../domain/pull-request/diff.js'
import { type PullRequestOutcome, PullRequestError } from '../adapters/github/pull-requests.js'
import { type BodyUpdate, renderPullRequestBody } from '../domain/pull-request/body.js'
import { heldLines } from '../domain/pull-request/held.js'
import { reviewFor } from '../domain/review.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import type { Logger } from '../adapters/registry/http.js'
import { notice, rewritePinnedText } from './other-files.js'
import type { UpdateResult } from './update.js'
import { type Move, anyMoved, computeMoves, hasMoved, rewriteConfig, withFiles } from './moves.js'
import type { BaseSnapshot, PullRequestChange, PullRequestPort } from './pull-request-port.js'
import { lookUpUpstream } from './upstream.js'
import {
  type AutoMergeMethod,
  type AutoMergeReport,
  applyAutoMerge,
  autoMergeBlockers,
  autoMergeLine
} from './auto-merge.js'
import { type Discovery, rewriteDiscoveredText } from './discover.js'
import { emptyConfig } from './discover-stage.js'

/** The action's defaults; the command line's preview of a pull request shows the title too. */
export const DEFAULT_BRANCH = 'image-digests/update'
export const DEFAULT_TITLE = 'chore: Update container image digests'

/** What the body is rendered with, besides the moves. */
export interface BodySettings {
  /** The template's text; the default template when undefined. */
  template?: string
  /** The reference whose publication started the run, if an event announced one. */
  published?: string
  now: Date
  /** The workflow run that made the update (the action's footer link), checked at the edge. */
  run?: URL
}

/** What a preview of the pull request reads (the action's dry run, the CLI's --show-pull-request). */
export interface PreviewSettings {
  /** The config's path inside the repository, with forward slashes. */
  repoPath: string
  title: string
  body: BodySettings
  /** The auto-merge the pull request would ask for; its line goes in the body. */
  autoMerge?: AutoMergeMethod
}

/**
 * The pull request asked for, as the edge read it; handed to the port as it is. Its fields are
 * the change's own, so the two cannot drift apart.
 */
export type PullRequestRequest = Pick<
  PullRequestChange,
  | 'branch'
  | 'branchExplicit'
  | 'title'
  | 'commitMessage'
  | 'labels'
  | 'assignees'
  | 'reviewers'
  | 'teamReviewers'
  | 'draft'
> & {
  /** The base branch; the repository's default branch when undefined. */
  base?: string
  /** GitHub's auto-merge with this method when every update passed every gate; none when undefined. */
  autoMerge?: AutoMergeMethod
}

export interface ProposalSettings {
  /** The config's path inside the repository, with forward slashes. */
  repoPath: string
  /** The `files` globs: other files pinning the same digests, relative to the repository. */
  files?: readonly string[]
  /** How the base branch's copy of the config is read: as the run read the workspace's. */
  config: { label: string; defaultImage?: string; defaultPlatform?: string }
  pullRequest: PullRequestRequest
  body: BodySettings
}

export interface Proposal {
  title: string
  body: string
  diff: string
}

/**
 * The body's rows: the moves that changed a digest, shown in the form their config stores,
 * each with its review (reviewFor), when there is one.
 */
async function bodyUpdates(
  moves: readonly Move[],
  result: UpdateResult,
  client: RegistryClient | undefined,
  logger: Logger
): Promise<BodyUpdate[]> {
  const moved = moves.filter(hasMoved)
  const upstream = client ? await lookUpUpstream(client, moved, logger) : []
  return moved.map((m, i) => ({
    name: m.entry.name,
    image: `${m.entry.reference.registry}/${m.entry.reference.repository}`,
    tag: m.entry.reference.tag,
    platform: m.entry.platform?.text ?? null,
    previous: m.previous ? formatStoredDigest(m.previous, m.entry.digestForm) : null,
    current: formatStoredDigest(m.current, m.entry.digestForm),
    upstream: upstream[i],
    files: m.files,
    review: reviewFor(result.reviews, m)
  }))
}

function render(
  body: BodySettings,
  updates: BodyUpdate[],
  result: UpdateResult,
  autoMerge: string | undefined
): string {
  return renderPullRequestBody(
    {
      updates,
      failures: result.failed,
      date: body.now,
      published: body.published,
      held: result.held,
      run: body.run,
      autoMerge
    },
    body.template
  )
}

/** What a dry run shows: the pull request this run would propose, against the workspace copy. */
export async function describeProposal(
  result: UpdateResult,
  settings: PreviewSettings,
  client: RegistryClient | undefined,
  logger: Logger
): Promise<Proposal | undefined> {
  if (result.newText === undefined && result.pinnedFiles.length === 0) return undefined
  const updates = await bodyUpdates(result.moves, result, client, logger)
  const diffs =
    result.newText === undefined
      ? []
      : [unifiedDiff(settings.repoPath, result.config.source, stripBom(result.newText))]
  for (const file of result.pinnedFiles) diffs.push(unifiedDiff(file.path, file.text, file.newText))
  const line = settings.autoMerge
    ? autoMergeLine(
        settings.autoMerge,
        autoMergeBlockers(result.moves, result.reviews, result.held)
      )
    : undefined
  const body = render(settings.body, updates, result, line)
  return { title: settings.title, body, diff: diffs.join('') }
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text
}

/**
 * Creates, updates or closes the one pull request. Everything it proposes is computed from the
 * base branch's head alone: its config, rebased onto the digests this run resolved, and every
 * file the `files` globs name there, rewritten with that config's moves. Whatever the workspace
 * holds (already updated by an earlier run, or checked out from the pull request's branch), the
 * commit, the body and the files listed per entry are the same one computation.
 */
export async function proposeUpdate(
  result: UpdateResult,
  settings: ProposalSettings,
  pullRequests: PullRequestPort,
  client: RegistryClient | undefined,
  logger: Logger
): Promise<PullRequestOutcome & { proposal?: Proposal; autoMerge?: AutoMergeReport }> {
  const discovery = result.discovery
  const patterns = settings.files?.length ? settings.files : (discovery?.files ?? [])
  const rewritten = result.pinnedFiles.map(f => f.path).filter(p => p !== settings.repoPath)
  // The files this run rewrote are read too: they are what is left to propose when GitHub
  // cannot list the whole base tree; otherwise the globs match them there anyway.
  const request = settings.pullRequest
  const base = await pullRequests.readBase(
    request.base,
    [settings.repoPath, ...rewritten],
    patterns
  )
  const { baseBytes, baseConfig } = readBaseConfig(settings, base, discovery !== undefined)
  const configMoves = computeMoves(baseConfig, result.results)
  // The discovered entries come after the config's, as in the run's result.
  const discovered = result.moves.filter(m => m.entry.index >= result.config.entries.length)
  const moves = [...configMoves, ...discovered]
  const newText = rewriteConfig(baseConfig, configMoves)
  const files = new Map<string, string>()
  const diffs: string[] = []
  if (newText !== undefined) {
    files.set(settings.repoPath, newText)
    diffs.push(unifiedDiff(settings.repoPath, baseBytes.toString('utf8'), newText))
  }

  if (!base.matched && patterns.length > 0)
    logger.warning(
      `files: the tree of ${base.branch} is too large for GitHub to list, so only the files this run rewrote in the workspace are proposed`
    )
  const candidates = [...rewritten, ...(base.matched ?? [])].sort()
  const touched = anyMoved(moves)
    ? rewriteBaseFiles(base, candidates, { configMoves, discovery }, logger, files, diffs)
    : []

  let proposal: Proposal | undefined
  let body = ''
  const blockers = autoMergeBlockers(moves, result.reviews, result.held)
  if (files.size > 0) {
    const updates = await bodyUpdates(withFiles(moves, touched), result, client, logger)
    const line = request.autoMerge ? autoMergeLine(request.autoMerge, blockers) : undefined
    body = render(settings.body, updates, result, line)
    proposal = { title: request.title, body, diff: diffs.join('') }
  }
  const outcome = await pullRequests.sync({
    base,
    branch: request.branch,
    branchExplicit: request.branchExplicit,
    files,
    title: request.title,
    body,
    commitMessage: request.commitMessage,
    labels: request.labels,
    assignees: request.assignees,
    reviewers: request.reviewers,
    teamReviewers: request.teamReviewers,
    draft: request.draft,
    held: heldLines(result.held),
    keepOpen: result.failed.length > 0
  })
  const autoMerge = request.autoMerge
    ? await applyAutoMerge(pullRequests, outcome, request.autoMerge, blockers, logger)
    : undefined
  return { ...outcome, proposal, ...(autoMerge ? { autoMerge } : {}) }
}

/** The base branch's config, parsed; a missing file or a directory there is an error. */
function readBaseConfig(
  settings: ProposalSettings,
  base: BaseSnapshot,
  optional: boolean
): { baseBytes: Buffer; baseConfig: ParsedConfig } {
  const baseBytes = base.files.get(settings.repoPath)
  const notFile = base.notFiles.get(settings.repoPath)
  // Discovery needs no config: without one on the base, only the other files are proposed.
  if (optional && !baseBytes && !notFile)
    return { baseBytes: Buffer.alloc(0), baseConfig: emptyConfig(settings.config.label) }
  if (notFile)
    throw new PullRequestError(`${settings.repoPath} is ${notFile} on ${base.branch}, not a file`, {
      fix: { text: 'point {the:config} at the file itself' }
    })
  if (!baseBytes) {
    throw new PullRequestError(
      `${settings.repoPath} does not exist on ${base.branch}; commit the config there first`
    )
  }
  const baseConfig = parseConfig(`${settings.config.label} (on ${base.branch})`, baseBytes, {
    defaultImage: settings.config.defaultImage,
    defaultPlatform: settings.config.defaultPlatform
  })
  return { baseBytes, baseConfig }
}

/**
 * Rewrites the base's copy of each candidate file with the moves, adding each changed file
 * and its diff; returns which entries each file pinned.
 */
function rewriteBaseFiles(
  base: BaseSnapshot,
  candidates: readonly string[],
  { configMoves, discovery }: { configMoves: readonly Move[]; discovery?: Discovery },
  logger: Logger,
  files: Map<string, string>,
  diffs: string[]
): Array<{ path: string; entries: number[] }> {
  const touched: Array<{ path: string; entries: number[] }> = []
  for (const path of candidates) {
    const bytes = base.files.get(path)
    if (!bytes) {
      const what = base.notFiles.get(path) ?? 'not in the repository'
      notice(logger, `files: skipped ${path}: it is ${what} on ${base.branch}`)
      continue
    }
    const label = `${path} (on ${base.branch})`
    const rewrite = discovery
      ? rewriteDiscoveredText(label, path, bytes, configMoves, discovery, logger)
      : rewritePinnedText(label, bytes, configMoves, logger)
    if (!rewrite) continue
    files.set(path, rewrite.newText)
    diffs.push(unifiedDiff(path, rewrite.text, rewrite.newText))
    touched.push({ path, entries: rewrite.entries })
  }
  return touched
}
