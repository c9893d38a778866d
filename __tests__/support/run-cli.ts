/**
 * Runs the bundled command line as a user would. The emulation lives in
 * scripts/testkit/runner.mjs; this module keeps the tests' imports.
 */
export {
  CLI_ENTRY,
  type ProcessRun as CliRun,
  type RunCommandOptions as RunCliOptions,
  runCli,
  runCommand
} from '../../scripts/testkit/runner.mjs'
