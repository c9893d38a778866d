/** Types for runner.mjs, the one emulation of the Actions runner. */

export const ROOT: string
/** The suite's fresh bundle of the action and of the CLI; never dist/. */
export const ACTION_ENTRY: string
export const CLI_ENTRY: string

export function actionDefaults(): Record<string, string>
export function inputVariable(name: string): string
export function parseFileCommands(text: string): Record<string, string>

export interface StepOptions {
  workspace: string
  inputs?: Record<string, string>
  env?: Record<string, string>
  event?: { name: string; payload: unknown }
}

export interface StepResults {
  outputs: Record<string, string>
  summary: string
  /**
   * Everything the run wrote anywhere a user could read it. `::add-mask::` commands are left
   * out: the runner consumes them and never shows them, and they are how secrets get masked.
   */
  artifacts: string
  /** The values the run asked the runner to mask. */
  masked: string[]
}

export interface Step {
  /** The step's own folder: HOME, RUNNER_TEMP and the file commands. */
  files: string
  env: Record<string, string>
  collect(stdout: string, stderr: string): StepResults
  cleanup(): void
}

export function prepareStep(options: StepOptions): Step

export interface ProcessRun {
  exitCode: number
  stdout: string
  stderr: string
}

export function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs?: number; label?: string }
): Promise<ProcessRun>

export interface ActionRun extends ProcessRun, StepResults {}

export interface RunActionOptions extends StepOptions {
  inputs: Record<string, string>
  timeoutMs?: number
}

export function runAction(options: RunActionOptions): Promise<ActionRun>
export function annotations(run: ActionRun, kind: 'warning' | 'error' | 'notice'): string[]

export interface RunCommandOptions {
  cwd: string
  /** Replaces the defaults key by key. HOME and DOCKER_CONFIG default to `cwd`-local paths. */
  env?: Record<string, string>
  timeoutMs?: number
}

export function runCommand(
  command: string,
  args: string[],
  options: RunCommandOptions
): Promise<ProcessRun>
export function runCli(args: string[], options: RunCommandOptions): Promise<ProcessRun>
