/**
 * What GitHub can tell a reviewer about a move (the run's GitHubReviewSources port, which this
 * fits structurally since adapters may not import the run): when GHCR first saw a digest, from
 * the Packages API, and the commits between two revisions, from the compare API. Both ask only
 * the run's own GitHub host, through the one client the edge gives, so the token never goes
 * anywhere else; an OCI label naming another host is simply not asked about.
 */
import type { Digest } from '../../domain/oci/digest.js'
import type { CommitRange, CommitSummary } from '../../domain/review.js'
import { status } from './pull-request-error.js'

/** The part of Octokit this adapter uses: one REST request. */
export type GitHubRequest = (
  route: string,
  params: Record<string, unknown>
) => Promise<{ data: unknown; headers: Record<string, unknown> }>

export interface ReviewSourcesLogger {
  debug(message: string): void
}

export interface ReviewSourcesOptions {
  /** GITHUB_SERVER_URL: where the web pages are, e.g. https://github.com. */
  serverUrl: string
  /** Creates the client on first use, so a run with nothing to review never loads Octokit. */
  connect: () => Promise<GitHubRequest>
  /**
   * False for a client without a token: the Packages API needs one, and github.com is the
   * only host that answers compare anonymously.
   */
  authenticated: boolean
  logger: ReviewSourcesLogger
  /** Pages of 100 versions read per package before giving up; default 5. */
  maxVersionPages?: number
}

/** Most commits a range lists; the count and the compare link tell the rest. */
export const MAX_COMMITS = 10
const VERSIONS_PER_PAGE = 100
const HEADLINE_MAX = 200
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/
const REPO = /^[A-Za-z0-9._-]{1,100}$/
/** A revision as OCI labels carry it: a commit id, or a tag-like name without slashes. */
const REVISION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
const SHA = /^[0-9a-f]{40}$/
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/

/** The container registry of a GitHub host: ghcr.io for github.com, `containers.<host>` else. */
export function containerRegistryHost(serverUrl: string): string {
  const host = new URL(serverUrl).host.toLowerCase()
  return host === 'github.com' ? 'ghcr.io' : `containers.${host}`
}

/**
 * The repository an OCI `source` label names, when it is on the server: same scheme and host
 * (and port), `/OWNER/REPO`, `.git` or further path allowed, nothing else (no credentials, no
 * query, no fragment). Anything else is undefined: a label is untrusted text.
 */
export function parseSourceRepository(
  source: string,
  serverUrl: string
): { owner: string; repo: string } | undefined {
  let url: URL
  try {
    url = new URL(source.trim())
  } catch {
    return undefined
  }
  const server = new URL(serverUrl)
  if (url.protocol !== server.protocol || url.host.toLowerCase() !== server.host.toLowerCase())
    return undefined
  if (url.username || url.password || url.search || url.hash) return undefined
  const [, owner = '', name = ''] = url.pathname.split('/')
  const repo = name.endsWith('.git') ? name.slice(0, -4) : name
  if (!OWNER.test(owner) || !REPO.test(repo) || repo === '.' || repo === '..') return undefined
  return { owner, repo }
}

interface VersionPage {
  versions: Array<{ name?: unknown; created_at?: unknown }>
  more: boolean
}

interface PackageListing {
  /** Known once page 1 is read: which path answered; null when neither could be read. */
  kind?: 'orgs' | 'users' | null
  pages: Map<number, Promise<VersionPage>>
}

export class GitHubReviewSourcesClient {
  private request: Promise<GitHubRequest> | undefined
  private readonly server: string
  private readonly registry: string
  /** Per package (`owner/name`): the pages read so far, and under which owner kind. */
  private readonly packages = new Map<string, PackageListing>()
  private readonly compares = new Map<string, Promise<CommitRange | undefined>>()

  constructor(private readonly options: ReviewSourcesOptions) {
    this.server = options.serverUrl.replace(/\/+$/, '')
    this.registry = containerRegistryHost(this.server)
  }

  async packageVersionCreated(
    image: { registry: string; repository: string },
    digest: Digest
  ): Promise<string | undefined> {
    if (!this.options.authenticated || image.registry.toLowerCase() !== this.registry)
      return undefined
    const slash = image.repository.indexOf('/')
    if (slash < 1 || slash === image.repository.length - 1) return undefined
    const owner = image.repository.slice(0, slash)
    const name = image.repository.slice(slash + 1)
    const maxPages = this.options.maxVersionPages ?? 5
    for (let page = 1; page <= maxPages; page++) {
      const listing = await this.versionPage(owner, name, page)
      const hit = listing.versions.find(v => v.name === digest)
      if (hit) return rfc3339(hit.created_at)
      if (!listing.more) return undefined
    }
    this.options.logger.debug(
      `GitHub Packages: ${digest} is not among the newest ${maxPages * VERSIONS_PER_PAGE} versions of ${image.registry}/${image.repository}`
    )
    return undefined
  }

