#!/usr/bin/env node
/**
 * Cuts a release locally: `npm run release -- 1.2.0 [--dry-run]`, run in a clean checkout of
 * the branch to release from.
 *
 * 1. sets the version in package.json and package-lock.json;
 * 2. moves CHANGELOG.md's [Unreleased] notes under `## [1.2.0] - <today, UTC>`;
 * 3. rebuilds dist/ (the CLI prints the version it was bundled with);
 * 4. commits those files as "Release 1.2.0" and makes the annotated tag v1.2.0.
 *
 * It pushes nothing: pushing the tag starts .github/workflows/release.yml, which tests, checks
 * dist/, publishes the GitHub release and moves the major tag. --dry-run checks everything,
 * prints the plan and the release notes, and changes nothing.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ChangelogError, cutRelease, unreleasedNotes } from './changelog.mjs'

const USAGE = 'usage: npm run release -- <major.minor.patch> [--dry-run]'
const FILES = ['package.json', 'package-lock.json', 'CHANGELOG.md', 'dist']

class ReleaseError extends Error {}

const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim()

function parseArgs(argv) {
  const dryRun = argv.includes('--dry-run') || argv.includes('-n')
  const rest = argv.filter(a => a !== '--dry-run' && a !== '-n')
  const unknown = rest.find(a => a.startsWith('-'))
  if (unknown) throw new ReleaseError(`unknown option ${unknown}\n${USAGE}`)
  if (rest.length !== 1) throw new ReleaseError(USAGE)
  const version = rest[0].replace(/^v/, '')
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new ReleaseError(`"${rest[0]}" is not a version like 1.2.3\n${USAGE}`)
  }
  return { version, dryRun }
}

/** -1, 0 or 1 as a is below, equal to or above b (plain major.minor.patch). */
function compareVersions(a, b) {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1
  return 0
}

/** Everything that must hold before anything is written; the same checks in a dry run. */
function plan(cwd, version, date) {
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'))
  if (compareVersions(version, pkg.version) <= 0) {
    throw new ReleaseError(`${version} is not above the current version ${pkg.version}`)
  }
  const dirty = git(cwd, 'status', '--porcelain')
  if (dirty) {
    throw new ReleaseError(
      `the working tree has uncommitted changes; commit or stash them first:\n${dirty}`
    )
  }
  const tag = `v${version}`
  if (git(cwd, 'tag', '--list', tag)) throw new ReleaseError(`the tag ${tag} already exists`)
  const changelog = readFileSync(join(cwd, 'CHANGELOG.md'), 'utf8')
  const notes = unreleasedNotes(changelog)
  // cutRelease refuses an empty [Unreleased] and a version the changelog already has.
  const newChangelog = cutRelease(changelog, version, date)
  return { pkg, tag, notes, newChangelog, branch: git(cwd, 'rev-parse', '--abbrev-ref', 'HEAD') }
}

export function release(argv, { cwd = process.cwd(), now = new Date(), log = console.log } = {}) {
  const { version, dryRun } = parseArgs(argv)
  const date = now.toISOString().slice(0, 10)
  const { pkg, tag, notes, newChangelog, branch } = plan(cwd, version, date)
  const steps = [
    `set the version in package.json and package-lock.json: ${pkg.version} -> ${version}`,
    `move CHANGELOG.md's [Unreleased] notes under "## [${version}] - ${date}"`,
    'rebuild dist/ with npm run bundle',
    `commit ${FILES.join(', ')} on ${branch} as "Release ${version}"`,
    `make the annotated tag ${tag}`
  ]
  log(`${dryRun ? 'Would release' : 'Releasing'} ${version} from ${branch}:`)
  for (const step of steps) log(`  - ${step}`)
  log(`\nRelease notes:\n\n${notes}\n`)
  if (dryRun) {
    log('Dry run: nothing was changed.')
    return
  }

  const npm = args => execFileSync('npm', args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] })
  // --ignore-scripts: a version lifecycle script has no business running here.
  npm(['version', version, '--no-git-tag-version', '--ignore-scripts'])
  writeFileSync(join(cwd, 'CHANGELOG.md'), newChangelog)
  npm(['run', 'bundle'])
  git(cwd, 'add', '--all', '--', ...FILES)
  git(cwd, 'commit', '--quiet', '-m', `Release ${version}`, '-m', notes)
  git(cwd, 'tag', '--annotate', tag, '-m', `${version}\n\n${notes}`)
  log(`Made the commit and the tag ${tag}. To publish: git push origin ${branch} ${tag}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    release(process.argv.slice(2))
  } catch (error) {
    // A refused release (2) changed nothing; a failed git or npm command (1) may have.
    process.stderr.write(`release: ${error.message}\n`)
    process.exit(error instanceof ReleaseError || error instanceof ChangelogError ? 2 : 1)
  }
}
