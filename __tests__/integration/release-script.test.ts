/**
 * `npm run release -- 1.1.0` for real, in a throwaway clone: the version bump, the changelog,
 * a rebuilt dist/ whose CLI prints the new version, one commit and the annotated tag, and a
 * clean tree after. Slow (it bundles), hence here and not with the dry run in unit/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { appendFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { releaseNotes } from '../../scripts/changelog.mjs'
import { RELEASE_SCRIPT, type ReleaseClone, releaseClone } from '../support/release-clone.js'
import { ROOT } from '../support/run-action.js'

const NOTES = '### Fixed\n\n- A release cut by the release script.'

describe('npm run release -- 1.1.0', () => {
  let clone: ReleaseClone
  let stdout: string
  let before: string

  beforeAll(() => {
    clone = releaseClone(NOTES)
    // The bundle step needs ncc: the clone borrows this checkout's node_modules. .gitignore's
    // `node_modules/` matches directories only, not this symbolic link.
    symlinkSync(join(ROOT, 'node_modules'), join(clone.dir, 'node_modules'))
    appendFileSync(join(clone.dir, '.git/info/exclude'), '/node_modules\n')
    before = clone.git('rev-parse', 'HEAD')
    stdout = execFileSync(process.execPath, [RELEASE_SCRIPT, '1.1.0'], {
      cwd: clone.dir,
      encoding: 'utf8'
    })
  }, 600_000)
  afterAll(() => clone?.remove())

  it('makes one commit on top, tagged v1.1.0 with an annotated tag, and leaves a clean tree', () => {
    expect(clone.git('rev-parse', 'HEAD~1')).toBe(before)
    expect(clone.git('log', '-1', '--format=%s')).toBe('Release 1.1.0')
    expect(clone.git('rev-parse', 'v1.1.0^{commit}')).toBe(clone.git('rev-parse', 'HEAD'))
    expect(clone.git('cat-file', '-t', 'v1.1.0')).toBe('tag')
    expect(clone.git('status', '--porcelain')).toBe('')
    expect(stdout).toContain('git push origin ')
  })

  it('sets the version everywhere the version test looks', () => {
    const pkg = JSON.parse(clone.read('package.json')) as { version: string }
    const lock = JSON.parse(clone.read('package-lock.json')) as {
      version: string
      packages: Record<string, { version: string }>
    }
    expect([pkg.version, lock.version, lock.packages['']!.version]).toEqual([
      '1.1.0',
      '1.1.0',
      '1.1.0'
    ])
    const cli = join(clone.dir, 'dist/cli/index.js')
    expect(execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' })).toBe(
      'image-digest-updater 1.1.0\n'
    )
  })

  it('moves the notes under a dated 1.1.0 entry, which the release workflow publishes', () => {
    const changelog = clone.read('CHANGELOG.md')
    expect(changelog).toContain(`## [Unreleased]\n\n## [1.1.0] - `)
    expect(changelog).toMatch(/^## \[1\.1\.0\] - \d{4}-\d{2}-\d{2}$/m)
    expect(releaseNotes(changelog, '1.1.0')).toBe(NOTES)
    expect(clone.git('show', '--stat', '--format=', 'HEAD')).toMatch(
      /CHANGELOG\.md[\s\S]*dist\/cli\/index\.js[\s\S]*package-lock\.json[\s\S]*package\.json/
    )
  })
})
