/**
 * The local release script: the CHANGELOG edits it makes (pure functions), and its dry run in
 * a real clone, which must check everything a release checks and change nothing. The real run,
 * which rebuilds dist/, is in __tests__/integration/release-script.test.ts.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cutRelease, releaseNotes, unreleasedNotes } from '../../scripts/changelog.mjs'
import { RELEASE_SCRIPT, type ReleaseClone, releaseClone } from '../support/release-clone.js'
import { ROOT } from '../support/run-action.js'

const NOTES = '### Fixed\n\n- Digests of `platform` entries are verified by HEAD.'
const BASE = 'https://github.com/image-digest-updater/image-digest-updater'

const changelog = `# Changelog

Intro.

## [Unreleased]

${NOTES}

## [1.0.0] - 2026-12-01

### Added

- Everything.

[Unreleased]: ${BASE}/compare/v1.0.0...HEAD
[1.0.0]: ${BASE}/releases/tag/v1.0.0
`

describe('the changelog', () => {
  it('moves [Unreleased] under the new version and updates the compare links', () => {
    expect(cutRelease(changelog, '1.1.0', '2027-01-02')).toBe(`# Changelog

Intro.

## [Unreleased]

## [1.1.0] - 2027-01-02

${NOTES}

## [1.0.0] - 2026-12-01

### Added

- Everything.

[Unreleased]: ${BASE}/compare/v1.1.0...HEAD
[1.1.0]: ${BASE}/compare/v1.0.0...v1.1.0
[1.0.0]: ${BASE}/releases/tag/v1.0.0
`)
  })

  it('gives one entry as release notes, without its heading or the links', () => {
    expect(releaseNotes(changelog, '1.0.0')).toBe('### Added\n\n- Everything.')
    const cut = cutRelease(changelog, '1.1.0', '2027-01-02')
    expect(releaseNotes(cut, '1.1.0')).toBe(NOTES)
    expect(unreleasedNotes(cut)).toBe('')
  })

  it('refuses an empty [Unreleased], a version it already has, and a missing entry', () => {
    const empty = cutRelease(changelog, '1.1.0', '2027-01-02')
    expect(() => cutRelease(empty, '1.2.0', '2027-01-03')).toThrow(/\[Unreleased\].*is empty/)
    expect(() => cutRelease(changelog, '1.0.0', '2027-01-03')).toThrow(/already has an entry/)
    expect(() => releaseNotes(changelog, '0.9.0')).toThrow(/no "## \[0\.9\.0\]/)
    expect(() => cutRelease(changelog, 'v1.1', '2027-01-03')).toThrow(/not a version/)
  })

  it("holds this repository's current version as its newest entry, with notes", () => {
    const version = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        version: string
      }
    ).version
    expect(releaseNotes(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), version)).toMatch(
      /^### Added\n/m
    )
  })
})

describe('npm run release -- --dry-run', () => {
  let clone: ReleaseClone | undefined
  afterEach(() => clone?.remove())

  const run = (cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [RELEASE_SCRIPT, ...args], { cwd, encoding: 'utf8' })

  /** Everything a release could change: the files, the index, the commits and the tags. */
  const state = (c: ReleaseClone) => ({
    status: c.git('status', '--porcelain', '--untracked-files=all'),
    head: c.git('rev-parse', 'HEAD'),
    tags: c.git('tag', '--list'),
    files: ['package.json', 'package-lock.json', 'CHANGELOG.md', 'dist/cli/index.js'].map(c.read)
  })

  it('is what npm run release runs', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.release).toBe('node scripts/release.mjs')
  })

  it('prints the plan and the notes, and changes nothing', () => {
    clone = releaseClone(NOTES)
    const before = state(clone)
    const result = run(clone.dir, '1.1.0', '--dry-run')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const date = new Date().toISOString().slice(0, 10)
    expect(result.stdout).toContain('Would release 1.1.0 from ')
    expect(result.stdout).toContain('package.json and package-lock.json: 1.0.0 -> 1.1.0')
    expect(result.stdout).toContain(`"## [1.1.0] - ${date}"`)
    expect(result.stdout).toContain('make the annotated tag v1.1.0')
    expect(result.stdout).toContain(`Release notes:\n\n${NOTES}\n`)
    expect(result.stdout).toContain('Dry run: nothing was changed.')
    expect(state(clone)).toEqual(before)
  })

  it.each([
    ['a version that is not above the current one', ['1.0.0'], NOTES, /not above the current/],
    ['a malformed version', ['1.1'], NOTES, /not a version like 1\.2\.3/],
    ['an unknown option', ['1.1.0', '--push'], NOTES, /unknown option --push/],
    ['an empty [Unreleased]', ['1.1.0'], '', /\[Unreleased\] in CHANGELOG\.md is empty/]
  ])('refuses %s', (_, args, notes, message) => {
    clone = releaseClone(notes)
    const before = state(clone)
    const result = run(clone.dir, ...args, '--dry-run')
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(state(clone)).toEqual(before)
  })

  it('refuses uncommitted changes and an existing tag', () => {
    clone = releaseClone(NOTES)
    clone.git('tag', 'v1.1.0')
    expect(run(clone.dir, '1.1.0', '--dry-run').stderr).toMatch(/the tag v1\.1\.0 already exists/)
    clone.git('tag', '--delete', 'v1.1.0')
    spawnSync('sh', ['-c', 'echo x >> README.md'], { cwd: clone.dir })
    const result = run(clone.dir, '1.1.0', '--dry-run')
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/uncommitted changes[\s\S]*README\.md/)
  })
})
