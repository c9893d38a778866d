/**
 * Where the test tooling finds the bundle it runs. Never dist/: that is the committed bundle,
 * which lags the source between `npm run bundle`s. Jest's globalSetup (jest-setup.mjs) builds
 * one bundle of the current source per run into a temporary folder and names it in
 * IMAGE_DIGEST_UPDATER_TEST_BUNDLE, which the test workers inherit; the demo and the benchmark
 * use that folder when they run inside the suite and build their own otherwise.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { bundle } from '../bundle.mjs'

export const BUNDLE_ENV = 'IMAGE_DIGEST_UPDATER_TEST_BUNDLE'

/** The action's and the CLI's entry points in a bundle folder. */
export function bundleEntries(dir) {
  return { action: path.join(dir, 'index.js'), cli: path.join(dir, 'cli/index.js') }
}

/**
 * The suite's bundle folder. Outside a jest run it is a path that does not exist and says
 * why, so a spawn of it fails with that sentence instead of running a stale dist/.
 */
export function testBundleDir() {
  return (
    process.env[BUNDLE_ENV] ??
    path.join(os.tmpdir(), 'no-fresh-bundle--run-through-jest-whose-globalSetup-builds-it')
  )
}

/** Builds a bundle of the current source into a new temporary folder. */
export function buildFreshBundle(options) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'image-digest-updater-bundle-'))
  try {
    bundle(dir, options)
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return dir
}

/**
 * The bundle a script should run: the suite's when it runs inside one, else a fresh one that
 * `cleanup` removes.
 */
export function freshBundle(options) {
  const inherited = process.env[BUNDLE_ENV]
  if (inherited) return { dir: inherited, built: false, cleanup: () => undefined }
  const dir = buildFreshBundle(options)
  return { dir, built: true, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
