#!/usr/bin/env node
/**
 * `npm run bench`: what resolving N images costs in wall time, requests and memory, for the
 * bundled action, the CLI, a `skopeo inspect --raw` loop and a naive sequential script, all
 * against the real local registry (bearer-token auth) behind a latency-injecting proxy.
 *
 *   npm run bench                                  # N = 50, 200, 1000; 3 runs; bench/results.md
 *   npm run bench -- --sizes 50 --runs 1           # a quick subset (stdout only unless --out)
 *
 *   npm run bench -- --details [--n 50]           # what the details of moved images cost (details.mjs)
 *
 * Options: --sizes 50,200,1000  --runs 3  --delay 25 (ms per request)  --concurrency <n>
 * (default: the action's default)  --tools action,cli,skopeo,naive  --skopeo-max <N> (largest
 * N the skopeo loop runs at)  --out <file>  --no-overhead (skip the delay-0 proxy check).
 *
 * Every contender runs as a child process under GNU time (`/usr/bin/time -f %M`, Debian's
 * `time`, installed here when missing and root) for its peak RSS; wall time is taken around
 * the child from spawn to exit, and from spawn to the first request the proxy sees (start →
 * first request: Node start, bundle load, reading the config), printed per run and per size.
 * Runs alternate: within each round the order of the contenders rotates, so a burst of load
 * from elsewhere on the machine does not land on one of them.
 */
import { execFileSync, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { startRegistry } from '../scripts/registry/harness.mjs'
import { bundleEntries, freshBundle } from '../scripts/testkit/bundle.mjs'
import { startLatencyProxy } from '../scripts/testkit/latency-proxy.mjs'
import { prepareStep } from '../scripts/testkit/runner.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** The bundle of the current source that main() builds; never a stale dist/. */
let entries
const NAIVE_ENTRY = path.join(ROOT, 'bench/naive-resolve.mjs')
const REWRITE_ENTRY = path.join(ROOT, 'bench/rewrite-config.mjs')
const LOAD_ENTRY = path.join(ROOT, 'bench/head-load.mjs')
const OVERHEAD_REQUESTS = 1000
const GNU_TIME = '/usr/bin/time'
const USER = 'alice'
const PASSWORD = 'alice-s3cret-pass'
/** The harness's token service name (scripts/registry/harness.mjs). */
const SERVICE = 'test-registry'
const TAGS_PER_REPOSITORY = 10
const PUSH_CONCURRENCY = 6
const ALL_TOOLS = ['action', 'cli', 'skopeo', 'naive']
const DEFAULTS = { sizes: [50, 200, 1000], runs: 3, delay: 25, tools: ALL_TOOLS }

const TOOL_LABELS = {
  action: 'action (dry-run)',
  cli: 'CLI (--dry-run)',
  skopeo: 'skopeo inspect --raw loop',
  naive: 'naive: token + HEAD per image, sequential'
}

// ---------------------------------------------------------------------------------------------
// Options

function parseOptions(argv) {
  const actionYaml = parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))
  const options = {
    sizes: DEFAULTS.sizes,
    runs: DEFAULTS.runs,
    delay: DEFAULTS.delay,
    concurrency: Number(actionYaml.inputs.concurrency.default),
    concurrencyIsDefault: true,
    tools: DEFAULTS.tools,
    skopeoMax: Infinity,
    out: undefined,
    overhead: true,
    subset: false
  }
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${name} needs a value`)
      return v
    }
    const positive = text => {
      const n = Number(text)
      if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: expected a whole number`)
      return n
    }
    switch (name) {
      case '--sizes':
        options.sizes = value().split(',').map(positive)
        if (options.sizes.some(n => n < 1)) throw new Error('--sizes: each size must be ≥ 1')
        options.subset = true
        break
      case '--runs':
        options.runs = Math.max(1, positive(value()))
        options.subset ||= options.runs !== DEFAULTS.runs
        break
      case '--delay':
        options.delay = positive(value())
        options.subset ||= options.delay !== DEFAULTS.delay
        break
      case '--concurrency':
        options.concurrency = Math.max(1, positive(value()))
        options.concurrencyIsDefault = false
        options.subset = true
        break
      case '--tools':
        options.tools = value().split(',')
        for (const t of options.tools) {
          if (!ALL_TOOLS.includes(t)) throw new Error(`--tools: unknown tool ${t}`)
        }
        options.subset = true
        break
      case '--skopeo-max':
        options.skopeoMax = positive(value())
        break
      case '--out':
        options.out = value()
        break
      case '--no-overhead':
        options.overhead = false
        break
      case '-h':
      case '--help':
        process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0])
        process.exit(0)
        break
      default:
        throw new Error(`unknown option ${name}`)
    }
  }
  if (options.out === undefined && !options.subset)
    options.out = path.join(ROOT, 'bench/results.md')
  return options
}

// ---------------------------------------------------------------------------------------------
// Measuring one child process

