#!/usr/bin/env node
/**
 * A real OCI registry for tests, demos and benchmarks: CNCF distribution 2.8
 * (`docker-registry`) on 127.0.0.1 with filesystem storage in a temporary directory,
 * optionally behind token auth (token-server.mjs) or htpasswd Basic auth.
 *
 *   const registry = await startRegistry({ auth: 'token' })
 *   const image = await registry.pushImage('team/app', 'v1', { seed: 'a' })
 *   ...
 *   await registry.stop()
 *
 * Run directly (`node scripts/registry/harness.mjs --auth token`) it prints one JSON line
 * with url, host and users, and stops on SIGINT/SIGTERM.
 */
import { spawn, execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

const execFileAsync = promisify(execFile)
const TOKEN_SERVER = fileURLToPath(new URL('./token-server.mjs', import.meta.url))

export const MEDIA_TYPES = Object.freeze({
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  inToto: 'application/vnd.in-toto+json'
})

/** With fewer types distribution 2.8 answers 404 for OCI content or rewrites lists to schema1. */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest
].join(', ')

const SERVICE = 'test-registry'
const ISSUER = 'test-token-issuer'
const READY_TIMEOUT_MS = 10_000
const KILL_GRACE_MS = 2_000
const START_ATTEMPTS = 3
/** Marks the harness's own token requests so the token log only shows the client under test. */
const INTERNAL_HEADER = 'x-registry-harness'

// ---------------------------------------------------------------------------------------------
// Process bookkeeping: every child of every live registry, so that a test process that dies
// without calling stop() does not leave registries behind.

/** @type {Set<{children: import('node:child_process').ChildProcess[], watchdog: import('node:child_process').ChildProcess, dir: string}>} */
const live = new Set()
let exitHookInstalled = false

function installExitHook() {
  if (exitHookInstalled) return
  exitHookInstalled = true
  // 'exit' handlers must be synchronous: no time for SIGTERM and a grace period.
  process.on('exit', () => {
    for (const entry of live) {
      for (const child of [...entry.children, entry.watchdog]) {
        if (isRunning(child)) {
          try {
            process.kill(child.pid, 'SIGKILL')
          } catch {
            // already gone
          }
        }
      }
      fs.rmSync(entry.dir, { recursive: true, force: true })
    }
  })
}

/**
 * The 'exit' hook does not run when the test process is itself killed by a signal (jest
 * terminates its workers that way). This detached watchdog holds the read end of a pipe from
 * us; if the pipe closes without a "disarm" line, we died, and it cleans up in our place.
 */
const WATCHDOG_SOURCE = `
const fs = require('node:fs')
let input = ''
process.on('SIGINT', () => {})
process.stdin.setEncoding('utf8')
process.stdin.on('data', chunk => { input += chunk })
process.stdin.on('end', async () => {
  const lines = input.split('\\n')
  if (lines.includes('disarm')) process.exit(0)
  const pids = lines.filter(l => l.startsWith('pid ')).map(l => Number(l.slice(4)))
  const dir = lines.find(l => l.startsWith('dir '))?.slice(4)
  const alive = pid => { try { process.kill(pid, 0); return true } catch { return false } }
  for (const pid of pids) { try { process.kill(pid, 'SIGTERM') } catch {} }
  for (let i = 0; i < 20 && pids.some(alive); i++) await new Promise(r => setTimeout(r, 100))
  for (const pid of pids) { try { process.kill(pid, 'SIGKILL') } catch {} }
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
  process.exit(0)
})
`

function isRunning(child) {
  return child.exitCode === null && child.signalCode === null
}

function waitForExit(child) {
  if (!isRunning(child)) return Promise.resolve()
  return new Promise(resolve => child.once('exit', () => resolve()))
}

/** Unreferenced: a grace period nobody waits for any more must not hold a script open. */
function graceTimer() {
  return sleep(KILL_GRACE_MS, undefined, { ref: false })
}

async function terminate(child) {
  if (!isRunning(child)) return
  try {
    child.kill('SIGTERM')
  } catch {
    // raced with its own exit
  }
  const exited = await Promise.race([
    waitForExit(child).then(() => true),
    graceTimer().then(() => false)
  ])
  if (!exited && isRunning(child)) {
    child.kill('SIGKILL')
    await waitForExit(child)
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address())
      server.close(() => resolve(port))
    })
  })
}

