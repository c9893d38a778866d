/**
 * Auto-merge, as the pull-request step decides it: on only when every update the pull request
 * proposes was reviewed with no flag and no update is in error; off otherwise, with the reasons
 * in one line of the body. The decision is pure; GitHub is asked through the port, and a
 * refusal is reported, never fatal.
 */
import type { AutoMergeMethod } from '../adapters/github/auto-merge.js'
import type { Logger } from '../adapters/registry/http.js'
import { type HeldUpdate, type MoveReview, reviewFor } from '../domain/review.js'
import { escapeMarkdown } from '../domain/text/markdown.js'
import { type Move, hasMoved } from './moves.js'
import type { PullRequestOutcome, PullRequestPort } from './pull-request-port.js'

export type { AutoMergeMethod } from '../adapters/github/auto-merge.js'

/** What the step did about auto-merge, for the log, the summary and the CLI. */
export interface AutoMergeReport {
  method: AutoMergeMethod
  /**
   * `enabled`/`disabled`: this run turned it on/off; `on`/`off`: it already was and stays so;
   * `refused`: GitHub would not (then `reason` says why, in our words).
   */
  state: 'enabled' | 'disabled' | 'on' | 'off' | 'refused'
  /** Why auto-merge must stay off: one line each; empty when every gate passed. */
  blockers: string[]
  reason?: string
}

/** How many reasons the body's line lists before it counts the rest. */
const LISTED = 5

/**
 * Why auto-merge must stay off for the pull request proposing these moves: each moved entry's
 * flags, a moved entry no review covers (its gates never ran), and every update in error.
 */
export function autoMergeBlockers(
  moves: readonly Move[],
  reviews: readonly MoveReview[],
  held: readonly HeldUpdate[]
): string[] {
  const blockers: string[] = []
  for (const move of moves.filter(hasMoved)) {
    const name = move.entry.platform
      ? `${move.entry.name} (${move.entry.platform.text})`
      : move.entry.name
    const review = reviewFor(reviews, move)
    if (!review) blockers.push(`${name}: its new digest was not reviewed`)
    else for (const flag of review.flags) blockers.push(`${name}: ${flag}`)
  }
  for (const h of held) if (h.kind === 'error') blockers.push(`${h.name}: ${h.reason}`)
  return blockers
}

/** The body's line about auto-merge; every reason is untrusted text, escaped. */
export function autoMergeLine(method: AutoMergeMethod, blockers: readonly string[]): string {
  if (blockers.length === 0)
    return `**Auto-merge** (${method}) requested: every update passed every gate.`
  const listed = blockers.slice(0, LISTED).map(escapeMarkdown).join('; ')
  const more = blockers.length > LISTED ? `; and ${blockers.length - LISTED} more` : ''
  return `**Auto-merge is off**: ${listed}${more}.`
}

/**
 * After the pull request was created, updated or left as it was: auto-merge on when nothing
 * blocks it, off when something does and it was on. Undefined when there is no open pull or
 * the port cannot change auto-merge.
 */
export async function applyAutoMerge(
  pullRequests: PullRequestPort,
  outcome: PullRequestOutcome,
  method: AutoMergeMethod,
  blockers: string[],
  logger: Logger
): Promise<AutoMergeReport | undefined> {
  const open = ['created', 'updated', 'unchanged'].includes(outcome.operation)
  if (!open || !outcome.nodeId || !pullRequests.setAutoMerge) return undefined
  const pull = `#${outcome.number}`
  const found = outcome.autoMergeFound ?? null
  const report = (state: AutoMergeReport['state'], reason?: string): AutoMergeReport => ({
    method,
    state,
    blockers,
    ...(reason ? { reason } : {})
  })
  if (blockers.length === 0 && found) {
    logger.info(`${pull}: auto-merge is on (${found})`)
    return report('on')
  }
  if (blockers.length > 0 && !found) {
    logger.info(`${pull}: auto-merge left off: ${blockers.join('; ')}`)
    return report('off')
  }
  const enable = blockers.length === 0
  const change = await pullRequests.setAutoMerge(outcome.nodeId, enable ? method : undefined)
  if (change.state === 'refused') {
    logger.warning(`${pull}: auto-merge not ${enable ? 'enabled' : 'disabled'}: ${change.reason}`)
    return report('refused', change.reason)
  }
  if (enable)
    logger.info(`${pull}: auto-merge (${method}) enabled; GitHub merges it once its checks pass`)
  else logger.info(`${pull}: auto-merge disabled: ${blockers.join('; ')}`)
  return report(change.state)
}

/** One line for the job summary. */
export function autoMergeSummary(report: AutoMergeReport): string {
  const off =
    report.blockers.length > 0
      ? `: ${autoMergeLine(report.method, report.blockers).replace(/^\*\*Auto-merge is off\*\*: /, '')}`
      : '.'
  switch (report.state) {
    case 'enabled':
      return `Auto-merge (${report.method}) enabled: every update passed every gate.`
    case 'on':
      return `Auto-merge stays on: every update passed every gate.`
    case 'disabled':
      return `Auto-merge disabled${off}`
    case 'off':
      return `Auto-merge left off${off}`
    case 'refused':
      return `Auto-merge could not be ${report.blockers.length === 0 ? 'enabled' : 'disabled'}: ${report.reason ?? 'GitHub refused'}.`
  }
}
