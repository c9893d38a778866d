#!/usr/bin/env node
/**
 * A light, steady load of manifest HEADs, to measure what the latency proxy itself adds:
 * run once against the registry and once against the proxy with delay 0, the difference in
 * latency is the proxy's own cost per request.
 *
 *   node bench/head-load.mjs --base URL --path /v2/name/manifests/tag --count 2000 --concurrency 8
 *
 * The bearer token comes from BENCH_AUTHORIZATION. Node's http client with a keep-alive agent
 * keeps the client's own cost low. Prints {requests, meanMs, medianMs, wallMs}.
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'

function option(name) {
  const i = process.argv.indexOf(name)
  if (i < 0 || !process.argv[i + 1]) throw new Error(`missing ${name}`)
  return process.argv[i + 1]
}

const base = new URL(option('--base'))
const path = option('--path')
const count = Number(option('--count'))
const concurrency = Number(option('--concurrency'))
const agent = new http.Agent({ keepAlive: true })
const headers = {
  accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json',
  authorization: process.env.BENCH_AUTHORIZATION ?? ''
}

function head() {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    http
      .request(
        { host: base.hostname, port: base.port, path, method: 'HEAD', headers, agent },
        res => {
          res.resume()
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(performance.now() - started)
              : reject(new Error(`HEAD ${path}: HTTP ${res.statusCode}`))
          )
        }
      )
      .on('error', reject)
      .end()
  })
}

const latencies = []
let next = 0
const start = performance.now()
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next++ < count) latencies.push(await head())
  })
)
const wallMs = performance.now() - start
agent.destroy()
latencies.sort((a, b) => a - b)
process.stdout.write(
  JSON.stringify({
    requests: latencies.length,
    meanMs: latencies.reduce((a, b) => a + b, 0) / latencies.length,
    medianMs: latencies[Math.floor(latencies.length / 2)],
    wallMs
  }) + '\n'
)
