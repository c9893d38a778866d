#!/usr/bin/env node
// Bundles the action (and the CLI) with ncc. ncc writes package.json ({"type":"module"}) beside
// each bundle so Node treats the ESM right; the licenses file is kept for redistribution.
//
//   node scripts/bundle.mjs           # dist/, the committed bundle (`npm run bundle`)
//   node scripts/bundle.mjs <folder>  # anywhere else: the test suites' fresh bundle
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** Written beside a bundle built elsewhere than dist/: the source digest it was built from. */
export const STAMP_FILE = 'source-digest'

/** Everything ncc's output depends on that the repository holds. */
function sourceFiles() {
  const files = []
  const walk = dir => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name)
      if (entry.isDirectory()) walk(relative)
      else files.push(relative)
    }
  }
  walk('src')
  files.push('package.json', 'package-lock.json', 'tsconfig.json', 'scripts/bundle.mjs')
  return files.sort()
}

/** A digest of the source a bundle is built from; equal digests, equal bundles. */
export function sourceDigest() {
  const hash = createHash('sha256')
  for (const file of sourceFiles()) {
    hash.update(`${file}\0`)
    hash.update(readFileSync(path.join(ROOT, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/**
 * Builds the action's bundle (index.js) and the CLI's (cli/index.js) into `outDir`, replacing
 * it; `only: 'cli'` skips the action, for the demo.
 */
export function bundle(outDir, { only } = {}) {
  const digest = sourceDigest()
  // One entry per edge: the action's and the command line's.
  const entries = only === 'cli' ? [] : [['src/action/index.ts', outDir]]
  entries.push(['src/cli/main.ts', path.join(outDir, 'cli')])
  rmSync(outDir, { recursive: true, force: true })
  for (const [entry, out] of entries) {
    execFileSync(
      'npx',
      ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'],
      {
        cwd: ROOT,
        stdio: 'inherit'
      }
    )
  }
  // dist/ must stay exactly ncc's output; a bundle elsewhere says what it was built from.
  if (path.resolve(outDir) !== path.join(ROOT, 'dist'))
    writeFileSync(path.join(outDir, STAMP_FILE), `${digest}\n`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  bundle(path.resolve(process.argv[2] ?? path.join(ROOT, 'dist')))
}
