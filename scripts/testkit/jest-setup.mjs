/**
 * Jest globalSetup of the suites that run the bundle (integration, reliability): one ncc
 * build of the current source per jest run, into a temporary folder the workers find in
 * IMAGE_DIGEST_UPDATER_TEST_BUNDLE. Jest runs a project's globalSetup only when the run
 * selects one of its tests, so unit-only runs do not pay for the build.
 */
import { BUNDLE_ENV, buildFreshBundle } from './bundle.mjs'

export default function setup() {
  const started = Date.now()
  process.stderr.write(
    '\nBundling the current source for the integration and reliability suites…\n'
  )
  process.env[BUNDLE_ENV] = buildFreshBundle()
  process.stderr.write(`Bundled in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`)
}