function ensureGnuTime() {
  if (fs.existsSync(GNU_TIME)) return true
  if (process.getuid?.() === 0) {
    try {
      execFileSync('apt-get', ['install', '-y', '-qq', 'time'], {
        stdio: 'ignore',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
      })
    } catch {
      // reported below
    }
  }
  if (fs.existsSync(GNU_TIME)) return true
  log(`${GNU_TIME} not found (Debian package "time"): peak RSS will read "n/a"`)
  return false
}

let haveGnuTime = false

/**
 * @returns {Promise<{wallMs: number, startAt: number, endAt: number, exitCode: number,
 *   stdout: string, stderr: string, rssKb: number|null, cpuS: number|null}>}
 */
async function measure(command, args, { env, cwd }) {
  const timeFile = path.join(os.tmpdir(), `bench-time-${crypto.randomBytes(6).toString('hex')}`)
  const [cmd, argv] = haveGnuTime
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]]
    : [command, args]
  const start = performance.now()
  const child = spawn(cmd, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  const stdout = []
  const stderr = []
  child.stdout.on('data', chunk => stdout.push(chunk))
  child.stderr.on('data', chunk => stderr.push(chunk))
  let wallMs = 0
  const exitCode = await new Promise((resolve, reject) => {
    child.on('error', reject)
    // Wall time ends when the process does; 'close' then waits for its pipes to drain.
    child.on('exit', () => (wallMs = performance.now() - start))
    child.on('close', code => resolve(code ?? -1))
  })
  let rssKb = null
  let cpuS = null
  if (haveGnuTime) {
    try {
      const line = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? ''
      const [rss, user, sys] = line.split(' ').map(Number)
      rssKb = Number.isFinite(rss) ? rss : null
      cpuS = Number.isFinite(user) && Number.isFinite(sys) ? user + sys : null
    } catch {
      // GNU time writes nothing when the command could not start
    }
    fs.rmSync(timeFile, { force: true })
  }
  return {
    wallMs,
    startAt: start,
    endAt: start + wallMs,
    exitCode,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    rssKb,
    cpuS
  }
}

// ---------------------------------------------------------------------------------------------
// Fixtures: one registry holding the largest size; size N uses its first N tags

function repositoryOf(i) {
  return `bench/svc-${String(Math.floor(i / TAGS_PER_REPOSITORY)).padStart(3, '0')}`
}
const tagOf = i => `v${i % TAGS_PER_REPOSITORY}.${Math.floor(i / TAGS_PER_REPOSITORY)}`
/** Half the tags are multi-arch indexes, spread over every repository. */
const isIndex = i => i % 2 === 0

async function populate(registry, count) {
  const digests = new Array(count)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      const pushed = isIndex(i)
        ? await registry.pushIndex(repositoryOf(i), tagOf(i), {
            platforms: ['linux/amd64', 'linux/arm64'],
            seed: `bench-${i}`
          })
        : await registry.pushImage(repositoryOf(i), tagOf(i), { seed: `bench-${i}` })
      digests[i] = pushed.digest
    }
  }
  await Promise.all(Array.from({ length: PUSH_CONCURRENCY }, worker))
  return digests
}

function configYaml(host, n, digests) {
  const lines = [`# ${n} images for the benchmark, pinned to their current digests`, 'containers:']
  for (let i = 0; i < n; i++) {
    lines.push(
      `  - name: target-${i}`,
      `    image: ${host}/${repositoryOf(i)}`,
      `    tag: ${tagOf(i)}`,
      `    arch: ${isIndex(i) ? 'multi' : 'amd64'}`,
      `    digest: ${digests[i]}`
    )
  }
  return lines.join('\n') + '\n'
}

/** A workspace per (size, host): the config, the reference list, a registry-auth file. */
function makeWorkspace(base, host, n, digests) {
  const dir = fs.mkdtempSync(path.join(base, `ws-${n}-`))
  fs.mkdirSync(path.join(dir, '.github'))
  fs.writeFileSync(path.join(dir, '.github/containers.yml'), configYaml(host, n, digests))
  const refs = Array.from({ length: n }, (_, i) => `${host}/${repositoryOf(i)}:${tagOf(i)}`)
  fs.writeFileSync(path.join(dir, 'refs.txt'), refs.join('\n') + '\n')
  const authFile = path.join(dir, 'registry-auth.json')
  fs.writeFileSync(authFile, JSON.stringify({ [host]: { username: USER, password: PASSWORD } }))
  return { dir, host, n, refs, authFile }
}

// ---------------------------------------------------------------------------------------------
// The contenders

function baseEnv(workspace, scratch) {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: scratch,
    // An empty Docker config: credentials come from each tool's own option.
    DOCKER_CONFIG: path.join(scratch, 'docker'),
    TMPDIR: scratch,
    LANG: 'C.UTF-8'
  }
}

