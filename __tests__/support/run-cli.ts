/**
 * Runs the bundled command line as a user would: `node dist/cli/index.js` in a fresh process,
 * with a HOME and a Docker config of the test's own so a developer's logins never leak in.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from './run-action.js'

export const CLI_ENTRY = join(ROOT, 'dist/cli/index.js')

export interface CliRun {
  exitCode: number
  stdout: string
  stderr: string
}

export interface RunCliOptions {
  cwd: string
  /** Replaces the defaults below key by key. HOME and DOCKER_CONFIG default to `cwd`-local paths. */
  env?: Record<string, string>
  timeoutMs?: number
}

export function runCommand(
  command: string,
  args: string[],
  options: RunCliOptions
): Promise<CliRun> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: join(options.cwd, '.home'),
    DOCKER_CONFIG: join(options.cwd, '.docker'),
    ...options.env
  }
  const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timeoutMs = options.timeoutMs ?? 60_000
  return new Promise<CliRun>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${command} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`))
    }, timeoutMs)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      resolvePromise({ exitCode: code ?? -1, stdout, stderr })
    })
  })
}

export function runCli(args: string[], options: RunCliOptions): Promise<CliRun> {
  return runCommand(process.execPath, [CLI_ENTRY, ...args], options)
}
