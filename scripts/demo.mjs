#!/usr/bin/env node
/**
 * `npm run demo`: the main job in one command, offline. Starts the real local registry the
 * integration tests use (token auth, anonymous pull refused), pushes rust-musl-cross-like
 * images for the four targets of examples/rust-cross-containers.yml, pins the old images in a
 * scratch copy of that config, pushes newer images for three of the tags, then runs a bundle
 * of the command line built from the current source (never a stale dist/) against it and shows the table, the pull request the action would
 * open, the diff of the config on disk and the build matrix. Everything it started is stopped
 * and the scratch folder removed, also on failure and on Ctrl-C.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startRegistry } from './registry/harness.mjs'
import { MissingPackagesError, ensureSystemPackages } from './system-packages.mjs'
import { BUNDLE_ENV, bundleEntries, freshBundle } from './testkit/bundle.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const EXAMPLE = path.join(ROOT, 'examples/rust-cross-containers.yml')
const CONFIG = '.github/rust-cross-containers.yml'
const REPOSITORY = 'rust-cross/rust-musl-cross'
const SOURCE = 'https://github.com/rust-cross/rust-musl-cross'
const TARGETS = [
  'i686-unknown-linux-musl',
  'x86_64-unknown-linux-musl',
  'armv7-unknown-linux-musleabi',
  'aarch64-unknown-linux-musl'
]
/** One tag does not move, so the table shows an unchanged entry beside the updated ones. */
const UNMOVED = 'armv7-unknown-linux-musleabi'
/** Upstream commits the images claim to be built from, as rust-musl-cross labels its images. */
const OLD_REVISION = '2f7cdb1b4b1ec2b6a16fe1c0a8d5cf2e8b41d2a7'
const NEW_REVISION = '9a3e1c07d6f54e0b8c2a7d1e4f6b3a5c8d9e0f12'

const color = process.stdout.isTTY === true && !process.env.NO_COLOR
const bold = text => (color ? `\x1b[1m${text}\x1b[22m` : text)
const dim = text => (color ? `\x1b[2m${text}\x1b[22m` : text)
const say = (text = '') => process.stdout.write(`${text}\n`)
const heading = text => say(`\n${bold(`━━ ${text} `.padEnd(78, '━'))}\n`)

/** Runs a child with stdout passed through (or captured) and resolves with its exit code. */
function runChild(command, args, { cwd, env, capture = false }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit']
    })
    let stdout = ''
    child.stdout?.on('data', chunk => (stdout += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout }))
  })
}

/** The command line bundled from the source as it is, as `npm run bundle` would build it. */
function bundleCli() {
  if (!process.env[BUNDLE_ENV]) say(dim('Bundling the command line from the current source…'))
  bundled = freshBundle({ only: 'cli' })
  return bundleEntries(bundled.dir).cli
}

/** The example config with each target's digest replaced by the one given. */
function pinConfig(text, digests) {
  let out = text
  for (const [target, digest] of Object.entries(digests)) {
    const pattern = new RegExp(`(image_tag: ${target}\\r?\\n\\s+current_sha: )[0-9a-f]{64}`)
    if (!pattern.test(out)) throw new Error(`${EXAMPLE} has no current_sha for ${target}`)
    out = out.replace(pattern, `$1${digest.replace(/^sha256:/, '')}`)
  }
  return out
}

let registry
let scratch
let bundled
let cleaning

