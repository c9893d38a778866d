/**
 * The GitHub Actions runner, emulated once for the test suites and the benchmark: what a step
 * of `uses: ./` receives (every input, action.yml defaults included, as an `INPUT_*` variable;
 * file commands for outputs and the summary; an event payload file) and what it leaves (the
 * outputs and summary parsed back, the values it asked to mask). Processes are spawned
 * asynchronously on purpose: fake servers in the test process must keep answering meanwhile.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { BUNDLE_ENV, bundleEntries, testBundleDir } from './bundle.mjs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const MASK_COMMAND = '::add-mask::'

/** Defaults as the runner passes them; expression defaults (the token) are the caller's to give. */
export function actionDefaults() {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))
  const defaults = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default !== undefined && !String(spec.default).includes('${{'))
      defaults[name] = String(spec.default)
  }
  return defaults
}

/** The variable name the runner gives an input. */
export const inputVariable = name => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/** Parses `name<<DELIMITER` blocks and `name=value` lines of a GITHUB_OUTPUT file. */
export function parseFileCommands(text) {
  const out = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i])
      out[name] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

/**
 * The files and environment of one step. `env` replaces the defaults key by key; PATH, a
 * HOME of the step's own and an empty Docker config keep the developer's logins out.
 */
export function prepareStep({ workspace, inputs = {}, env = {}, event }) {
  const files = mkdtempSync(path.join(tmpdir(), 'action-run-'))
  const outputFile = path.join(files, 'output')
  const summaryFile = path.join(files, 'summary')
  const eventFile = path.join(files, 'event.json')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  writeFileSync(eventFile, JSON.stringify(event?.payload ?? {}))
  const stepEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: files,
    DOCKER_CONFIG: path.join(files, 'docker'),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: event?.name ?? 'workflow_dispatch',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'acme/builds',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    RUNNER_TEMP: files,
    ...env
  }
  for (const [name, value] of Object.entries({ ...actionDefaults(), ...inputs }))
    stepEnv[inputVariable(name)] = value
  return {
    files,
    env: stepEnv,
    /** What the step left: its outputs and summary, and the log with the masks taken out. */
    collect(stdout, stderr) {
      const outputText = readFileSync(outputFile, 'utf8')
      const summary = readFileSync(summaryFile, 'utf8')
      const lines = stdout.split('\n')
      return {
        outputs: parseFileCommands(outputText),
        summary,
        // The runner consumes `::add-mask::` lines and never shows them.
        artifacts: [
          lines.filter(line => !line.startsWith(MASK_COMMAND)).join('\n'),
          stderr,
          outputText,
          summary
        ].join('\n'),
        masked: lines
          .filter(line => line.startsWith(MASK_COMMAND))
          .map(line => line.slice(MASK_COMMAND.length))
      }
    },
    cleanup: () => rmSync(files, { recursive: true, force: true })
  }
}

/** Runs a command to its end, killed after `timeoutMs`; resolves with its exit code and output. */
export function runProcess(command, args, { cwd, env, timeoutMs = 60_000, label = command }) {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk.toString()))
  child.stderr.on('data', chunk => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${label} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`))
    }, timeoutMs)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      resolve({ exitCode: code ?? -1, stdout, stderr })
    })
  })
}

/** The suite's fresh bundle (see bundle.mjs); never dist/. */
export const ACTION_ENTRY = bundleEntries(testBundleDir()).action
export const CLI_ENTRY = bundleEntries(testBundleDir()).cli

function requireBundle(entry) {
  if (!process.env[BUNDLE_ENV])
    throw new Error(
      `${BUNDLE_ENV} is not set: run the suite through jest (its globalSetup bundles the current source), not ${entry} from dist/`
    )
}

/** Runs the bundled action as the runner runs a step: `node index.js` in a fresh process. */
export async function runAction(options) {
  requireBundle(ACTION_ENTRY)
  const step = prepareStep(options)
  try {
    const { exitCode, stdout, stderr } = await runProcess(process.execPath, [ACTION_ENTRY], {
      cwd: options.workspace,
      env: step.env,
      timeoutMs: options.timeoutMs,
      label: 'the action'
    })
    return { exitCode, stdout, stderr, ...step.collect(stdout, stderr) }
  } finally {
    step.cleanup()
  }
}

/** The workflow command lines (`::warning ...::message`) of a given kind, decoded. */
export function annotations(run, kind) {
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

/**
 * Runs a command as a user would, with a HOME and a Docker config under `cwd` so a
 * developer's logins never leak in. `env` replaces those defaults key by key. The suite's
 * bundle folder is passed on, so a script run inside the suite (the demo) runs that bundle.
 */
export function runCommand(command, args, options) {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: path.join(options.cwd, '.home'),
    DOCKER_CONFIG: path.join(options.cwd, '.docker'),
    ...(process.env[BUNDLE_ENV] ? { [BUNDLE_ENV]: process.env[BUNDLE_ENV] } : {}),
    ...options.env
  }
  return runProcess(command, args, { cwd: options.cwd, env, timeoutMs: options.timeoutMs })
}

/** Runs the bundled command line: `node cli/index.js` in a fresh process. */
export function runCli(args, options) {
  requireBundle(CLI_ENTRY)
  return runCommand(process.execPath, [CLI_ENTRY, ...args], options)
}