function tail(file, maxBytes = 4096) {
  try {
    const text = fs.readFileSync(file, 'utf8')
    return text.length > maxBytes ? `…${text.slice(-maxBytes)}` : text
  } catch {
    return '(no log)'
  }
}

const sha256 = buf => `sha256:${crypto.createHash('sha256').update(buf).digest('hex')}`
const basic = (user, pass) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`

/** One regular file in a ustar archive: enough for a layer that real tools can unpack. */
function tarOneFile(name, content) {
  const header = Buffer.alloc(512)
  const field = (offset, length, value) => header.write(value, offset, length, 'ascii')
  const octal = (n, length) => n.toString(8).padStart(length - 1, '0') + '\0'
  field(0, 100, name)
  field(100, 8, octal(0o644, 8))
  field(108, 8, octal(0, 8))
  field(116, 8, octal(0, 8))
  field(124, 12, octal(content.length, 12))
  field(136, 12, octal(0, 12))
  field(148, 8, '        ')
  field(156, 1, '0')
  field(257, 6, 'ustar\0')
  field(263, 2, '00')
  let sum = 0
  for (const byte of header) sum += byte
  field(148, 8, sum.toString(8).padStart(6, '0') + '\0 ')
  const padding = Buffer.alloc((512 - (content.length % 512)) % 512)
  return Buffer.concat([header, content, padding, Buffer.alloc(1024)])
}

function parsePlatform(text) {
  const [osName, architecture, variant] = text.split('/')
  if (!osName || !architecture) throw new Error(`platform must be os/arch[/variant]: ${text}`)
  return variant ? { os: osName, architecture, variant } : { os: osName, architecture }
}

function registryConfigYaml({ dir, port, auth }) {
  // JSON strings are valid YAML double-quoted scalars, which keeps paths safe to embed.
  const q = JSON.stringify
  const lines = [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${q(path.join(dir, 'data'))}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: ${q(`127.0.0.1:${port}`)}`,
    `  secret: ${q(crypto.randomBytes(24).toString('hex'))}`
  ]
  if (auth.kind === 'token') {
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${q(auth.realm)}`,
      `    service: ${q(SERVICE)}`,
      `    issuer: ${q(ISSUER)}`,
      `    rootcertbundle: ${q(auth.certFile)}`
    )
  } else if (auth.kind === 'basic') {
    lines.push('auth:', '  htpasswd:', '    realm: test', `    path: ${q(auth.htpasswdFile)}`)
  }
  return lines.join('\n') + '\n'
}

/** Reads the token server's `listening <port>` line. */
function waitForListening(child, logFile) {
  return new Promise((resolve, reject) => {
    let buffered = ''
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`token server did not start in time:\n${tail(logFile)}`))
    }, READY_TIMEOUT_MS)
    const onData = chunk => {
      buffered += chunk
      const match = /^listening (\d+)$/m.exec(buffered)
      if (match) {
        cleanup()
        resolve(Number(match[1]))
      }
    }
    const onExit = code => {
      cleanup()
      reject(new Error(`token server exited with ${code} before listening:\n${tail(logFile)}`))
    }
    function cleanup() {
      clearTimeout(timer)
      child.stdout.off('data', onData)
      child.off('exit', onExit)
      // Keep draining so a chatty child can never block on a full pipe.
      child.stdout.resume()
    }
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', onData)
    child.on('exit', onExit)
  })
}

class BindError extends Error {}

async function waitForReady(url, registryChild, logFile) {
  const deadline = Date.now() + READY_TIMEOUT_MS
  let exited = false
  const onExit = () => {
    exited = true
  }
  registryChild.once('exit', onExit)
  try {
    while (Date.now() < deadline) {
      if (exited || !isRunning(registryChild)) {
        const log = tail(logFile)
        const message = `docker-registry exited (${registryChild.exitCode ?? registryChild.signalCode}) before it was ready:\n${log}`
        throw /address already in use/i.test(log) ? new BindError(message) : new Error(message)
      }
      try {
        const res = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(1000) })
        await res.arrayBuffer()
        if (res.status === 200 || res.status === 401) return
      } catch {
        // not accepting connections yet
      }
      await sleep(50)
    }
    throw new Error(`docker-registry not ready after ${READY_TIMEOUT_MS} ms:\n${tail(logFile)}`)
  } finally {
    registryChild.off('exit', onExit)
  }
}

async function httpError(what, res) {
  const body = (await res.text().catch(() => '')).slice(0, 2000)
  return new Error(`${what}: HTTP ${res.status} ${body}`)
}

// ---------------------------------------------------------------------------------------------

/**
 * @typedef {'none' | 'token' | 'basic'} AuthMode
 * @typedef {{
 *   auth?: AuthMode,
 *   users?: Record<string, string>,
 *   anonymousPull?: boolean,
 *   realm?: 'same-host' | 'other-host',
 *   maxScopesPerTokenRequest?: number
 * }} StartOptions
 */

/**
 * Starts a registry; retries on a lost race for the free port.
 * @param {StartOptions} [options]
 */
export async function startRegistry(options = {}) {
  const auth = options.auth ?? 'none'
  if (!['none', 'token', 'basic'].includes(auth)) throw new Error(`unknown auth mode ${auth}`)
  const realmMode = options.realm ?? 'same-host'
  if (!['same-host', 'other-host'].includes(realmMode)) {
    throw new Error(`unknown realm mode ${realmMode}`)
  }
  const users = { ...(options.users ?? { alice: 'alice-s3cret-pass' }) }
  let lastError
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    try {
      return await startOnce({ ...options, auth, realm: realmMode, users })
    } catch (err) {
      lastError = err
      if (!(err instanceof BindError)) throw err
    }
  }
  throw lastError
}

async function startOnce(options) {
  const { auth, users } = options
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-harness-'))
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = []
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG_SOURCE], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true
  })
  const entry = { children, watchdog, dir }
  installExitHook()
  live.add(entry)
  watchdog.stdin.on('error', () => {})
  watchdog.stdin.write(`dir ${dir}\n`)
  const track = child => {
    children.push(child)
    watchdog.stdin.write(`pid ${child.pid}\n`)
  }

  let stopped = false
  let stopPromise = Promise.resolve()
  async function stop() {
    if (stopped) return stopPromise
    stopped = true
    stopPromise = (async () => {
      await Promise.all(children.map(terminate))
      if (isRunning(watchdog)) {
        watchdog.stdin.end('disarm\n')
        await Promise.race([waitForExit(watchdog), graceTimer()])
        await terminate(watchdog)
      }
      fs.rmSync(dir, { recursive: true, force: true })
      live.delete(entry)
    })()
    return stopPromise
  }

  try {
    const logFile = path.join(dir, 'registry.log')
    const registryPort = await freePort()
    /** @type {{kind: string, realm?: string, certFile?: string, htpasswdFile?: string}} */
    const authConfig = { kind: auth }
    let frontPort = registryPort
    let tokenUrl = null

    if (auth === 'token') {
      const keyFile = path.join(dir, 'k.pem')
      const certFile = path.join(dir, 'c.pem')
      await execFileAsync('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '1',
        '-subj',
        '/CN=test-token-issuer'
      ])
      const sameHost = options.realm === 'same-host'
      const tokenConfigFile = path.join(dir, 'token-server.json')
      fs.writeFileSync(
        tokenConfigFile,
        JSON.stringify({
          host: '127.0.0.1',
          port: 0,
          keyFile,
          certFile,
          issuer: ISSUER,
          service: SERVICE,
          users,
          anonymousPull: options.anonymousPull ?? true,
          maxScopesPerTokenRequest: options.maxScopesPerTokenRequest ?? null,
          upstream: sameHost ? `http://127.0.0.1:${registryPort}` : null
        })
      )
      const tokenLog = path.join(dir, 'token-server.log')
      const tokenLogFd = fs.openSync(tokenLog, 'a')
      const tokenServer = spawn(process.execPath, [TOKEN_SERVER, '--config', tokenConfigFile], {
        stdio: ['ignore', 'pipe', tokenLogFd],
        detached: true
      })
      fs.closeSync(tokenLogFd)
      track(tokenServer)
      const tokenPort = await waitForListening(tokenServer, tokenLog)
      tokenUrl = `http://127.0.0.1:${tokenPort}`
      if (sameHost) frontPort = tokenPort
      Object.assign(authConfig, { realm: `${tokenUrl}/token`, certFile })
    } else if (auth === 'basic') {
      const htpasswdFile = path.join(dir, 'htpasswd')
      let content = ''
      for (const [user, pass] of Object.entries(users)) {
        const { stdout } = await execFileAsync('htpasswd', ['-Bbn', user, pass])
        content += stdout.trim() + '\n'
      }
      fs.writeFileSync(htpasswdFile, content)
      authConfig.htpasswdFile = htpasswdFile
    }

    const configFile = path.join(dir, 'config.yml')
    fs.writeFileSync(configFile, registryConfigYaml({ dir, port: registryPort, auth: authConfig }))
    const logFd = fs.openSync(logFile, 'a')
    const registry = spawn('docker-registry', ['serve', configFile], {
      stdio: ['ignore', logFd, logFd],
      detached: true
    })
    fs.closeSync(logFd)
    track(registry)
    await new Promise((resolve, reject) => {
      registry.once('spawn', resolve)
      registry.once('error', reject)
    })

    const url = `http://127.0.0.1:${frontPort}`
    await waitForReady(url, registry, logFile)

    const handle = createHandle({
      url,
      auth,
      users,
      dir,
      tokenUrl,
      registryUrl: `http://127.0.0.1:${registryPort}`,
      pids: children.map(c => /** @type {number} */ (c.pid)).concat(watchdog.pid ?? []),
      stop
    })
    return handle
  } catch (err) {
    await stop()
    throw err
  }
}