function cleanUp() {
  cleaning ??= (async () => {
    await registry?.stop()
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true })
    bundled?.cleanup()
  })()
  return cleaning
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143]
]) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping the registry and removing the scratch folder…\n`)
    cleanUp().finally(() => process.exit(code))
  })
}

async function demo() {
  const started = Date.now()
  ensureSystemPackages()
  const CLI = bundleCli()

  heading('1. A local registry with rust-musl-cross-like images')
  registry = await startRegistry({ auth: 'token', anonymousPull: false })
  const image = `${registry.host}/${REPOSITORY}`
  say(`docker-registry (CNCF distribution) on ${registry.url}, behind token auth;`)
  say('anonymous pull is refused, so every digest below proves the credentials were used.')

  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'image-digest-updater-demo-'))
  const dockerConfig = path.join(scratch, 'docker')
  fs.mkdirSync(dockerConfig)
  // What `docker login` leaves behind; the command line reads it as it would a developer's.
  const [user, password] = Object.entries(registry.users)[0]
  const auth = Buffer.from(`${user}:${password}`).toString('base64')
  fs.writeFileSync(
    path.join(dockerConfig, 'config.json'),
    JSON.stringify({ auths: { [registry.host]: { auth } } }, null, 2),
    { mode: 0o600 }
  )

  const push = (target, revision) =>
    registry.pushIndex(REPOSITORY, target, {
      platforms: ['linux/amd64', 'linux/arm64'],
      seed: `${target}@${revision}`,
      labels: {
        'org.opencontainers.image.source': SOURCE,
        'org.opencontainers.image.revision': revision
      }
    })
  const pinned = {}
  for (const target of TARGETS) pinned[target] = (await push(target, OLD_REVISION)).digest
  say(`Pushed ${image}:{${TARGETS.join(',')}}`)
  say(`  built from ${SOURCE} at ${OLD_REVISION.slice(0, 7)} (linux/amd64 + linux/arm64 each).`)

  const configPath = path.join(scratch, CONFIG)
  fs.mkdirSync(path.dirname(configPath))
  const stale = pinConfig(fs.readFileSync(EXAMPLE, 'utf8'), pinned)
  fs.writeFileSync(configPath, stale)
  const before = path.join(scratch, 'before.yml')
  fs.writeFileSync(before, stale)
  say(`Copied ${path.relative(ROOT, EXAMPLE)} to ${CONFIG} in the scratch folder ${scratch},`)
  say('pinned to those images.')

  const moved = TARGETS.filter(t => t !== UNMOVED)
  for (const target of moved) await push(target, NEW_REVISION)
  say(`Then pushed new images for ${moved.length} tags, built at ${NEW_REVISION.slice(0, 7)};`)
  say(`${UNMOVED} stays where it was. The config's digests are now stale.`)

  const env = { ...process.env, DOCKER_CONFIG: dockerConfig }
  const cli = (args, { capture = false } = {}) =>
    runChild(process.execPath, [CLI, ...args], { cwd: scratch, env, capture })
  const diffConfig = () =>
    runChild('diff', ['-u', '--label', 'before.yml', '--label', CONFIG, 'before.yml', CONFIG], {
      cwd: scratch,
      env
    })

  heading('2. The command line updates the config')
  const args = ['--config', CONFIG, '--image', image]
  say(dim(`$ image-digest-updater ${args.join(' ')}`))
  say(dim('  (the bundled command line; credentials from $DOCKER_CONFIG/config.json)'))
  say()
  const update = await cli(args)
  if (update.code !== 0) throw new Error(`the command line exited with ${update.code}`)

  heading('3. The config on disk: only the digests that moved changed')
  say(dim(`$ diff -u before.yml ${CONFIG}`))
  say()
  const diff = await diffConfig()
  if (diff.code !== 1) throw new Error(`expected the config to differ (diff exited ${diff.code})`)

  heading('4. The build matrix a later job reads with fromJSON')
  const matrixArgs = ['--config', CONFIG, '--image', image, '--mode', 'matrix', '--json']
  say(dim(`$ image-digest-updater ${matrixArgs.join(' ')}   # no network, no write`))
  say()
  const matrix = await cli(matrixArgs, { capture: true })
  if (matrix.code !== 0) throw new Error(`the matrix run exited with ${matrix.code}`)
  say(JSON.stringify(JSON.parse(matrix.stdout).matrix, null, 2))

  heading('5. The pull request the action would open')
  // The config was just updated, so the proposal is asked of the stale copy, without writing.
  const proposalArgs = ['--config', 'before.yml', '--image', image]
  proposalArgs.push('--dry-run', '--show-pull-request', '--json')
  say(dim(`$ image-digest-updater ${proposalArgs.join(' ')}   # title and body of .pull_request`))
  say()
  const proposal = await cli(proposalArgs, { capture: true })
  if (proposal.code !== 0) throw new Error(`the proposal run exited with ${proposal.code}`)
  const pullRequest = JSON.parse(proposal.stdout).pull_request
  if (!pullRequest) throw new Error('the dry run proposed no pull request')
  if (fs.readFileSync(before, 'utf8') !== stale) throw new Error('the dry run wrote the config')
  say(`${bold('Title:')} ${pullRequest.title}`)
  say()
  say(pullRequest.body.replace(/\n+$/, ''))

  await cleanUp()
  heading('Done')
  say(
    `Stopped the registry and its token server and removed the scratch folder, in ${((Date.now() - started) / 1000).toFixed(1)} s.`
  )
  say('The same command line works on your own config: image-digest-updater --help')
}

try {
  await demo()
} catch (error) {
  await cleanUp()
  const message =
    error instanceof MissingPackagesError || !(error instanceof Error)
      ? String(error instanceof Error ? error.message : error)
      : (error.stack ?? error.message)
  process.stderr.write(`\ndemo failed: ${message}\n`)
  process.exitCode = 1
}
