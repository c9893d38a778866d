/**
 * `npm run bench -- --details`: what the details of moved images cost. The bundled CLI
 * resolves N tags (half of them two-platform indexes) against the real local registry
 * (token auth) behind the latency proxy, once with nothing moved and once with 20% of the
 * tags pushed anew; printed are the requests by kind per moved image and both wall times.
 *
 * Options: --n 50 (tags)  --delay 25 (ms per request)  --runs 3
 *
 * Docker Hub's tags API and GitHub's API are not asked here (the registry is not Docker Hub and
 * the CLI asks GitHub nothing); their columns say so, and the integration test
 * details-docker-hub proves one Hub request per moved Docker Hub image.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { startRegistry } from '../scripts/registry/harness.mjs'
import { bundleEntries, freshBundle } from '../scripts/testkit/bundle.mjs'
import { startLatencyProxy } from '../scripts/testkit/latency-proxy.mjs'

const USER = 'alice'
const PASSWORD = 'alice-s3cret-pass'
const KINDS = ['ping', 'token', 'HEAD manifest', 'GET manifest', 'GET blob']

function option(argv, name, fallback) {
  const at = argv.indexOf(name)
  if (at === -1) return fallback
  const n = Number(argv[at + 1])
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number`)
  return n
}

const push = (registry, i, seed) =>
  i % 2 === 0
    ? registry.pushIndex(`bench/d-${i}`, 'v1', { platforms: ['linux/amd64', 'linux/arm64'], seed })
    : registry.pushImage(`bench/d-${i}`, 'v1', { seed })

function runCli(cli, config, authFile) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(
      process.execPath,
      [cli, '--config', config, '--dry-run', '--json', '--registry-auth-file', authFile],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, HOME: os.tmpdir() } }
    )
    let stdout = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.on('error', reject)
    child.on('close', code => {
      if (code !== 0) reject(new Error(`CLI exit ${code}`))
      else resolve({ wallMs: performance.now() - started, report: JSON.parse(stdout) })
    })
  })
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

export async function benchDetails(argv) {
  const n = option(argv, '--n', 50)
  const delay = option(argv, '--delay', 25)
  const runs = option(argv, '--runs', 3)
  const bundled = freshBundle({ only: 'cli' })
  const { cli } = bundleEntries(bundled.dir)
  const registry = await startRegistry({ auth: 'token', anonymousPull: false })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-details-'))
  let proxy
  try {
    const digests = []
    for (let i = 0; i < n; i++) digests.push((await push(registry, i, `old-${i}`)).digest)
    proxy = await startLatencyProxy({
      upstream: registry.registryUrl,
      routes: { '/token': registry.tokenUrl },
      delayMs: delay
    })
    const config = path.join(dir, 'containers.yml')
    fs.writeFileSync(
      config,
      `containers:\n${digests
        .map(
          (d, i) =>
            `  - name: t${i}\n    image: ${proxy.host}/bench/d-${i}:v1\n    digest: "${d}"\n`
        )
        .join('')}`
    )
    const authFile = path.join(dir, 'auth.json')
    fs.writeFileSync(
      authFile,
      JSON.stringify({ [proxy.host]: { username: USER, password: PASSWORD } })
    )

    const measure = async expectMoved => {
      const samples = []
      for (let run = 0; run < runs; run++) {
        proxy.reset()
        const { wallMs, report } = await runCli(cli, config, authFile)
        if (report.updates.length !== expectMoved)
          throw new Error(`expected ${expectMoved} moves, got ${report.updates.length}`)
        samples.push({ wallMs, byClass: proxy.stats().byClass })
      }
      return {
        wallMs: median(samples.map(s => s.wallMs)),
        byClass: Object.fromEntries(KINDS.map(k => [k, samples[0].byClass[k] ?? 0]))
      }
    }
    const still = await measure(0)
    // Every fifth tag moves: indexes and single images alike.
    for (let i = 0; i < n; i += 5) await push(registry, i, `new-${i}`)
    const count = Math.ceil(n / 5)
    const changed = await measure(count)

    const lines = [
      `## Details of moved images: ${n} tags, ${count} moved (${Math.round((count / n) * 100)}%), ${delay} ms per request, median of ${runs}`,
      '',
      '| requests | nothing moved | 20% moved | per moved image |',
      '| --- | ---: | ---: | ---: |',
      ...KINDS.map(
        k =>
          `| ${k} | ${still.byClass[k]} | ${changed.byClass[k]} | ${((changed.byClass[k] - still.byClass[k]) / count).toFixed(1)} |`
      ),
      '| Docker Hub tags API | 0 | 0 | 1 on Docker Hub (not asked here) |',
      '| GitHub API | 0 | 0 | 0 (the CLI asks GitHub nothing) |',
      `| wall time | ${(still.wallMs / 1000).toFixed(2)} s | ${(changed.wallMs / 1000).toFixed(2)} s | ${((changed.wallMs - still.wallMs) / count).toFixed(0)} ms |`,
      ''
    ]
    process.stdout.write(lines.join('\n') + '\n')
  } finally {
    await proxy?.stop().catch(() => undefined)
    await registry.stop().catch(() => undefined)
    fs.rmSync(dir, { recursive: true, force: true })
    bundled.cleanup()
  }
}