/** The bundled action in dry-run, as the runner runs it (scripts/testkit/runner.mjs). */
async function runAction(workspace, options, expected) {
  const inputs = {
    config: '.github/containers.yml',
    'dry-run': 'true',
    'registry-auth': JSON.stringify({ [workspace.host]: { username: USER, password: PASSWORD } }),
    token: ''
  }
  if (!options.concurrencyIsDefault) inputs.concurrency = String(options.concurrency)
  const step = prepareStep({
    workspace: workspace.dir,
    inputs,
    event: { name: 'schedule', payload: {} }
  })
  try {
    const env = { ...step.env, ...baseEnv(workspace, step.files) }
    const result = await measure(process.execPath, [entries.action], { env, cwd: workspace.dir })
    const { outputs } = step.collect(result.stdout, result.stderr)
    let problem
    if (result.exitCode !== 0) problem = `exit code ${result.exitCode}`
    else if (outputs.failed !== '[]') problem = `failed: ${outputs.failed?.slice(0, 300)}`
    else if (outputs.updates !== '[]')
      problem = `unexpected updates: ${outputs.updates?.slice(0, 300)}`
    else {
      const matrix = JSON.parse(outputs.matrix ?? '{"include":[]}').include
      if (matrix.length !== workspace.n) problem = `matrix has ${matrix.length} entries`
      else if (matrix.some((m, i) => m.digest !== expected[i]))
        problem = 'matrix digests differ from the pushed ones'
    }
    return { ...result, problem }
  } finally {
    step.cleanup()
  }
}

async function runCli(workspace, options, expected) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cli-'))
  try {
    const args = [entries.cli, '--config', path.join(workspace.dir, '.github/containers.yml')]
    args.push('--dry-run', '--json', '--registry-auth-file', workspace.authFile)
    if (!options.concurrencyIsDefault) args.push('--concurrency', String(options.concurrency))
    const result = await measure(process.execPath, args, {
      env: baseEnv(workspace, scratch),
      cwd: workspace.dir
    })
    let problem = result.exitCode === 0 ? undefined : `exit code ${result.exitCode}`
    if (!problem) {
      try {
        const out = JSON.parse(result.stdout)
        const matrix = out.matrix?.include ?? []
        if (out.failed?.length) problem = `failed: ${JSON.stringify(out.failed).slice(0, 300)}`
        else if (out.updates?.length) problem = 'unexpected updates'
        else if (matrix.length !== workspace.n || matrix.some((m, i) => m.digest !== expected[i]))
          problem = 'matrix digests differ from the pushed ones'
      } catch {
        problem = `unreadable --json output: ${result.stdout.slice(0, 200)}`
      }
    }
    return { ...result, problem }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

const SKOPEO_LOOP = `
while IFS= read -r ref; do
  skopeo inspect --raw --tls-verify=false --creds "$BENCH_CREDS" "docker://$ref" >/dev/null || exit 1
done < "$1"
`

async function runSkopeo(workspace) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-skopeo-'))
  try {
    const env = { ...baseEnv(workspace, scratch), BENCH_CREDS: `${USER}:${PASSWORD}` }
    const result = await measure(
      'bash',
      ['-c', SKOPEO_LOOP, 'skopeo-loop', path.join(workspace.dir, 'refs.txt')],
      { env, cwd: workspace.dir }
    )
    const problem =
      result.exitCode === 0
        ? undefined
        : `exit code ${result.exitCode}: ${result.stderr.slice(-300)}`
    return { ...result, problem }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

async function runNaive(workspace, proxyUrl, expected) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-naive-'))
  try {
    const env = { ...baseEnv(workspace, scratch), NAIVE_USERNAME: USER, NAIVE_PASSWORD: PASSWORD }
    const args = [NAIVE_ENTRY, '--realm', `${proxyUrl}/token`, '--service', SERVICE]
    args.push('--refs', path.join(workspace.dir, 'refs.txt'))
    const result = await measure(process.execPath, args, { env, cwd: workspace.dir })
    let problem = result.exitCode === 0 ? undefined : `exit code ${result.exitCode}`
    if (!problem) {
      const got = result.stdout.trim().split('\n')
      if (got.length !== workspace.n || got.some((line, i) => line.split(' ')[1] !== expected[i]))
        problem = 'digests differ from the pushed ones'
    }
    return { ...result, problem }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics and report

const median = values => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const seconds = ms => (ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2))
const fixed = (n, digits) => (n === null || n === undefined ? 'n/a' : n.toFixed(digits))

function log(message) {
  process.stderr.write(`[bench] ${message}\n`)
}

function machineDescription() {
  const cpus = os.cpus()
  const version = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim().split('\n')[0]
    } catch {
      return 'not found'
    }
  }
  let commit = 'unknown'
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .concat(
        execFileSync(
          'git',
          ['status', '--porcelain', '--', 'src', 'dist', 'bench', ':!bench/results.md'],
          {
            cwd: ROOT,
            encoding: 'utf8'
          }
        ).trim()
          ? ' (with uncommitted changes)'
          : ''
      )
  } catch {
    // not a git checkout
  }
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    skopeo: version('skopeo', ['--version']),
    registry: version('docker-registry', ['--version']),
    commit
  }
}