  compareCommits(source: string, base: string, head: string): Promise<CommitRange | undefined> {
    const repository = parseSourceRepository(source, this.server)
    if (!repository || !REVISION.test(base) || !REVISION.test(head))
      return Promise.resolve(undefined)
    if (!this.options.authenticated && new URL(this.server).host.toLowerCase() !== 'github.com')
      return Promise.resolve(undefined)
    const key = `${repository.owner}/${repository.repo}/${base}...${head}`.toLowerCase()
    let range = this.compares.get(key)
    if (!range) {
      range = this.compare(repository, base, head)
      this.compares.set(key, range)
    }
    return range
  }

  private connect(): Promise<GitHubRequest> {
    this.request ??= this.options.connect()
    return this.request
  }

  /** One page of a package's versions, read once; an unreadable package is an empty page. */
  private versionPage(owner: string, name: string, page: number): Promise<VersionPage> {
    const key = `${owner}/${name}`.toLowerCase()
    let known = this.packages.get(key)
    if (!known) {
      known = { pages: new Map() }
      this.packages.set(key, known)
    }
    let cached = known.pages.get(page)
    if (!cached) {
      cached = this.readVersionPage(known, owner, name, page)
      known.pages.set(page, cached)
    }
    return cached
  }

  private async readVersionPage(
    known: PackageListing,
    owner: string,
    name: string,
    page: number
  ): Promise<VersionPage> {
    const none: VersionPage = { versions: [], more: false }
    const where = `ghcr package ${owner}/${name}`
    const ask = async (kind: 'orgs' | 'users') => {
      const request = await this.connect()
      const route =
        kind === 'orgs'
          ? 'GET /orgs/{owner}/packages/container/{name}/versions'
          : 'GET /users/{owner}/packages/container/{name}/versions'
      const { data, headers } = await request(route, {
        owner,
        name,
        per_page: VERSIONS_PER_PAGE,
        page
      })
      const link = typeof headers.link === 'string' ? headers.link : ''
      return { versions: Array.isArray(data) ? data : [], more: /rel="next"/.test(link) }
    }
    try {
      if (page === 1) {
        // The owner is an organisation or a user; only GitHub knows which, so the first page
        // asks the organisation path and falls back once. Later pages follow the first.
        try {
          const first = await ask('orgs')
          known.kind = 'orgs'
          return first
        } catch (error) {
          if (status(error) !== 404) throw error
          const first = await ask('users')
          known.kind = 'users'
          return first
        }
      }
      return known.kind ? await ask(known.kind) : none
    } catch (error) {
      known.kind = null
      const code = status(error)
      this.options.logger.debug(
        code === 403 || code === 404
          ? `GitHub Packages: ${where} cannot be read (HTTP ${code}); the token needs packages: read and access to the package`
          : `GitHub Packages: ${where} could not be read (${code ? `HTTP ${code}` : 'no answer'})`
      )
      return none
    }
  }

  private async compare(
    repository: { owner: string; repo: string },
    base: string,
    head: string
  ): Promise<CommitRange> {
    const { owner, repo } = repository
    const web = `${this.server}/${owner}/${repo}`
    const basehead = `${base}...${head}`
    let data: { total_commits?: unknown; commits?: unknown }
    try {
      const request = await this.connect()
      // The first page of 10: the count is the whole range's, the list its oldest commits.
      data = (
        await request('GET /repos/{owner}/{repo}/compare/{basehead}', {
          owner,
          repo,
          basehead,
          per_page: MAX_COMMITS,
          page: 1
        })
      ).data as typeof data
    } catch (error) {
      const code = status(error)
      throw new Error(
        `GitHub did not compare ${owner}/${repo} ${short(base)}...${short(head)} (${code ? `HTTP ${code}` : 'no answer'})`,
        { cause: error }
      )
    }
    const listed = Array.isArray(data.commits) ? data.commits : []
    const commits = listed
      .slice(0, MAX_COMMITS)
      .map(c => commitSummary(c, web))
      .filter((c): c is CommitSummary => c !== undefined)
    const total = Number(data.total_commits)
    return {
      count: Number.isInteger(total) && total >= commits.length ? total : commits.length,
      url: `${web}/compare/${encodeURIComponent(base)}...${encodeURIComponent(head)}`,
      commits
    }
  }
}

/** A commit as the compare API lists it, with its links built here, not taken from the answer. */
function commitSummary(value: unknown, web: string): CommitSummary | undefined {
  const c = value as { sha?: unknown; commit?: { message?: unknown }; author?: { login?: unknown } }
  if (typeof c.sha !== 'string' || !SHA.test(c.sha)) return undefined
  const message = typeof c.commit?.message === 'string' ? c.commit.message : ''
  let headline = message.split(/\r?\n/, 1)[0]!.trim()
  if (headline.length > HEADLINE_MAX) headline = `${headline.slice(0, HEADLINE_MAX - 1)}…`
  const login = c.author?.login
  return {
    sha: c.sha,
    headline,
    ...(typeof login === 'string' && LOGIN.test(login) ? { author: login } : {}),
    url: `${web}/commit/${c.sha}`
  }
}

function short(revision: string): string {
  return SHA.test(revision) ? revision.slice(0, 7) : revision
}

/** An RFC 3339 time in UTC, or undefined for anything that is not a time. */
function rfc3339(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace(/\.000Z$/, 'Z')
}