/**
 * @param {{url: string, auth: AuthMode, users: Record<string, string>, dir: string,
 *          tokenUrl: string|null, registryUrl: string, pids: number[],
 *          stop: () => Promise<void>}} ctx
 */
function createHandle(ctx) {
  const { url, auth, users, tokenUrl } = ctx
  const host = new URL(url).host
  const firstUser = Object.entries(users)[0]

  /** Authorization header for the harness's own calls on one repository. */
  async function authFor(repo) {
    if (auth === 'none') return {}
    if (!firstUser) throw new Error('push helpers need at least one user')
    const credentials = basic(firstUser[0], firstUser[1])
    if (auth === 'basic') return { authorization: credentials }
    const tokenEndpoint = new URL(`${tokenUrl}/token`)
    tokenEndpoint.searchParams.set('service', SERVICE)
    tokenEndpoint.searchParams.set('scope', `repository:${repo}:pull,push,delete`)
    const res = await fetch(tokenEndpoint, {
      headers: { authorization: credentials, [INTERNAL_HEADER]: 'internal' }
    })
    if (!res.ok) throw await httpError(`token for ${repo}`, res)
    const body = /** @type {{token: string}} */ (await res.json())
    return { authorization: `Bearer ${body.token}` }
  }

  async function pushBlob(repo, headers, bytes) {
    const digest = sha256(bytes)
    const head = await fetch(`${url}/v2/${repo}/blobs/${digest}`, { method: 'HEAD', headers })
    if (head.status === 200) return digest
    const start = await fetch(`${url}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers })
    if (start.status !== 202) throw await httpError(`start upload to ${repo}`, start)
    await start.arrayBuffer()
    const location = start.headers.get('location')
    if (!location) throw new Error(`upload to ${repo}: no Location`)
    // String concatenation rather than searchParams, which would re-encode the opaque _state.
    const target = new URL(location, url).href
    const put = await fetch(
      `${target}${target.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`,
      {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        body: bytes
      }
    )
    if (put.status !== 201) throw await httpError(`upload ${digest} to ${repo}`, put)
    await put.arrayBuffer()
    return digest
  }

  async function putManifest(repo, reference, mediaType, json, headers) {
    const bytes = Buffer.from(JSON.stringify(json))
    const digest = sha256(bytes)
    const res = await fetch(`${url}/v2/${repo}/manifests/${reference ?? digest}`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': mediaType },
      body: bytes
    })
    if (res.status !== 201) throw await httpError(`put manifest ${repo}:${reference}`, res)
    await res.arrayBuffer()
    const reported = res.headers.get('docker-content-digest')
    if (reported !== digest) {
      throw new Error(`registry stored ${repo} manifest as ${reported}, expected ${digest}`)
    }
    return { digest, bytes }
  }

  async function buildAndPushImage(repo, tag, opts, headers) {
    const platform = parsePlatform(opts.platform ?? 'linux/amd64')
    const oci = (opts.mediaType ?? 'oci') === 'oci'
    const seed = opts.seed ?? crypto.randomBytes(16).toString('hex')
    const tar = tarOneFile('seed.txt', Buffer.from(`${seed}\n`))
    const layer = zlib.gzipSync(tar)
    // Bytes that do not compress, derived from the seed: a layer of a known size.
    const extra = opts.extraLayerBytes
      ? Buffer.concat(
          Array.from({ length: Math.ceil(opts.extraLayerBytes / 32) }, (_, i) =>
            crypto.createHash('sha256').update(`${seed}/${i}`).digest()
          )
        ).subarray(0, opts.extraLayerBytes)
      : undefined
    const imageConfig = {
      architecture: platform.architecture,
      os: platform.os,
      ...(platform.variant ? { variant: platform.variant } : {}),
      ...(opts.created ? { created: opts.created } : {}),
      config: { Labels: opts.labels ?? {} },
      rootfs: { type: 'layers', diff_ids: [sha256(tar), ...(extra ? [sha256(extra)] : [])] }
    }
    const configBytes = Buffer.from(JSON.stringify(imageConfig))
    const configDigest = await pushBlob(repo, headers, configBytes)
    const layerDigest = await pushBlob(repo, headers, layer)
    const extraDigest = extra ? await pushBlob(repo, headers, extra) : undefined
    const mediaType = oci ? MEDIA_TYPES.ociManifest : MEDIA_TYPES.dockerManifest
    const manifest = {
      schemaVersion: 2,
      mediaType,
      config: {
        mediaType: oci ? MEDIA_TYPES.ociConfig : MEDIA_TYPES.dockerConfig,
        digest: configDigest,
        size: configBytes.length
      },
      layers: [
        {
          mediaType: oci ? MEDIA_TYPES.ociLayer : MEDIA_TYPES.dockerLayer,
          digest: layerDigest,
          size: layer.length
        },
        ...(extra
          ? [
              {
                mediaType: oci ? MEDIA_TYPES.ociLayer : MEDIA_TYPES.dockerLayer,
                digest: extraDigest,
                size: extra.length
              }
            ]
          : [])
      ],
      ...(opts.annotations ? { annotations: opts.annotations } : {})
    }
    const { digest, bytes } = await putManifest(repo, tag, mediaType, manifest, headers)
    return { digest, mediaType, configDigest, bytes, size: bytes.length, platform }
  }

  /** An attestation manifest shaped like BuildKit's: unknown/unknown, an in-toto layer. */
  async function pushAttestation(repo, subject, headers) {
    const statement = Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v0.1',
        predicateType: 'https://spdx.dev/Document',
        subject: [{ name: repo, digest: { sha256: subject.slice('sha256:'.length) } }],
        predicate: {}
      })
    )
    const config = Buffer.from(
      JSON.stringify({
        architecture: 'unknown',
        os: 'unknown',
        config: {},
        rootfs: { type: 'layers', diff_ids: [sha256(statement)] }
      })
    )
    const configDigest = await pushBlob(repo, headers, config)
    const layerDigest = await pushBlob(repo, headers, statement)
    const manifest = {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      config: { mediaType: MEDIA_TYPES.ociConfig, digest: configDigest, size: config.length },
      layers: [
        {
          mediaType: MEDIA_TYPES.inToto,
          digest: layerDigest,
          size: statement.length,
          annotations: { 'in-toto.io/predicate-type': 'https://spdx.dev/Document' }
        }
      ]
    }
    const { digest, bytes } = await putManifest(
      repo,
      null,
      MEDIA_TYPES.ociManifest,
      manifest,
      headers
    )
    return { digest, size: bytes.length }
  }

  return {
    url,
    host,
    auth,
    users,
    tokenUrl,
    registryUrl: ctx.registryUrl,
    pids: ctx.pids,
    dir: ctx.dir,

    async tokenRequests() {
      if (!tokenUrl) throw new Error('tokenRequests() needs auth: "token"')
      const res = await fetch(`${tokenUrl}/__requests`)
      if (!res.ok) throw await httpError('token request log', res)
      return res.json()
    },

    async resetTokenRequests() {
      if (!tokenUrl) throw new Error('resetTokenRequests() needs auth: "token"')
      const res = await fetch(`${tokenUrl}/__reset`, { method: 'POST' })
      if (!res.ok) throw await httpError('reset token request log', res)
      await res.arrayBuffer()
    },

    async pushImage(repo, tag, opts = {}) {
      const headers = await authFor(repo)
      const { digest, mediaType, configDigest, bytes } = await buildAndPushImage(
        repo,
        tag,
        opts,
        headers
      )
      return { digest, mediaType, configDigest, bytes }
    },

    async pushIndex(repo, tag, opts = {}) {
      const headers = await authFor(repo)
      const oci = (opts.mediaType ?? 'oci') === 'oci'
      const platforms = opts.platforms ?? ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
      const seed = opts.seed ?? crypto.randomBytes(16).toString('hex')
      const withAttestations = oci && (opts.attestations ?? true)
      const descriptors = []
      const manifests = []
      const attestations = []
      for (const platformText of platforms) {
        const image = await buildAndPushImage(
          repo,
          null,
          {
            platform: platformText,
            labels: opts.labels,
            mediaType: oci ? 'oci' : 'docker',
            seed: `${seed}/${platformText}`,
            created: opts.created,
            extraLayerBytes: opts.extraLayerBytes
          },
          headers
        )
        manifests.push({ platform: platformText, digest: image.digest })
        descriptors.push({
          mediaType: image.mediaType,
          digest: image.digest,
          size: image.size,
          platform: image.platform
        })
      }
      if (withAttestations) {
        for (const { digest: subject } of manifests) {
          const attestation = await pushAttestation(repo, subject, headers)
          attestations.push({ digest: attestation.digest, subject })
          descriptors.push({
            mediaType: MEDIA_TYPES.ociManifest,
            digest: attestation.digest,
            size: attestation.size,
            platform: { architecture: 'unknown', os: 'unknown' },
            annotations: {
              'vnd.docker.reference.type': 'attestation-manifest',
              'vnd.docker.reference.digest': subject
            }
          })
        }
      }
      const mediaType = oci ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.dockerList
      const index = {
        schemaVersion: 2,
        mediaType,
        manifests: descriptors,
        ...(opts.annotations ? { annotations: opts.annotations } : {})
      }
      const { digest, bytes } = await putManifest(repo, tag, mediaType, index, headers)
      return { digest, mediaType, manifests, attestations, bytes }
    },

    async headDigest(repo, tag) {
      const headers = await authFor(repo)
      const res = await fetch(`${url}/v2/${repo}/manifests/${tag}`, {
        method: 'HEAD',
        headers: { ...headers, accept: MANIFEST_ACCEPT }
      })
      if (res.status === 404) return null
      if (res.status !== 200) throw await httpError(`HEAD ${repo}:${tag}`, res)
      const digest = res.headers.get('docker-content-digest')
      if (!digest) throw new Error(`HEAD ${repo}:${tag}: no Docker-Content-Digest`)
      return digest
    },

    async deleteTag(repo, tag) {
      const headers = await authFor(repo)
      const head = await fetch(`${url}/v2/${repo}/manifests/${tag}`, {
        method: 'HEAD',
        headers: { ...headers, accept: MANIFEST_ACCEPT }
      })
      if (head.status !== 200) throw await httpError(`deleteTag: HEAD ${repo}:${tag}`, head)
      const digest = head.headers.get('docker-content-digest')
      if (!digest) throw new Error(`deleteTag: HEAD ${repo}:${tag}: no Docker-Content-Digest`)
      const res = await fetch(`${url}/v2/${repo}/manifests/${digest}`, {
        method: 'DELETE',
        headers
      })
      if (res.status !== 202) throw await httpError(`DELETE ${repo}@${digest}`, res)
      await res.arrayBuffer()
      return digest
    },

    async deleteManifest(repo, digest) {
      const res = await fetch(`${url}/v2/${repo}/manifests/${digest}`, {
        method: 'DELETE',
        headers: await authFor(repo)
      })
      if (res.status !== 202) throw await httpError(`DELETE ${repo}@${digest}`, res)
      await res.arrayBuffer()
    },

    /** Uploads raw bytes as a blob; returns its digest. */
    async pushBlob(repo, bytes) {
      return pushBlob(repo, await authFor(repo), bytes)
    },

    /** PUTs a manifest (any JSON) under `reference`, or by its digest when null. */
    async putManifest(repo, reference, mediaType, json) {
      const { digest, bytes } = await putManifest(
        repo,
        reference,
        mediaType,
        json,
        await authFor(repo)
      )
      return { digest, size: bytes.length }
    },

    stop: ctx.stop
  }
}

// ---------------------------------------------------------------------------------------------

async function main(argv) {
  const arg = name => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  /** @type {StartOptions} */
  const options = { auth: /** @type {AuthMode} */ (arg('--auth') ?? 'none') }
  const realm = arg('--realm')
  if (realm) options.realm = /** @type {'same-host'|'other-host'} */ (realm)
  if (argv.includes('--no-anonymous-pull')) options.anonymousPull = false
  const registry = await startRegistry(options)
  process.stdout.write(
    JSON.stringify({ url: registry.url, host: registry.host, users: registry.users }) + '\n'
  )
  const shutdown = () => {
    registry.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch(err => {
    process.stderr.write(`${err.stack ?? err}\n`)
    process.exit(1)
  })
}