/** Groups a run's proxy counts the way the table shows them. */
function breakdown(stats) {
  const c = stats.byClass
  const heads = c['HEAD manifest'] ?? 0
  const gets = (c['GET manifest'] ?? 0) + (c['GET blob'] ?? 0)
  const known = (c.token ?? 0) + (c.ping ?? 0) + heads + gets + (c['non-HTTP'] ?? 0)
  return {
    total: stats.total,
    token: c.token ?? 0,
    ping: c.ping ?? 0,
    head: heads,
    get: gets,
    nonHttp: c['non-HTTP'] ?? 0,
    other: stats.total - known,
    connections: stats.connections,
    peakInFlight: stats.peakInFlight,
    duplicateManifestRequests: [...stats.byPath]
      .filter(([k]) => /manifests\//.test(k))
      .reduce((sum, [, n]) => sum + n - 1, 0)
  }
}

/** Where a run's wall time went, as the proxy saw it (same clock: the proxy runs in this process). */
function timeline(stats, result) {
  if (stats.firstArrivalAt === undefined) return undefined
  return {
    toFirstRequestMs: stats.firstArrivalAt - result.startAt,
    afterLastAnswerMs: result.endAt - stats.lastFinishAt,
    activeMs: stats.activeMs,
    meanInFlight: stats.meanInFlight,
    meanRequestMs: stats.durationMs.mean,
    meanUpstreamMs: stats.upstreamMs.mean
  }
}

function summarize(samples) {
  const ok = samples.filter(s => !s.problem)
  if (ok.length === 0) return { problem: samples[0]?.problem ?? 'not run' }
  const wall = ok.map(s => s.wallMs)
  const rss = ok.map(s => s.rssKb).filter(v => v !== null)
  const cpu = ok.map(s => s.cpuS).filter(v => v !== null)
  // Request counts are deterministic for a given tool and size; the last run's are shown,
  // and any difference between runs is flagged.
  const last = ok[ok.length - 1].requests
  const varying = ok.some(s => s.requests.total !== last.total)
  return {
    runs: ok.length,
    failedRuns: samples.length - ok.length,
    problem: samples.find(s => s.problem)?.problem,
    medianMs: median(wall),
    minMs: Math.min(...wall),
    maxMs: Math.max(...wall),
    peakRssMb: rss.length ? Math.max(...rss) / 1024 : null,
    cpuS: cpu.length ? median(cpu) : null,
    requests: last,
    requestsVary: varying,
    timeline: ok.every(s => s.timeline)
      ? Object.fromEntries(
          Object.keys(ok[0].timeline).map(k => [k, median(ok.map(s => s.timeline[k]))])
        )
      : undefined
  }
}

function renderReport(ctx) {
  const { options, machine, sizes, rewrite, startup, overhead, loads, started, finished } = ctx
  const out = []
  const delay = options.delay
  const conc = options.concurrency
  out.push('# Benchmark results', '')
  out.push(
    `Produced by \`npm run bench\` (\`bench/run.mjs\`) on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
      `${Math.round((finished - started) / 60000)} min. Each figure is the median of ${options.runs} ` +
      `run(s) taken in the same session, contenders alternating.`,
    ''
  )
  out.push('## Machine', '')
  out.push(`| | |`, `| --- | --- |`)
  out.push(`| CPU | ${machine.cpu} |`, `| memory | ${machine.memory} |`, `| OS | ${machine.os} |`)
  out.push(`| Node | ${machine.node} |`, `| skopeo | ${machine.skopeo} |`)
  out.push(`| registry | ${machine.registry} (token auth, anonymous pull refused) |`)
  out.push(`| commit | ${machine.commit} |`)
  out.push(
    `| load average (1 min) | ${loads.min.toFixed(2)}–${loads.max.toFixed(2)} during the run (its own registry, proxy and contenders included) |`
  )
  out.push('')
  out.push('## Set-up', '')
  out.push(
    `- The registry is Debian's \`docker-registry\` on 127.0.0.1 with bearer-token auth ` +
      `(\`scripts/registry/harness.mjs\`), behind \`scripts/testkit/latency-proxy.mjs\`, which delays ` +
      `**every** request by ${delay} ms before forwarding it (token requests and pings included) ` +
      `and counts requests by method and path.`,
    `- N tags over ceil(N / ${TAGS_PER_REPOSITORY}) repositories, every second one a two-platform OCI index ` +
      `with attestations, the others single images. Every contender resolves the same N ` +
      `references with credentials; the config pins the current digests, as on a scheduled run ` +
      `where nothing moved (moved digests cost extra GETs for the pull request's upstream links, and a moved platform digest read from an index one HEAD by that digest to prove the registry serves it).`,
    `- **ideal** = ceil(N / concurrency) × delay = ceil(N / ${conc}) × ${delay} ms: the network floor ` +
      `at the action's default concurrency of ${conc}, with no start-up, ping or token cost.`,
    `- **requests/image** counts everything that reached the proxy divided by N: token ` +
      `requests, \`/v2/\` pings, manifest HEADs and GETs, and TLS hellos from clients that try ` +
      `HTTPS first on a plain-HTTP port (shown as "TLS"; a real registry speaks HTTPS and has no such round trip).`,
    `- **peak RSS** is GNU time's maximum resident set size of the process (for the skopeo ` +
      `loop, of its largest process).`,
    `- The skopeo loop is \`skopeo inspect --raw --tls-verify=false --creds … docker://REF\` ` +
      `once per reference, in a bash \`while read\` loop.`,
    ''
  )

  for (const size of sizes) {
    const ideal = Math.ceil(size.n / conc) * delay
    const skopeo = size.results.skopeo
    out.push(`## N = ${size.n} (${size.repositories} repositories)`, '')
    out.push(
      `ideal ${ideal} ms · fixtures pushed in ${seconds(size.pushMs)} s`,
      '',
      '| contender | median wall | start → first request | min–max | × ideal | × faster than skopeo | requests/image | token | ping | HEAD | GET | TLS | other | connections | peak RSS | CPU |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
    )
    for (const tool of options.tools) {
      const r = size.results[tool]
      const label = TOOL_LABELS[tool]
      if (!r || r.skipped) {
        out.push(`| ${label} | ${r?.skipped ?? 'not run'} | | | | | | | | | | | | | | |`)
        continue
      }
      if (r.medianMs === undefined) {
        out.push(`| ${label} | failed: ${r.problem} | | | | | | | | | | | | | | |`)
        continue
      }
      const q = r.requests
      const vsSkopeo =
        skopeo?.medianMs !== undefined && tool !== 'skopeo'
          ? `${(skopeo.medianMs / r.medianMs).toFixed(1)}×`
          : tool === 'skopeo'
            ? '1.0×'
            : 'n/a'
      out.push(
        `| ${label} | ${seconds(r.medianMs)} s | ${r.timeline ? `${r.timeline.toFirstRequestMs.toFixed(0)} ms` : 'n/a'} | ` +
          `${seconds(r.minMs)}–${seconds(r.maxMs)} s | ` +
          `${(r.medianMs / ideal).toFixed(2)} | ${vsSkopeo} | ${(q.total / size.n).toFixed(3)}${r.requestsVary ? ' (varies)' : ''} | ` +
          `${q.token} | ${q.ping} | ${q.head} | ${q.get} | ${q.nonHttp} | ${q.other} | ${q.connections} | ` +
          `${fixed(r.peakRssMb, 0)} MB | ${fixed(r.cpuS, 2)} s |`
      )
    }
    const timed = options.tools.filter(
      t => ['action', 'cli'].includes(t) && size.results[t]?.timeline
    )
    if (timed.length > 0) {
      out.push(
        '',
        'Where the time goes, as the proxy saw it (medians):',
        '',
        '| contender | start → first request | first request → last answer | mean in flight | mean request | of which registry | last answer → exit |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'
      )
      for (const tool of timed) {
        const t = size.results[tool].timeline
        out.push(
          `| ${TOOL_LABELS[tool]} | ${t.toFirstRequestMs.toFixed(0)} ms | ${t.activeMs.toFixed(0)} ms | ` +
            `${t.meanInFlight.toFixed(2)} of ${conc} | ${t.meanRequestMs.toFixed(1)} ms | ` +
            `${t.meanUpstreamMs.toFixed(1)} ms | ${t.afterLastAnswerMs.toFixed(0)} ms |`
        )
      }
    }
    const failures = options.tools
      .map(t => [t, size.results[t]])
      .filter(([, r]) => r?.failedRuns > 0)
    for (const [tool, r] of failures)
      out.push('', `${TOOL_LABELS[tool]}: ${r.failedRuns} failed run(s): ${r.problem}`)
    out.push('')
  }

  out.push('## Fixed costs', '')
  if (overhead) {
    const [alone, loaded] = overhead
    const added = o => `${((o.proxiedMs - o.directMs) * 1000).toFixed(0)} µs`
    out.push(
      `- The proxy's own cost, with delay 0 (${alone.requests} HEADs from a light client, ` +
        `\`bench/head-load.mjs\`, straight to the registry and through the proxy): one at a time, ` +
        `${alone.directMs.toFixed(2)} ms against ${alone.proxiedMs.toFixed(2)} ms, ${added(alone)} added per request` +
        (loaded
          ? `; ${loaded.concurrency} at a time, which saturates this machine, ${loaded.directMs.toFixed(2)} ms ` +
            `against ${loaded.proxiedMs.toFixed(2)} ms (${added(loaded)})`
          : '') +
        `. The benchmark's ${options.delay} ms per request keeps the registry and the proxy well below saturation.`
    )
  }
  if (startup) {
    out.push(
      `- Action start-up with an empty config (Node start, bundle load, inputs, no request): ` +
        `median ${startup.medianMs.toFixed(0)} ms, peak RSS ${fixed(startup.peakRssMb, 0)} MB.`
    )
  }
  if (rewrite) {
    out.push(
      `- Config side of an update, in-process (\`bench/rewrite-config.mjs\`): read and parse a ` +
        `${rewrite.entries}-entry config (${Math.round(rewrite.bytes / 1024)} KB), plan with every ` +
        `digest moved (rewrite and matrix), atomic write with fsync: first run in a fresh process ` +
        `${rewrite.coldMs} ms (median of ${rewrite.samples} processes), warm ${rewrite.warmMedianMs} ms.`
    )
  }
  out.push('')
  out.push(...renderTargets(ctx))
  return out.join('\n') + '\n'
}

/** The wall time of a run taken apart with the proxy's timings, for a missed target. */
function explainWall(ctx, size, r) {
  const t = r.timeline
  if (!t) return ''
  const { delay, concurrency } = ctx.options
  const ideal = Math.ceil(size.n / concurrency) * delay
  const serial = r.requests.nonHttp + r.requests.ping + Math.min(1, r.requests.token)
  const floor = t.toFirstRequestMs + serial * delay + ideal
  const parts = [
    `Before its first request the action spent ${t.toFirstRequestMs.toFixed(0)} ms` +
      (ctx.startup
        ? ` (${ctx.startup.medianMs.toFixed(0)} ms of it Node start-up and bundle load, as with an empty config; the rest reading and checking the ${size.n}-entry config and setting up)`
        : ''),
    `then ${serial} round trips (TLS hello, ping, token) run one after another before the first HEAD`,
    `so even with every request at exactly ${delay} ms and ${concurrency} always in flight the run would take ${floor.toFixed(0)} ms (${(floor / ideal).toFixed(2)} × ideal)`,
    `In fact a request took ${t.meanRequestMs.toFixed(1)} ms on average (${t.meanUpstreamMs.toFixed(1)} ms of it in the token server and registry, which share this machine's 2 cores with the client, the proxy and any other work), and ${t.meanInFlight.toFixed(2)} of ${concurrency} requests were in flight on average between the first request and the last answer (the serial round trips and the last, partial wave included)`
  ]
  return `${parts.slice(0, 3).join('; ')}. ${parts[3]}.`
}

function renderTargets(ctx) {
  const { options, sizes, rewrite } = ctx
  const rows = []
  const verdict = (ok, text) => `${ok ? '✅ met' : '❌ missed'}: ${text}`
  const conc = options.concurrency
  for (const size of sizes) {
    const r = size.results.action
    if (!r || r.medianMs === undefined) continue
    const perImage = r.requests.total / size.n
    rows.push([
      `requests/image ≤ 1.05, N = ${size.n}`,
      verdict(
        perImage <= 1.05,
        `${perImage.toFixed(3)} (${r.requests.total} for ${size.n} images: ${r.requests.head} HEAD, ` +
          `${r.requests.token} token, ${r.requests.ping} ping, ${r.requests.nonHttp} TLS hello, ${r.requests.get} GET)` +
          (perImage > 1.05
            ? `; the ${r.requests.total - size.n} requests beyond one per image are paid once per run and weigh ` +
              `${(((r.requests.total - size.n) / size.n) * 100).toFixed(1)} % at this N. Without the TLS hello, which only ` +
              `a plain-HTTP loopback registry costs (HTTPS is tried first, as Docker does; a registry on HTTPS answers ` +
              `that first ping), it is ${((r.requests.total - r.requests.nonHttp) / size.n).toFixed(3)}`
            : '')
      )
    ])
  }
  for (const size of sizes.filter(s => s.n === 200 || s.n === 1000)) {
    const r = size.results.action
    if (!r || r.medianMs === undefined) continue
    const ideal = Math.ceil(size.n / conc) * options.delay
    const ratio = r.medianMs / ideal
    let why = ''
    if (ratio > 1.5)
      why = `; over by ${(r.medianMs - 1.5 * ideal).toFixed(0)} ms. ${explainWall(ctx, size, r)}`
    rows.push([
      `wall ≤ 1.5 × ideal, N = ${size.n}`,
      verdict(
        ratio <= 1.5,
        `${ratio.toFixed(2)} × (${seconds(r.medianMs)} s against ${seconds(ideal)} s ideal)${why}`
      )
    ])
  }
  for (const size of sizes.filter(s => s.n === 200)) {
    const r = size.results.action
    const s = size.results.skopeo
    if (!r || r.medianMs === undefined || !s || s.medianMs === undefined) continue
    const factor = s.medianMs / r.medianMs
    rows.push([
      `≥ 10 × faster than the skopeo loop, N = 200`,
      verdict(
        factor >= 10,
        `${factor.toFixed(1)} × (${seconds(s.medianMs)} s against ${seconds(r.medianMs)} s)`
      )
    ])
  }
  for (const size of sizes.filter(s => s.n === 1000)) {
    const r = size.results.action
    if (!r || r.peakRssMb === null || r.peakRssMb === undefined) continue
    rows.push([
      'peak RSS < 150 MB, N = 1000',
      verdict(r.peakRssMb < 150, `${r.peakRssMb.toFixed(0)} MB`)
    ])
  }
  if (rewrite && rewrite.entries === 1000) {
    rows.push([
      'rewrite a 1000-entry config < 200 ms',
      verdict(
        rewrite.coldMs < 200,
        `${rewrite.coldMs} ms in a fresh process (warm ${rewrite.warmMedianMs} ms)` +
          (rewrite.coldMs >= 200 ? `; over by ${(rewrite.coldMs - 200).toFixed(0)} ms` : '')
      )
    ])
  }
  if (rows.length === 0) return []
  return [
    '## Targets (the action at its default settings)',
    '',
    '| target | result |',
    '| --- | --- |',
    ...rows.map(([t, v]) => `| ${t} | ${v} |`),
    ''
  ]
}

// ---------------------------------------------------------------------------------------------

async function measureRewrite(runs) {
  const lib = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lib-'))
  try {
    log('compiling src/ for the in-process rewrite measurement')
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', lib],
      { cwd: ROOT, stdio: 'inherit' }
    )
    // yaml and the other dependencies resolve from the repository's node_modules.
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(lib, 'node_modules'))
    const samples = []
    for (let i = 0; i < Math.max(3, runs); i++) {
      const text = execFileSync(
        process.execPath,
        [REWRITE_ENTRY, '--lib', lib, '--entries', '1000'],
        {
          encoding: 'utf8'
        }
      )
      samples.push(JSON.parse(text))
    }
    const cold = median(samples.map(s => s.coldMs))
    return {
      ...samples[0],
      samples: samples.length,
      coldMs: Math.round(cold * 10) / 10,
      warmMedianMs: median(samples.map(s => s.warmMedianMs))
    }
  } finally {
    fs.rmSync(lib, { recursive: true, force: true })
  }
}

