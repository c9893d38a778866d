/**
 * What a release is made of: one version in package.json, package-lock.json, the newest
 * CHANGELOG entry and the bundled CLI's --version; the schema comment users copy points at a
 * file that exists, at the major tag the release workflow moves.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../support/run-action.js'

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')
const packageJson = JSON.parse(read('package.json')) as { version: string }

/** Version headings of a Keep a Changelog file, newest first: `## [1.0.0] - 2026-12-01`. */
function changelogVersions(text: string): string[] {
  return [...text.matchAll(/^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/gm)].map(m => m[1]!)
}

describe('the version', () => {
  it('is the same in package.json, package-lock.json, the CHANGELOG and --version', () => {
    const lock = JSON.parse(read('package-lock.json')) as {
      version: string
      packages: Record<string, { version?: string }>
    }
    expect(lock.version).toBe(packageJson.version)
    expect(lock.packages['']?.version).toBe(packageJson.version)
    expect(changelogVersions(read('CHANGELOG.md'))[0]).toBe(packageJson.version)
    const printed = execFileSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), '--version'])
    expect(printed.toString()).toBe(`image-digest-updater ${packageJson.version}\n`)
  })

  it('is at least 1.0.0: the examples say @v1', () => {
    expect(Number(packageJson.version.split('.')[0])).toBeGreaterThanOrEqual(1)
  })
})
