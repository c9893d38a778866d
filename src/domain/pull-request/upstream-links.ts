/**
 * The "Upstream Changes" links: each image's source repository, and for GitHub repositories
 * a compare view between the old and the new image's revisions. Only URLs that parse as
 * http(s), only GitHub owner and repository names, only commit ids go into a link.
 */
import { escapeMarkdown, link, linkDestination, safeUrl } from '../text/markdown.js'
import type { BodyUpdate } from './body.js'

/** Only a commit id goes into a compare URL; anything else could point the link elsewhere. */
const REVISION = /^[0-9a-f]{7,40}$/i

/** GitHub owner and repository names; anything else is not a GitHub repository URL. */
const GITHUB_PATH =
  /^\/([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/

interface Source {
  /** The repository link's text: owner/repo on GitHub, host and path elsewhere. */
  name: string
  url: URL
  /** Set for GitHub repositories, which have compare views. */
  github: boolean
  /** Distinct revision pairs, lowercase, in first-seen order. */
  pairs: Map<string, [string, string]>
}

function parseSource(
  value: string
): { key: string; name: string; url: URL; github: boolean } | undefined {
  const url = safeUrl(value)
  if (!url) return undefined
  const match =
    url.hostname === 'github.com' && url.port === '' ? GITHUB_PATH.exec(url.pathname) : null
  const owner = match?.[1]
  const repo = match?.[2]
  if (owner && repo && repo !== '.' && repo !== '..') {
    const name = `${owner}/${repo}`
    // GitHub names are case-insensitive: two spellings are one repository.
    return {
      key: `github:${name.toLowerCase()}`,
      name,
      url: new URL(`https://github.com/${name}`),
      github: true
    }
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\.git$/, '')
  return { key: url.href, name: `${url.host}${path}`, url, github: false }
}

/** Same commit: equal ids, or one an abbreviation of the other. */
function sameCommit(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a)
}

export function upstreamLinks(updates: BodyUpdate[]): string[] {
  const sources = new Map<string, Source>()
  for (const u of updates) {
    const parsed = u.upstream?.source ? parseSource(u.upstream.source) : undefined
    if (!parsed) continue
    let source = sources.get(parsed.key)
    if (!source) {
      source = { name: parsed.name, url: parsed.url, github: parsed.github, pairs: new Map() }
      sources.set(parsed.key, source)
    }
    const previous = u.upstream?.previousRevision?.trim().toLowerCase()
    const current = u.upstream?.currentRevision?.trim().toLowerCase()
    if (
      source.github &&
      previous &&
      current &&
      REVISION.test(previous) &&
      REVISION.test(current) &&
      !sameCommit(previous, current)
    )
      source.pairs.set(`${previous}...${current}`, [previous, current])
  }

  // The template's wording when there is one compare link; with several, each says which
  // repository and revisions it spans.
  const compareCount = [...sources.values()].reduce((n, s) => n + s.pairs.size, 0)
  const lines: string[] = []
  for (const source of sources.values()) {
    for (const [range, [previous, current]] of source.pairs) {
      const url = new URL(`${source.url.href}/compare/${range}`)
      // Link text may hold parentheses; only the name needs escaping.
      const label =
        compareCount === 1
          ? 'View commits since last update'
          : `View commits since last update (${escapeMarkdown(source.name)} ${previous.slice(0, 7)}...${current.slice(0, 7)})`
      lines.push(`- [${label}](${linkDestination(url)})`)
    }
    lines.push(`- ${link(`${source.name} repository`, source.url)}`)
  }
  return lines
}
