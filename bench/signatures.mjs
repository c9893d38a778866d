#!/usr/bin/env node
/**
 * `node bench/signatures.mjs`: what `--verify-signatures require` costs against `off`, in
 * requests per moved image and wall time, for the CLI bundle in dist/ (run `npm run bundle`
 * first) against the real local registry (token auth) behind the latency proxy. Every image
 * moved, and its old and new digest are signed with a cosign key, so each check finds and
 * verifies a signature: the dearest case.
 *
 *   node bench/signatures.mjs [--images 20] [--runs 3] [--delay 25]
 */
import { spawn } from 'node:child_process'
import { generateKeyPairSync, sign } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startRegistry } from '../scripts/registry/harness.mjs'
import { startLatencyProxy } from '../scripts/testkit/latency-proxy.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CLI = path.join(ROOT, 'dist/cli/index.js')
const REPO = 'bench/signed'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

const { values } = parseArgs({
  options: {
    images: { type: 'string', default: '20' },
    runs: { type: 'string', default: '3' },
    delay: { type: 'string', default: '25' }
  }
})
const images = Number(values.images)
const runs = Number(values.runs)

async function pushSignature(registry, digest, privateKey) {
  const payload = Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': `${registry.host}/${REPO}` },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature'
      },
      optional: null
    })
  )
  const config = Buffer.from('{}')
  await registry.putManifest(REPO, `sha256-${digest.slice(7)}.sig`, OCI_MANIFEST, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: {
      mediaType: 'application/vnd.oci.empty.v1+json',
      digest: await registry.pushBlob(REPO, config),
      size: config.length
    },
    layers: [
      {
        mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
        digest: await registry.pushBlob(REPO, payload),
        size: payload.length,
        annotations: {
          'dev.cosignproject.cosign/signature': sign('sha256', payload, privateKey).toString(
            'base64'
          )
        }
      }
    ]
  })
}

function runCli(cwd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', () => resolve({ stdout, stderr }))
  })
}

async function main() {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run bundle first`)
  const registry = await startRegistry({ auth: 'token' })
  const proxy = await startLatencyProxy({
    upstream: registry.registryUrl,
    routes: { '/token': registry.tokenUrl },
    delayMs: Number(values.delay)
  })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-signatures-'))
  try {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    fs.writeFileSync(
      path.join(dir, 'cosign.pub'),
      publicKey.export({ type: 'spki', format: 'pem' })
    )
    const lines = ['containers:']
    for (let i = 0; i < images; i++) {
      const before = await registry.pushImage(REPO, `t${i}`, { seed: `old-${i}` })
      const after = await registry.pushImage(REPO, `t${i}`, { seed: `new-${i}` })
      await pushSignature(registry, before.digest, privateKey)
      await pushSignature(registry, after.digest, privateKey)
      lines.push(
        `  - image: ${proxy.host}/${REPO}`,
        `    tag: t${i}`,
        `    digest: ${before.digest}`
      )
    }
    fs.writeFileSync(path.join(dir, 'containers.yml'), `${lines.join('\n')}\n`)
    const [user, password] = Object.entries(registry.users)[0]
    fs.writeFileSync(
      path.join(dir, 'auth.json'),
      JSON.stringify({ [proxy.host]: { username: user, password } })
    )
    const modes = ['off', 'require']
    const rows = { off: [], require: [] }
    for (let run = 0; run < runs; run++) {
      for (const mode of run % 2 === 0 ? modes : [...modes].reverse()) {
        proxy.reset()
        const start = performance.now()
        // Not spawnSync: the proxy and the registry's token service live in this process.
        const child = await runCli(dir, [
          '--config',
          'containers.yml',
          '--dry-run',
          '--json',
          '--registry-auth-file',
          'auth.json',
          '--verify-signatures',
          mode,
          '--signature-key',
          'cosign.pub'
        ])
        const ms = performance.now() - start
        const out = JSON.parse(child.stdout)
        if (out.updates.length !== images)
          throw new Error(
            `${mode}: ${out.updates.length} of ${images} moved\n${child.stderr}\n${JSON.stringify(out.failed).slice(0, 500)}`
          )
        rows[mode].push({ ms, requests: proxy.stats().requests })
      }
    }
    const median = list => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
    console.log(
      `${images} moved images, each digest signed, ${values.delay} ms per request, ${runs} runs (medians)`
    )
    console.log('| verify-signatures | requests | per moved image | wall time |')
    console.log('| --- | --- | --- | --- |')
    for (const mode of modes) {
      const requests = median(rows[mode].map(r => r.requests))
      const ms = median(rows[mode].map(r => r.ms))
      console.log(
        `| ${mode} | ${requests} | ${(requests / images).toFixed(1)} | ${(ms / 1000).toFixed(2)} s |`
      )
    }
  } finally {
    await proxy.stop?.()
    await registry.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

await main()
