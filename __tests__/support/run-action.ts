/**
 * Runs the bundled action the way the runner does. The emulation lives in
 * scripts/testkit/runner.mjs, shared with the benchmark; this module keeps the tests' imports.
 */
export {
  ACTION_ENTRY,
  type ActionRun,
  type RunActionOptions,
  ROOT,
  annotations,
  parseFileCommands,
  runAction
} from '../../scripts/testkit/runner.mjs'
