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
const packageJson = JSON.parse(read('package.json')) as {
  version: string
  repository: { url: string }
}
const major = `v${packageJson.version.split('.')[0]}`
/** `owner/name` from package.json's repository URL. */
const repository = /github\.com\/([^/]+\/[^/.]+)/.exec(packageJson.repository.url)?.[1]

/** Files in the repository, as git tracks them (new files count once they are added). */
function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT
  })
    .toString()
    .split('\n')
    .filter(Boolean)
}

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

describe('the schema comment', () => {
  /** Every `$schema=<url>` in the repository's Markdown and YAML, with where it was found. */
  function schemaComments(): Array<{ file: string; url: string }> {
    return trackedFiles()
      .filter(file => /\.(md|ya?ml)$/.test(file) && !file.startsWith('__tests__/fixtures/'))
      .filter(file => existsSync(join(ROOT, file)))
      .flatMap(file =>
        [...read(file).matchAll(/\$schema=(https?:\/\/\S+)/g)].map(m => ({ file, url: m[1]! }))
      )
  }

  it('is in the README and the example config', () => {
    const files = schemaComments().map(c => c.file)
    expect(files).toEqual(
      expect.arrayContaining(['README.md', 'examples/rust-cross-containers.yml'])
    )
  })

  it.each(schemaComments())('$file names a schema file of this repository at $url', ({ url }) => {
    const m = /^https:\/\/raw\.githubusercontent\.com\/([^/]+\/[^/]+)\/([^/]+)\/(.+)$/.exec(url)
    expect(m).not.toBeNull()
    const [, repo, ref, path] = m!
    expect(repo).toBe(repository)
    // The major tag the release workflow moves: it exists from the first release on, and
    // follows every release of this major.
    expect(ref).toBe(major)
    expect(existsSync(join(ROOT, path!))).toBe(true)
  })

  it("is the schema's own $id", () => {
    const schema = JSON.parse(read('schema/containers.schema.json')) as { $id: string }
    expect(new Set(schemaComments().map(c => c.url))).toEqual(new Set([schema.$id]))
  })
})
