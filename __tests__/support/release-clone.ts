/**
 * A throwaway git clone of this repository for the release script's tests: what is committed,
 * plus the test's own [Unreleased] notes committed on top, so the script runs on a clean tree
 * and a real history without touching this checkout.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './run-action.js'

export const RELEASE_SCRIPT = join(ROOT, 'scripts/release.mjs')

export interface ReleaseClone {
  dir: string
  git(...args: string[]): string
  read(path: string): string
  remove(): void
}

export function releaseClone(unreleasedNotes: string): ReleaseClone {
  const dir = mkdtempSync(join(tmpdir(), 'release-'))
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim()
  execFileSync('git', [
    '-c',
    'advice.detachedHead=false',
    'clone',
    '--quiet',
    '--no-hardlinks',
    ROOT,
    dir
  ])
  git('config', 'user.name', 'Release Test')
  git('config', 'user.email', 'release-test@example.invalid')
  git('config', 'commit.gpgsign', 'false')
  git('config', 'tag.gpgsign', 'false')
  const read = (path: string) => readFileSync(join(dir, path), 'utf8')
  // The test's notes replace whatever the committed file has under [Unreleased], so the
  // release it cuts holds exactly them.
  const changelog = read('CHANGELOG.md').replace(
    /## \[Unreleased\]\n[\s\S]*?(?=## \[)/,
    unreleasedNotes ? `## [Unreleased]\n\n${unreleasedNotes}\n\n` : '## [Unreleased]\n\n'
  )
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog)
  git('commit', '--quiet', '--allow-empty', '--all', '-m', 'Notes for the next release')
  return { dir, git, read, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
