#!/usr/bin/env node
/**
 * Times the config side of an update run in-process, with no network: read and parse an
 * N-entry config, plan the update with every digest moved (the worst case: every entry is
 * rewritten and the matrix is built), and write the result atomically. The first iteration
 * is what a real run pays (cold code, fresh process); the rest show the steady state.
 *
 *   node bench/rewrite-config.mjs --lib <compiled src dir> [--entries 1000] [--iterations 20]
 *
 * Prints one JSON line: {entries, bytes, coldMs, warmMedianMs, warmMinMs, warmMaxMs}.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'

function option(name, fallback) {
  const i = process.argv.indexOf(name)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}

const lib = path.resolve(option('--lib', '.tmp/bench-lib'))
const entries = Number(option('--entries', '1000'))
const iterations = Number(option('--iterations', '20'))

const { loadConfig, planUpdate } = await import(pathToFileURL(path.join(lib, 'run/update.js')).href)
const { writeFileAtomic } = await import(
  pathToFileURL(path.join(lib, 'adapters/fs/atomic-write.js')).href
)

const hex = seed => crypto.createHash('sha256').update(seed).digest('hex')

/** Shaped like a real matrix config: a comment, free fields, quoted and bare values. */
function configText(n) {
  const lines = ['# Benchmark config: one entry per image', 'containers:']
  for (let i = 0; i < n; i++) {
    lines.push(
      `  - name: target-${i}`,
      `    image: registry.example.com/team/svc-${String(Math.floor(i / 10)).padStart(3, '0')}`,
      `    tag: "v${i % 10}.0"`,
      `    arch: ${i % 2 ? 'arm64' : 'amd64'}`,
      `    digest: sha256:${hex(`old-${i}`)}`
    )
  }
  return lines.join('\n') + '\n'
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-rewrite-'))
const file = path.join(dir, 'containers.yml')
const original = configText(entries)
const options = { configPath: file, configLabel: 'containers.yml' }

async function once() {
  fs.writeFileSync(file, original)
  const start = performance.now()
  const config = await loadConfig(options)
  const results = config.entries.map(entry => ({
    entry,
    status: 'updated',
    previous: entry.digest,
    current: `sha256:${hex(`new-${entry.index}`)}`
  }))
  const plan = planUpdate('update', config, results)
  await writeFileAtomic(file, plan.newText)
  const elapsed = performance.now() - start
  if (plan.updates.length !== entries || plan.matrix.include.length !== entries) {
    throw new Error(`expected ${entries} updates, got ${plan.updates.length}`)
  }
  const written = fs.readFileSync(file, 'utf8')
  if (!written.includes(hex(`new-${entries - 1}`)) || written.includes(hex('old-0'))) {
    throw new Error('the rewritten file does not hold the new digests')
  }
  return elapsed
}

try {
  const coldMs = await once()
  const warm = []
  for (let i = 0; i < iterations; i++) warm.push(await once())
  warm.sort((a, b) => a - b)
  const round = ms => Math.round(ms * 10) / 10
  process.stdout.write(
    JSON.stringify({
      entries,
      bytes: Buffer.byteLength(original),
      coldMs: round(coldMs),
      warmMedianMs: round(warm[Math.floor(warm.length / 2)] ?? coldMs),
      warmMinMs: round(warm[0] ?? coldMs),
      warmMaxMs: round(warm[warm.length - 1] ?? coldMs)
    }) + '\n'
  )
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
