#!/usr/bin/env node
// Bundles the action, the CLI and the library with ncc. ncc writes package.json ({"type":"module"})
// beside each bundle so Node treats the ESM right; the licenses file is kept for redistribution.
// The library also gets its declarations (lib/index.d.ts), emitted from src/lib/index.ts alone.
//
//   node scripts/bundle.mjs           # dist/, the committed bundle (`npm run bundle`)
//   node scripts/bundle.mjs <folder>  # anywhere else: the test suites' fresh bundle
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

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

const LIBRARY_ENTRY = 'src/lib/index.ts'

/**
 * The library's declaration file, emitted from its entry alone with the project's compiler
 * options. The entry declares every type a caller sees, so the file must import nothing: an
 * import would name a module the package does not ship.
 */
export function libraryDeclarations() {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.json'),
    { declaration: true, emitDeclarationOnly: true, noEmit: false },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: d => fail([d]) }
  )
  const entry = path.join(ROOT, LIBRARY_ENTRY)
  const program = ts.createProgram([entry], config.options)
  let text
  const result = program.emit(
    program.getSourceFile(entry),
    (name, data) => {
      if (name.endsWith('index.d.ts')) text = data
    },
    undefined,
    true
  )
  const problems = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics]
  if (problems.length > 0) fail(problems)
  if (text === undefined || /^\s*(import|export)\b[^;]*\bfrom\s/m.test(text))
    throw new Error(`${LIBRARY_ENTRY}: its declarations must not import; declare the types there`)
  return text
}

function fail(diagnostics) {
  throw new Error(
    ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: name => name,
      getCurrentDirectory: () => ROOT,
      getNewLine: () => '\n'
    })
  )
}

/**
 * Builds the action's bundle (index.js), the CLI's (cli/index.js) and the library's
 * (lib/index.js, lib/index.d.ts) into `outDir`, replacing it; `only: 'cli'` builds the CLI
 * alone, for the demo.
 */
export function bundle(outDir, { only } = {}) {
  const digest = sourceDigest()
  // One entry per edge: the action's, the command line's and the library's.
  const entries = only === 'cli' ? [] : [['src/action/index.ts', outDir]]
  entries.push(['src/cli/main.ts', path.join(outDir, 'cli')])
  if (only !== 'cli') entries.push([LIBRARY_ENTRY, path.join(outDir, 'lib')])
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
  if (only !== 'cli') writeFileSync(path.join(outDir, 'lib/index.d.ts'), libraryDeclarations())
  // dist/ must stay exactly what this script makes; a bundle elsewhere says what it was built from.
  if (path.resolve(outDir) !== path.join(ROOT, 'dist'))
    writeFileSync(path.join(outDir, STAMP_FILE), `${digest}\n`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  bundle(path.resolve(process.argv[2] ?? path.join(ROOT, 'dist')))
}
