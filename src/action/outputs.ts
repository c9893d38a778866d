/** The action's outputs, as action.yml declares them. */
import type { PullRequestOutcome } from '../adapters/github/pull-requests.js'
import type { UpdateResult } from '../run/update.js'
import { heldOutput } from '../run/policies.js'
import * as log from './log.js'

export function writeOutputs(result: UpdateResult): void {
  log.setOutput('matrix', JSON.stringify(result.matrix))
  log.setOutput('changed', String(result.changed))
  log.setOutput('updates', JSON.stringify(result.updates))
  log.setOutput('failed', JSON.stringify(result.failed))
  log.setOutput('held', JSON.stringify(heldOutput(result.held)))
}

export function writePullRequestOutputs(outcome: PullRequestOutcome): void {
  log.setOutput('pull-request-number', outcome.number === undefined ? '' : String(outcome.number))
  log.setOutput('pull-request-url', outcome.url ?? '')
  log.setOutput('pull-request-operation', outcome.operation)
  log.setOutput('pull-request-branch', outcome.branch)
}
