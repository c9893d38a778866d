/**
 * Runs the bundled action the way the runner does: a fresh `node dist/index.js` process with
 * every input (action.yml defaults included) as an `INPUT_*` variable and file commands for
 * outputs and the summary. Asynchronous on purpose: fake servers in the test process must
 * keep answering while the action runs.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const ACTION_ENTRY = join(ROOT, 'dist/index.js')

interface ActionYaml {
  inputs: Record<string, { default?: string }>
}

/** Defaults as the runner passes them; expression defaults (the token) are the caller's to give. */
function actionDefaults(): Record<string, string> {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYaml
  const defaults: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default !== undefined && !spec.default.includes('${{')) defaults[name] = spec.default
  }
  return defaults
}

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
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

export interface RunActionOptions {
  workspace: string
  inputs: Record<string, string>
  env?: Record<string, string>
  event?: { name: string; payload: unknown }
  timeoutMs?: number
}

/** Parses `name<<DELIMITER` blocks and `name=value` lines of a GITHUB_OUTPUT file. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!)
      out[name!] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

const MASK_COMMAND = '::add-mask::'

function withoutMaskCommands(text: string): string {
  return text
    .split('\n')
    .filter(line => !line.startsWith(MASK_COMMAND))
    .join('\n')
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const files = mkdtempSync(join(tmpdir(), 'action-run-'))
  try {
    const outputFile = join(files, 'output')
    const summaryFile = join(files, 'summary')
    const eventFile = join(files, 'event.json')
    writeFileSync(outputFile, '')
    writeFileSync(summaryFile, '')
    writeFileSync(eventFile, JSON.stringify(options.event?.payload ?? {}))
    const inputs = { ...actionDefaults(), ...options.inputs }
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: files,
      // An empty Docker config: the developer's own logins must not leak into the tests.
      DOCKER_CONFIG: join(files, 'docker'),
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_NAME: options.event?.name ?? 'workflow_dispatch',
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_REPOSITORY: 'acme/builds',
      GITHUB_API_URL: 'http://127.0.0.1:9',
      RUNNER_TEMP: files,
      ...options.env
    }
    for (const [name, value] of Object.entries(inputs))
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value

    const child = spawn(process.execPath, [ACTION_ENTRY], {
      cwd: options.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timeoutMs = options.timeoutMs ?? 60_000
    const exitCode = await new Promise<number>((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`the action did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`))
      }, timeoutMs)
      child.on('error', reject)
      child.on('close', code => {
        clearTimeout(timer)
        resolvePromise(code ?? -1)
      })
    })
    const outputText = readFileSync(outputFile, 'utf8')
    const summary = readFileSync(summaryFile, 'utf8')
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseFileCommands(outputText),
      summary,
      artifacts: [withoutMaskCommands(stdout), stderr, outputText, summary].join('\n'),
      masked: stdout
        .split('\n')
        .filter(line => line.startsWith(MASK_COMMAND))
        .map(line => line.slice(MASK_COMMAND.length))
    }
  } finally {
    rmSync(files, { recursive: true, force: true })
  }
}

/** The workflow command lines (`::warning ...::message`) of a given kind, decoded. */
export function annotations(run: ActionRun, kind: 'warning' | 'error' | 'notice'): string[] {
  return run.stdout
    .split('\n')
    .filter(line => line.startsWith(`::${kind}`))
    .map(line =>
      line
        .slice(line.indexOf('::', 2) + 2)
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r')
        .replace(/%25/g, '%')
    )
}
