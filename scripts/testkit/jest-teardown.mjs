/** Removes the bundle jest-setup.mjs built. */
import { rmSync } from 'node:fs'
import { BUNDLE_ENV } from './bundle.mjs'

export default function teardown() {
  const dir = process.env[BUNDLE_ENV]
  if (dir) rmSync(dir, { recursive: true, force: true })
}
