/**
 * What the pull-request step needs of a forge, and nothing more: read the base branch, then
 * make the one pull request match a computed change. The run depends on this port alone;
 * adapters/github's PullRequestClient is the implementation the action plugs in (it fits
 * structurally, since adapters may not import the run), and the unit tests plug in one that
 * keeps a repository in memory.
 */
import type { AutoMergeChange, AutoMergeMethod } from '../adapters/github/auto-merge.js'
import type {
  BaseSnapshot,
  PullRequestChange,
  PullRequestOutcome
} from '../adapters/github/pull-requests.js'

export type { AutoMergeChange, BaseSnapshot, PullRequestChange, PullRequestOutcome }

export interface PullRequestPort {
  /**
   * The base branch's head (the default branch when `base` is undefined), the given paths as
   * they are there, and every file the patterns name in its tree.
   */
  readBase(
    base: string | undefined,
    paths: readonly string[],
    patterns: readonly string[]
  ): Promise<BaseSnapshot>
  /** Creates, updates, leaves or closes the pull request so it proposes exactly `change`. */
  sync(change: PullRequestChange): Promise<PullRequestOutcome>
  /**
   * Turns GitHub's auto-merge on the open pull (by its node id) on with `method`, or off when
   * it is undefined; a refusal is an answer. A forge without auto-merge leaves it out.
   */
  setAutoMerge?(nodeId: string, method: AutoMergeMethod | undefined): Promise<AutoMergeChange>
}
