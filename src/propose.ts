/**
 * Turns a run's result into a pull request: the new config is computed from the base
 * branch's copy (never the workspace's), upstream links are read from the images, and the
 * body is rendered from data. Side effects go through the clients it is given.
 */
import { formatStoredDigest } from './digest.js'
import { unifiedDiff } from './pull-request/diff.js'
import {
  type PullRequestClient,
  type PullRequestOutcome,
  PullRequestError
} from './pull-request/github.js'
import { type BodyUpdate, renderPullRequestBody } from './pull-request/body.js'
import type { RegistryClient } from './registry/client.js'
import type { Logger } from './registry/http.js'
import { type MovedEntry, type UpdateResult, rebaseUpdate } from './update.js'
import { lookUpUpstream } from './upstream.js'

/** The action's defaults, which the command line's preview of a pull request uses too. */
export const DEFAULT_BRANCH = 'image-digests/update'
export const DEFAULT_TITLE = 'chore: Update container image digests'

export interface ProposalSettings {
  /** The config's path inside the repository, with forward slashes. */
  repoPath: string
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
  logger: Logger
): Promise<BodyUpdate[]> {
  const upstream = client ? await lookUpUpstream(client, moved, logger) : []
  return moved.map((m, i) => ({
    name: m.entry.name,
    image: `${m.entry.reference.registry}/${m.entry.reference.repository}`,
    tag: m.entry.reference.tag,
    platform: m.entry.platform?.text ?? null,
    previous: m.previous ? formatStoredDigest(m.previous, m.entry.digestForm) : null,
    current: formatStoredDigest(m.current, m.entry.digestForm),
    upstream: upstream[i]
  }))
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
  const moved: MovedEntry[] = result.results
    .filter(r => (r.status === 'updated' || r.status === 'pinned') && r.current)
    .map(r => ({ entry: r.entry, previous: r.previous, current: r.current! }))
  const updates = await bodyUpdates(moved, client, logger)
  return {
    title: settings.title,
    body: render(settings, updates, result),
    diff: unifiedDiff(settings.repoPath, result.config.source, stripBom(result.newText))
  }
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text
}

/** Creates, updates or closes the one pull request, based on the base branch's head. */
export async function proposeUpdate(
  result: UpdateResult,
  settings: ProposalSettings,
  pullRequests: PullRequestClient,
  client: RegistryClient | undefined,
  logger: Logger
): Promise<PullRequestOutcome & { proposal?: Proposal }> {
  const base = await pullRequests.readBase(settings.base, [settings.repoPath])
  const baseBytes = base.files.get(settings.repoPath)
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
  let proposal: Proposal | undefined
  let body = ''
  if (rebased.newText !== undefined) {
    files.set(settings.repoPath, rebased.newText)
    body = render(settings, await bodyUpdates(rebased.moved, client, logger), result)
    proposal = {
      title: settings.title,
      body,
      diff: unifiedDiff(settings.repoPath, baseBytes.toString('utf8'), rebased.newText)
    }
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
