/**
 * The suites run a bundle of the source as it is now, never the committed dist/, which lags
 * the source between `npm run bundle`s (scripts/testkit/bundle.mjs).
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { STAMP_FILE, libraryDeclarations, sourceDigest } from '../../scripts/bundle.mjs'
import { BUNDLE_ENV } from '../../scripts/testkit/bundle.mjs'
import { ACTION_ENTRY, ROOT } from '../support/run-action.js'
import { CLI_ENTRY, runCommand } from '../support/run-cli.js'

const inside = (dir: string, file: string) => !relative(dir, file).startsWith(`..${sep}`)

describe(`the bundle the suites run (on Node ${process.versions.node})`, () => {
  const bundle = process.env[BUNDLE_ENV]

  it('is built for this run, outside dist/', () => {
    expect(bundle).toBeDefined()
    for (const entry of [ACTION_ENTRY, CLI_ENTRY]) {
      expect(inside(bundle!, entry)).toBe(true)
      expect(inside(join(ROOT, 'dist'), entry)).toBe(false)
    }
  })

  // Also fails when the source is edited while the suite runs: rerun it then.
  it('was built from the source as it is now', () => {
    expect(readFileSync(join(bundle!, STAMP_FILE), 'utf8').trim()).toBe(sourceDigest())
  })

  it("holds the library where package.json's exports point, declared without imports", async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      exports: { '.': { types: string; import: string } }
    }
    const within = (path: string) => join(bundle!, relative('dist', path))
    const declarations = readFileSync(within(pkg.exports['.'].types), 'utf8')
    expect(declarations).toContain('export declare function resolveImageDigest(')
    expect(declarations).toContain('export declare function resolveImageDigests(')
    expect(declarations).not.toMatch(/\bfrom\s+['"]|\bimport\(/)
    expect(declarations).toBe(libraryDeclarations())
    const library = (await import(pathToFileURL(within(pkg.exports['.'].import)).href)) as Record<
      string,
      unknown
    >
    expect(Object.keys(library).sort()).toEqual(['resolveImageDigest', 'resolveImageDigests'])
  })

  it('is what a script run inside the suite (the demo) is given', async () => {
    const run = await runCommand(
      process.execPath,
      ['-e', `process.stdout.write(process.env.${BUNDLE_ENV} ?? 'unset')`],
      { cwd: ROOT }
    )
    expect(run.stdout).toBe(bundle)
  })
})
