/**
 * Turns a run's result into a pull request: the new config is computed from the base
 * branch's copy (never the workspace's), upstream links are read from the images, and the
 * body is rendered from data. Side effects go through the clients it is given.
 */
import { formatStoredDigest } from '../domain/oci/digest.js'
import { unifiedDiff } from '../domain/pull-request/diff.js'
import {
  type PullRequestClient,
  type PullRequestOutcome,
  PullRequestError
} from '../adapters/github/pull-requests.js'
import { type BodyUpdate, renderPullRequestBody } from '../domain/pull-request/body.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import type { Logger } from '../adapters/registry/http.js'
import {
  type MovedEntry,
  type UpdateResult,
  anyMoves,
  notice,
  rebaseUpdate,
  resolutionKey,
  rewritePinnedText
} from './update.js'
import { lookUpUpstream } from './upstream.js'

/** The action's defaults, which the command line's preview of a pull request uses too. */
export const DEFAULT_BRANCH = 'image-digests/update'
export const DEFAULT_TITLE = 'chore: Update container image digests'

export interface ProposalSettings {
  /** The config's path inside the repository, with forward slashes. */
  repoPath: string
  /** The `files` globs: other files pinning the same digests, relative to the repository. */
  files?: readonly string[]
  configLabel: string
  defaultImage?: string
  defaultPlatform?: string
  base?: string
  branch: string
  branchExplicit: boolean
  title: string
  commitMessage: string
  bodyTemplate?: string
  labels: string[]
  assignees: string[]
  reviewers: string[]
  teamReviewers: string[]
  draft: boolean
  /** The reference whose publication started the run, if an event announced one. */
  published?: string
  now: Date
}

export interface Proposal {
  title: string
  body: string
  diff: string
}

async function bodyUpdates(
  moved: readonly MovedEntry[],
  client: RegistryClient | undefined,
  logger: Logger,
  filesOf: (m: MovedEntry) => string[]
): Promise<BodyUpdate[]> {
  const upstream = client ? await lookUpUpstream(client, moved, logger) : []
  return moved.map((m, i) => ({
    name: m.entry.name,
    image: `${m.entry.reference.registry}/${m.entry.reference.repository}`,
    tag: m.entry.reference.tag,
    platform: m.entry.platform?.text ?? null,
    previous: m.previous ? formatStoredDigest(m.previous, m.entry.digestForm) : null,
    current: formatStoredDigest(m.current, m.entry.digestForm),
    upstream: upstream[i],
    files: filesOf(m)
  }))
}

function workspaceMoves(result: UpdateResult): MovedEntry[] {
  return result.results
    .filter(r => (r.status === 'updated' || r.status === 'pinned') && r.current)
    .map(r => ({ entry: r.entry, previous: r.previous, current: r.current! }))
}

function render(settings: ProposalSettings, updates: BodyUpdate[], result: UpdateResult): string {
  return renderPullRequestBody(
    { updates, failures: result.failed, date: settings.now, published: settings.published },
    settings.bodyTemplate
  )
}

/** What a dry run shows: the pull request this run would propose, against the workspace copy. */
export async function describeProposal(
  result: UpdateResult,
  settings: ProposalSettings,
  client: RegistryClient | undefined,
  logger: Logger
): Promise<Proposal | undefined> {
  if (result.newText === undefined) return undefined
  const updates = await bodyUpdates(workspaceMoves(result), client, logger, m =>
    result.pinnedFiles.filter(f => f.entries.includes(m.entry.index)).map(f => f.path)
  )
  const diffs = [unifiedDiff(settings.repoPath, result.config.source, stripBom(result.newText))]
  for (const file of result.pinnedFiles) diffs.push(unifiedDiff(file.path, file.text, file.newText))
  return { title: settings.title, body: render(settings, updates, result), diff: diffs.join('') }
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
  pullRequests: PullRequestClient,
  client: RegistryClient | undefined,
  logger: Logger
): Promise<PullRequestOutcome & { proposal?: Proposal }> {
  const patterns = settings.files ?? []
  const rewritten = result.pinnedFiles.map(f => f.path).filter(p => p !== settings.repoPath)
  // The files this run rewrote are read too: they are what is left to propose when GitHub
  // cannot list the whole base tree; otherwise the globs match them there anyway.
  const base = await pullRequests.readBase(
    settings.base,
    [settings.repoPath, ...rewritten],
    patterns
  )
  const baseBytes = base.files.get(settings.repoPath)
  const notFile = base.notFiles.get(settings.repoPath)
  if (notFile)
    throw new PullRequestError(`${settings.repoPath} is ${notFile} on ${base.branch}, not a file`, {
      fix: { text: 'point {the:config} at the file itself' }
    })
  if (!baseBytes) {
    throw new PullRequestError(
      `${settings.repoPath} does not exist on ${base.branch}; commit the config there first`
    )
  }
  const rebased = rebaseUpdate(
    `${settings.configLabel} (on ${base.branch})`,
    baseBytes,
    { defaultImage: settings.defaultImage, defaultPlatform: settings.defaultPlatform },
    result.results
  )
  const files = new Map<string, string>()
  const diffs: string[] = []
  if (rebased.newText !== undefined) {
    files.set(settings.repoPath, rebased.newText)
    diffs.push(unifiedDiff(settings.repoPath, baseBytes.toString('utf8'), rebased.newText))
  }

  if (!base.matched && patterns.length > 0)
    logger.warning(
      `files: the tree of ${base.branch} is too large for GitHub to list, so only the files this run rewrote in the workspace are proposed`
    )
  const candidates = [...rewritten, ...(base.matched ?? [])].sort()
  const touched = new Map<string, Set<string>>()
  if (anyMoves(rebased.moves)) {
    for (const path of candidates) {
      const bytes = base.files.get(path)
      if (!bytes) {
        const what = base.notFiles.get(path) ?? 'not in the repository'
        notice(logger, `files: skipped ${path}: it is ${what} on ${base.branch}`)
        continue
      }
      const rewrite = rewritePinnedText(`${path} (on ${base.branch})`, bytes, rebased.moves, logger)
      if (!rewrite) continue
      files.set(path, rewrite.newText)
      diffs.push(unifiedDiff(path, rewrite.text, rewrite.newText))
      touched.set(path, new Set(rewrite.moves.map(m => resolutionKey(m.entry))))
    }
  }

  let proposal: Proposal | undefined
  let body = ''
  if (files.size > 0) {
    const updates = await bodyUpdates(rebased.moved, client, logger, m =>
      [...touched].filter(([, keys]) => keys.has(resolutionKey(m.entry))).map(([path]) => path)
    )
    body = render(settings, updates, result)
    proposal = { title: settings.title, body, diff: diffs.join('') }
  }
  const outcome = await pullRequests.sync({
    base,
    branch: settings.branch,
    branchExplicit: settings.branchExplicit,
    files,
    title: settings.title,
    body,
    commitMessage: settings.commitMessage,
    labels: settings.labels,
    assignees: settings.assignees,
    reviewers: settings.reviewers,
    teamReviewers: settings.teamReviewers,
    draft: settings.draft,
    keepOpen: result.failed.length > 0
  })
  return { ...outcome, proposal }
}
