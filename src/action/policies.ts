/**
 * What the action gives the policies stage besides its inputs: the clock, and the first-seen
 * store in the run's repository, opened (and the GitHub client loaded) only when a cooldown
 * needs it.
 */
import { FIRST_SEEN_REF, GitHubFirstSeenStore } from '../adapters/github/first-seen.js'
import type { FirstSeenStore, PolicyOptions } from '../run/policies.js'
import { NO_FACTS, TEST_NOW_VARIABLE, runClock } from '../run/policies.js'
import { type RunEvent, runRepository } from './context.js'
import type { Inputs } from './inputs.js'
import { actionsLogger, secrets } from './log.js'

function firstSeenStore(inputs: Inputs, event: RunEvent): FirstSeenStore | undefined {
  if (!inputs.token) return undefined
  let repository: { owner: string; repo: string }
  try {
    repository = runRepository(event)
  } catch {
    return undefined
  }
  const token = inputs.token
  let store: Promise<GitHubFirstSeenStore> | undefined
  const open = () =>
    (store ??= import('../adapters/github/octokit.js').then(
      ({ createOctokit }) =>
        new GitHubFirstSeenStore(
          createOctokit(token, actionsLogger, undefined, text => secrets.redact(text)),
          repository
        )
    ))
  return {
    location: `${FIRST_SEEN_REF} in ${repository.owner}/${repository.repo}`,
    load: async () => (await open()).load(),
    save: async changes => (await open()).save(changes)
  }
}

export function policyOptions(inputs: Inputs, event: RunEvent): PolicyOptions {
  return {
    settings: inputs.policies,
    now: runClock(process.env[TEST_NOW_VARIABLE]),
    // Team facts' stage gives the real lookup once merged.
    facts: NO_FACTS,
    store: firstSeenStore(inputs, event),
    persist: !inputs.dryRun
  }
}