/**
 * What the proxy itself adds to a request: the same steady HEAD load (a light client in a
 * child process) against the registry directly and through the proxy with delay 0.
 */
async function measureProxyOverhead(registry, proxy, options, repository, tag) {
  const tokenUrl = new URL(`${registry.tokenUrl}/token`)
  tokenUrl.searchParams.set('service', SERVICE)
  tokenUrl.searchParams.set('scope', `repository:${repository}:pull`)
  const res = await fetch(tokenUrl, {
    headers: { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` }
  })
  if (!res.ok) throw new Error(`token for the overhead measurement: HTTP ${res.status}`)
  const { token } = await res.json()
  const levels = [...new Set([1, options.concurrency])]
  const samples = Object.fromEntries(levels.map(c => [c, { direct: [], proxied: [] }]))
  proxy.setDelay(0)
  try {
    for (let run = 0; run < options.runs; run++) {
      for (const concurrency of levels) {
        const pair = run % 2 ? ['proxied', 'direct'] : ['direct', 'proxied']
        for (const which of pair) {
          // Asynchronous: the proxy answers from this very process.
          const result = await measure(
            process.execPath,
            [
              LOAD_ENTRY,
              '--base',
              which === 'direct' ? registry.registryUrl : proxy.url,
              '--path',
              `/v2/${repository}/manifests/${tag}`,
              '--count',
              String(OVERHEAD_REQUESTS),
              '--concurrency',
              String(concurrency)
            ],
            { env: { ...process.env, BENCH_AUTHORIZATION: `Bearer ${token}` }, cwd: ROOT }
          )
          if (result.exitCode !== 0)
            throw new Error(`head-load failed: ${result.stderr.slice(-300)}`)
          samples[concurrency][which].push(JSON.parse(result.stdout))
        }
      }
    }
  } finally {
    proxy.setDelay(options.delay)
  }
  const meanOf = list => median(list.map(s => s.meanMs))
  return levels.map(concurrency => ({
    concurrency,
    requests: OVERHEAD_REQUESTS,
    directMs: meanOf(samples[concurrency].direct),
    proxiedMs: meanOf(samples[concurrency].proxied)
  }))
}

async function measureStartup(runs, base) {
  const workspace = makeWorkspace(base, '127.0.0.1:9', 0, [])
  fs.writeFileSync(path.join(workspace.dir, '.github/containers.yml'), 'containers: []\n')
  const samples = []
  for (let i = 0; i < Math.max(3, runs); i++) {
    const r = await runAction(workspace, { concurrencyIsDefault: true }, [])
    // An empty list is a warning and a failure ("none of the 0 images"): start-up is all it measures.
    samples.push(r)
  }
  return {
    medianMs: median(samples.map(s => s.wallMs)),
    peakRssMb: samples[0].rssKb === null ? null : Math.max(...samples.map(s => s.rssKb)) / 1024
  }
}

async function main() {
  if (process.argv.includes('--details')) {
    const { benchDetails } = await import('./details.mjs')
    return benchDetails(process.argv.slice(2))
  }
  const options = parseOptions(process.argv.slice(2))
  const started = new Date()
  haveGnuTime = ensureGnuTime()
  log('bundling the current source')
  const bundled = freshBundle()
  entries = bundleEntries(bundled.dir)
  const machine = machineDescription()
  const loadSamples = [os.loadavg()[0]]
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'))
  const largest = Math.max(...options.sizes)
  let registry
  let proxy
  const cleanup = async () => {
    await proxy?.stop().catch(() => undefined)
    await registry?.stop().catch(() => undefined)
    fs.rmSync(base, { recursive: true, force: true })
    bundled.cleanup()
  }
  process.once('SIGINT', () => cleanup().then(() => process.exit(130)))
  try {
    log(`starting the registry (token auth) and pushing ${largest} tags`)
    registry = await startRegistry({
      auth: 'token',
      anonymousPull: false,
      users: { [USER]: PASSWORD }
    })
    const pushStart = performance.now()
    const digests = await populate(registry, largest)
    const pushMs = performance.now() - pushStart
    log(`pushed in ${seconds(pushMs)} s`)
    proxy = await startLatencyProxy({
      upstream: registry.registryUrl,
      routes: { '/token': registry.tokenUrl },
      delayMs: options.delay
    })

    let overhead
    if (options.overhead) {
      log('measuring the proxy overhead (delay 0)')
      overhead = await measureProxyOverhead(registry, proxy, options, repositoryOf(0), tagOf(0))
    }

    const sizes = []
    for (const n of options.sizes) {
      const workspace = makeWorkspace(base, proxy.host, n, digests)
      const expected = digests.slice(0, n)
      const samples = Object.fromEntries(options.tools.map(t => [t, []]))
      const skipped = {}
      if (options.tools.includes('cli') && !fs.existsSync(entries.cli))
        skipped.cli = 'not built (no src/cli/main.ts)'
      if (options.tools.includes('skopeo') && n > options.skopeoMax)
        skipped.skopeo = `skipped above N = ${options.skopeoMax} (--skopeo-max)`
      const tools = options.tools.filter(t => !skipped[t])

      for (let run = 0; run < options.runs; run++) {
        const order = tools.map((_, i) => tools[(i + run) % tools.length])
        for (const tool of order) {
          loadSamples.push(os.loadavg()[0])
          proxy.setDelay(options.delay)
          proxy.reset()
          const result =
            tool === 'action'
              ? await runAction(workspace, options, expected)
              : tool === 'cli'
                ? await runCli(workspace, options, expected)
                : tool === 'skopeo'
                  ? await runSkopeo(workspace)
                  : await runNaive(workspace, proxy.url, expected)
          const stats = proxy.stats()
          result.requests = breakdown(stats)
          result.timeline = timeline(stats, result)
          samples[tool].push(result)
          const first = result.timeline
            ? `, ${result.timeline.toFirstRequestMs.toFixed(0)} ms to the first request`
            : ''
          log(
            `N=${n} run ${run + 1}/${options.runs} ${tool}: ${seconds(result.wallMs)} s${first}, ` +
              `${result.requests.total} requests${result.problem ? `, PROBLEM: ${result.problem}` : ''}`
          )
        }
      }
      const results = {}
      for (const tool of options.tools) {
        results[tool] = skipped[tool] ? { skipped: skipped[tool] } : summarize(samples[tool])
      }
      sizes.push({
        n,
        repositories: Math.ceil(n / TAGS_PER_REPOSITORY),
        pushMs,
        results
      })
    }

    log('measuring action start-up and the 1000-entry config rewrite')
    const startup = options.tools.includes('action')
      ? await measureStartup(options.runs, base)
      : undefined
    const rewrite = await measureRewrite(options.runs)
    loadSamples.push(os.loadavg()[0])
    const report = renderReport({
      options,
      machine,
      sizes,
      rewrite,
      startup,
      overhead,
      loads: { min: Math.min(...loadSamples), max: Math.max(...loadSamples) },
      started,
      finished: new Date()
    })
    process.stdout.write(report)
    for (const size of sizes) {
      for (const tool of ['action', 'cli']) {
        const t = size.results[tool]?.timeline
        if (t)
          log(
            `N=${size.n} ${tool}: process start → first registry request, median ${t.toFirstRequestMs.toFixed(0)} ms`
          )
      }
    }
    if (options.out) {
      fs.writeFileSync(options.out, report)
      log(`wrote ${path.relative(process.cwd(), options.out) || options.out}`)
    } else {
      log('subset run: bench/results.md left alone (pass --out FILE to write one)')
    }
  } finally {
    await cleanup()
  }
}

main().catch(error => {
  process.stderr.write(`[bench] ${error.stack ?? error}\n`)
  process.exit(1)
})
