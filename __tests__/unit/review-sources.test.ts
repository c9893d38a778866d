/**
 * The GitHub review sources against the stateful fake GitHub on loopback, through the same
 * Octokit the action makes: real commits between two revisions for compare, and the Packages
 * API's versions list (organisations, users, pagination, refusals) for GHCR push times.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAnonymousOctokit, createOctokit } from '../../src/adapters/github/octokit.js'
import {
  GitHubReviewSourcesClient,
  containerRegistryHost,
  parseSourceRepository
} from '../../src/adapters/github/review-sources.js'
import { type Digest, parseDigest } from '../../src/domain/oci/digest.js'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'

const OWNER = 'octo-org'
const REPO = 'widgets'
const digest = (n: number): Digest => parseDigest(`sha256:${n.toString(16).padStart(64, '0')}`)
const quiet = { info: () => undefined, warning: () => undefined }

describe('parseSourceRepository', () => {
  const server = 'https://github.com'
  it.each([
    ['https://github.com/o/r', { owner: 'o', repo: 'r' }],
    ['https://github.com/o/r.git', { owner: 'o', repo: 'r' }],
    ['https://GitHub.com/o-1/r.x_y/tree/main/sub', { owner: 'o-1', repo: 'r.x_y' }],
    [' https://github.com/o/r \n', { owner: 'o', repo: 'r' }]
  ])('%j names a repository on the host', (source, expected) => {
    expect(parseSourceRepository(source, server)).toEqual(expected)
  })
  it.each([
    'http://github.com/o/r',
    'https://github.com.evil.example/o/r',
    'https://evil.example/github.com/o/r',
    'https://user:pass@github.com/o/r',
    'https://github.com/o/r?x=1',
    'https://github.com/o/r#readme',
    'https://github.com/o',
    'https://github.com/o/..',
    'https://github.com/-o/r',
    'git@github.com:o/r.git',
    'github.com/o/r',
    'https://github.com:8443/o/r',
    ''
  ])('%j is no repository on the host', source => {
    expect(parseSourceRepository(source, server)).toBeUndefined()
  })
  it('follows a GitHub Enterprise Server host, port and scheme included', () => {
    expect(parseSourceRepository('http://127.0.0.1:8080/o/r', 'http://127.0.0.1:8080')).toEqual({
      owner: 'o',
      repo: 'r'
    })
    expect(
      parseSourceRepository('https://github.com/o/r', 'https://ghe.example.com')
    ).toBeUndefined()
  })
})

describe('containerRegistryHost', () => {
  it('is ghcr.io for github.com and containers.<host> on GitHub Enterprise', () => {
    expect(containerRegistryHost('https://github.com')).toBe('ghcr.io')
    expect(containerRegistryHost('https://GHE.example.com/')).toBe('containers.ghe.example.com')
    expect(containerRegistryHost('https://octocorp.ghe.com')).toBe('containers.octocorp.ghe.com')
  })
})

describe('GitHubReviewSourcesClient against the fake GitHub', () => {
  let github: FakeGitHub
  let base: string
  let head: string
  let debug: string[]
  const savedApiUrl = process.env.GITHUB_API_URL

  const sources = (options: { authenticated?: boolean; maxVersionPages?: number } = {}) =>
    new GitHubReviewSourcesClient({
      serverUrl: github.url,
      authenticated: options.authenticated ?? true,
      maxVersionPages: options.maxVersionPages,
      logger: { debug: message => debug.push(message) },
      connect: async () => {
        const octokit = createOctokit(github.token, quiet)
        return (route, params) => octokit.request(route, params)
      }
    })

  beforeAll(async () => {
    github = await startFakeGitHub({ owner: OWNER, repo: REPO, files: { 'README.md': '# w\n' } })
    process.env.GITHUB_API_URL = github.url
    base = github.branchSha('main')!
    for (let i = 1; i <= 12; i++)
      github.commit(
        'main',
        { [`f${i}.txt`]: `${i}\n` },
        `Change ${i}: [link](https://x.example) @someone\n\nThe body, which is no headline.`,
        { author: i % 2 ? 'alice' : 'Bob Builder <bob@example.com>' }
      )
    head = github.branchSha('main')!
  })

  afterAll(async () => {
    await github.stop()
    if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL
    else process.env.GITHUB_API_URL = savedApiUrl
  })

  beforeEach(() => {
    github.clearRequests()
    debug = []
  })

  describe('compareCommits', () => {
    it('lists the first 10 of the real commits between two revisions, oldest first, with the count and the compare link', async () => {
      const range = await sources().compareCommits(`${github.url}/${OWNER}/${REPO}.git`, base, head)
      expect(range?.count).toBe(12)
      expect(range?.url).toBe(`${github.url}/${OWNER}/${REPO}/compare/${base}...${head}`)
      const history = github.branchCommits('main').reverse().slice(1, 11)
      expect(range?.commits).toEqual(
        history.map((c, i) => ({
          sha: c.sha,
          headline: `Change ${i + 1}: [link](https://x.example) @someone`,
          ...(i % 2 === 0 ? { author: 'alice' } : {}),
          url: `${github.url}/${OWNER}/${REPO}/commit/${c.sha}`
        }))
      )
      expect(github.requests.map(r => [r.route, r.query])).toEqual([
        ['GET /repos/{owner}/{repo}/compare/{basehead}', { per_page: '10', page: '1' }]
      ])
    })

    it('asks once per run for the same range', async () => {
      const client = sources()
      const source = `${github.url}/${OWNER}/${REPO}`
      await client.compareCommits(source, base, head)
      await client.compareCommits(source, base, head)
      expect(github.requests).toHaveLength(1)
    })

    it('asks nothing about a repository on another host, and never sends the token there', async () => {
      const client = sources()
      for (const source of [
        `https://github.com/${OWNER}/${REPO}`,
        `${github.url.replace('127.0.0.1', 'localhost')}/${OWNER}/${REPO}`,
        'not a url'
      ])
        expect(await client.compareCommits(source, base, head)).toBeUndefined()
      expect(
        await client.compareCommits(`${github.url}/${OWNER}/${REPO}`, '../x', head)
      ).toBeUndefined()
      expect(github.requests).toHaveLength(0)
    })

    it('without a token, asks only github.com', async () => {
      const client = sources({ authenticated: false })
      expect(
        await client.compareCommits(`${github.url}/${OWNER}/${REPO}`, base, head)
      ).toBeUndefined()
      expect(github.requests).toHaveLength(0)
    })

    it('throws a neutral error naming the range when GitHub refuses', async () => {
      const source = `${github.url}/${OWNER}/${REPO}`
      await expect(sources().compareCommits(source, base, 'v9.9.9')).rejects.toThrow(
        `GitHub did not compare ${OWNER}/${REPO} ${base.slice(0, 7)}...v9.9.9 (HTTP 404)`
      )
    })
  })

  describe('packageVersionCreated', () => {
    const registry = () => containerRegistryHost(github.url)

    beforeAll(() => {
      for (let i = 1; i <= 150; i++)
        github.addPackageVersion({
          ownerKind: 'org',
          owner: OWNER,
          name: 'widgets/api',
          digest: digest(i),
          createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
          updatedAt: '2026-11-30T00:00:00Z'
        })
      github.addPackageVersion({
        ownerKind: 'user',
        owner: 'alice',
        name: 'tool',
        digest: digest(7),
        createdAt: '2026-05-04T03:02:01Z'
      })
    })

    it('reads created_at of the version named by the digest, paging up to the bound', async () => {
      const client = sources()
      const image = { registry: registry(), repository: `${OWNER}/widgets/api` }
      // Newest first: version 150 is on page 1, version 10 on page 2.
      expect(await client.packageVersionCreated(image, digest(150))).toBe('2026-01-07T06:00:00Z')
      expect(await client.packageVersionCreated(image, digest(10))).toBe('2026-01-01T10:00:00Z')
      expect(github.requests.map(r => [r.path, r.query.page])).toEqual([
        [`/orgs/${OWNER}/packages/container/widgets/api/versions`, '1'],
        [`/orgs/${OWNER}/packages/container/widgets/api/versions`, '2']
      ])
      expect(github.requests.every(r => r.route?.endsWith('/{package_name}/versions'))).toBe(true)
    })

    it('reads each page once per run, and stops at the page bound', async () => {
      const client = sources({ maxVersionPages: 1 })
      const image = { registry: registry(), repository: `${OWNER}/widgets/api` }
      expect(await client.packageVersionCreated(image, digest(149))).toBeDefined()
      expect(await client.packageVersionCreated(image, digest(3))).toBeUndefined()
      expect(github.requests).toHaveLength(1)
      expect(debug.join('\n')).toContain('not among the newest 100 versions')
    })

    it("falls back to the user's packages when the owner is no organisation", async () => {
      const image = { registry: registry().toUpperCase(), repository: 'alice/tool' }
      expect(await sources().packageVersionCreated(image, digest(7))).toBe('2026-05-04T03:02:01Z')
      expect(github.requests.map(r => [r.path, r.status])).toEqual([
        ['/orgs/alice/packages/container/tool/versions', 404],
        ['/users/alice/packages/container/tool/versions', 200]
      ])
    })

    it('answers undefined, logging at debug, when the token may not read packages', async () => {
      github.failNext(1, {
        status: 403,
        body: { message: 'Resource not accessible by integration' },
        match: { path: /\/packages\// }
      })
      const image = { registry: registry(), repository: `${OWNER}/widgets/api` }
      expect(await sources().packageVersionCreated(image, digest(150))).toBeUndefined()
      expect(debug).toEqual([
        `GitHub Packages: ghcr package ${OWNER}/widgets/api cannot be read (HTTP 403); the token needs packages: read and access to the package`
      ])
    })

    it('asks nothing for another registry, a one-part name, or without a token', async () => {
      const image = { registry: 'docker.io', repository: `${OWNER}/widgets` }
      expect(await sources().packageVersionCreated(image, digest(1))).toBeUndefined()
      const bare = { registry: registry(), repository: 'widgets' }
      expect(await sources().packageVersionCreated(bare, digest(1))).toBeUndefined()
      const ghcr = { registry: registry(), repository: `${OWNER}/widgets/api` }
      expect(
        await sources({ authenticated: false }).packageVersionCreated(ghcr, digest(1))
      ).toBeUndefined()
      expect(github.requests).toHaveLength(0)
    })
  })
})

describe('createAnonymousOctokit', () => {
  it('sends no authorization header at all', async () => {
    const seen: Array<string | undefined> = []
    const server = createServer((req, res) => {
      seen.push(req.headers.authorization)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"total_commits":0,"commits":[]}')
    })
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
    const saved = process.env.GITHUB_API_URL
    process.env.GITHUB_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      await createAnonymousOctokit(quiet).request('GET /repos/{owner}/{repo}/compare/{basehead}', {
        owner: 'o',
        repo: 'r',
        basehead: 'a...b'
      })
      await createOctokit('ghs_secret', quiet).request('GET /rate_limit')
    } finally {
      if (saved === undefined) delete process.env.GITHUB_API_URL
      else process.env.GITHUB_API_URL = saved
      await new Promise(done => server.close(done))
    }
    expect(seen).toEqual([undefined, 'token ghs_secret'])
  })
})
