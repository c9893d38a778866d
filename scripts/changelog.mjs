#!/usr/bin/env node
/**
 * CHANGELOG.md in Keep a Changelog form, as the release script and the release workflow read
 * and write it. Pure functions on the text, plus one command for the workflow:
 *
 *   node scripts/changelog.mjs notes 1.2.0   # the body of the 1.2.0 entry, for the release notes
 */
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/** The changelog does not allow what was asked; nothing was written. */
export class ChangelogError extends Error {}

const VERSION = /^\d+\.\d+\.\d+$/
const HEADING = /^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?\s*$/

/** The `## [...]` sections in order: name, date, and the line range of each body. */
function sections(lines) {
  const found = []
  lines.forEach((line, index) => {
    const m = HEADING.exec(line)
    if (m) found.push({ name: m[1], date: m[2] ?? null, heading: index })
  })
  return found.map((section, i) => {
    const next = found[i + 1]?.heading ?? linkDefinitionsStart(lines)
    return {
      ...section,
      bodyStart: section.heading + 1,
      bodyEnd: Math.max(next, section.heading + 1)
    }
  })
}

/** Index of the first line of the trailing `[name]: url` link definitions. */
function linkDefinitionsStart(lines) {
  let start = lines.length
  while (start > 0 && (/^\[[^\]]+\]: \S+$/.test(lines[start - 1]) || lines[start - 1] === ''))
    start--
  return start
}

const trimBlank = text => text.replace(/^\s*\n/, '').replace(/\n\s*$/, '')

/** The versions with a dated entry, newest first. */
export function releasedVersions(changelog) {
  return sections(changelog.split('\n'))
    .filter(s => VERSION.test(s.name) && s.date)
    .map(s => s.name)
}

/** What [Unreleased] holds, without blank lines around it; '' when it is empty. */
export function unreleasedNotes(changelog) {
  const lines = changelog.split('\n')
  const section = sections(lines).find(s => s.name === 'Unreleased')
  if (!section) throw new ChangelogError('CHANGELOG.md has no "## [Unreleased]" section')
  return trimBlank(lines.slice(section.bodyStart, section.bodyEnd).join('\n'))
}

/** The body of one version's entry, for the GitHub release notes. */
export function releaseNotes(changelog, version) {
  const lines = changelog.split('\n')
  const section = sections(lines).find(s => s.name === version)
  if (!section) throw new ChangelogError(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" entry`)
  const notes = trimBlank(lines.slice(section.bodyStart, section.bodyEnd).join('\n'))
  if (!notes) throw new ChangelogError(`The CHANGELOG.md entry for ${version} is empty`)
  return notes
}

/**
 * The changelog with [Unreleased]'s content moved under `## [version] - date`, an empty
 * [Unreleased] left on top, and the compare links at the bottom brought up to date.
 */
export function cutRelease(changelog, version, date) {
  if (!VERSION.test(version)) throw new ChangelogError(`"${version}" is not a version like 1.2.3`)
  if (releasedVersions(changelog).includes(version)) {
    throw new ChangelogError(`CHANGELOG.md already has an entry for ${version}`)
  }
  const notes = unreleasedNotes(changelog)
  if (!notes) {
    throw new ChangelogError(
      '[Unreleased] in CHANGELOG.md is empty: say what this release changes first'
    )
  }
  const previous = releasedVersions(changelog)[0]
  const lines = changelog.split('\n')
  const unreleased = sections(lines).find(s => s.name === 'Unreleased')
  const head = lines.slice(0, unreleased.bodyStart)
  const rest = lines.slice(unreleased.bodyEnd)
  const out = [...head, '', `## [${version}] - ${date}`, '', notes, '', ...rest]

  const unreleasedLink = out.findIndex(line => line.startsWith('[Unreleased]: '))
  if (unreleasedLink !== -1) {
    const base = /^\[Unreleased\]: (\S+)\/compare\/\S+$/.exec(out[unreleasedLink])?.[1]
    if (base) {
      const versionLink = previous
        ? `[${version}]: ${base}/compare/v${previous}...v${version}`
        : `[${version}]: ${base}/releases/tag/v${version}`
      out.splice(unreleasedLink, 1, `[Unreleased]: ${base}/compare/v${version}...HEAD`, versionLink)
    }
  }
  return out.join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [command, version] = process.argv.slice(2)
  if (command !== 'notes' || !version) {
    process.stderr.write('usage: node scripts/changelog.mjs notes <version>\n')
    process.exit(2)
  }
  try {
    process.stdout.write(`${releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), version)}\n`)
  } catch (error) {
    process.stderr.write(`${error.message}\n`)
    process.exit(1)
  }
}
