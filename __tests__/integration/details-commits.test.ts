/**
 * The commits behind a move, end to end (issue 14): the bundled action against the real local
 * registry, whose images carry OCI source and revision labels, and the fake GitHub, whose
 * repository holds real commits between those revisions. The compare range reaches the
 * `updates` output, the pull request body and the job summary. The fake serves plain http,
 * so commit and compare pages stay unlinked and the footer gets no run link (both https only).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'
import { runAction } from '../support/run-action.js'

const CONFIG = '.github/containers.yml'
const SOURCE = 'org.opencontainers.image.source'
const REVISION = 'org.opencontainers.image.revision'
const MONA = 'Mona Lisa <mona@users.noreply.github.com>'
const HUBOT = 'Hubot <1234+hubot@users.noreply.github.com>'

/** The commits pushed onto main after the initial one, oldest first. */
const HISTORY: Array<{ headline: string; author: string }> = [
  { headline: 'Add the tool', author: MONA },
  { headline: 'Read the config from stdin', author: HUBOT },
  { headline: 'Fix the exit code on bad input', author: MONA },
  { headline: 'Ship a slimmer image', author: HUBOT },
  { headline: 'Bump the base image', author: MONA }
]
const login = (author: string) => /<(?:\d+\+)?([^@]+)@/.exec(author)![1]!

describe('the commits behind a move', () => {
  let registry: RegistryHandle
  let github: FakeGitHub
  let workspace: string
  /** Commit shas of HISTORY, in the same order. */
  const shas: string[] = []
  const previous: Record<string, string> = {}

  const config = () =>
    `containers:\n${['full', 'slim']
      .map(
        tag =>
          `  - name: tool-${tag}\n    image: ${registry.host}/acme/tool:${tag}\n    digest: "${previous[tag]}"\n`
      )
      .join('')}`

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token' })
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'tool',
      files: { 'README.md': '# tool\n' }
    })
    HISTORY.forEach(({ headline, author }, i) => {
      shas.push(
        github.commit(
          'main',
          { [`src/step-${i}.txt`]: `${headline}\n` },
          `${headline}\n\nWhy: step ${i}.`,
          {
            author
          }
        )
      )
    })
    const push = async (tag: string, revision: string, seed: string) =>
      (
        await registry.pushImage('acme/tool', tag, {
          seed,
          labels: { [SOURCE]: `${github.url}/acme/tool`, [REVISION]: revision }
        })
      ).digest
    // full moves from HISTORY[0] to HISTORY[3]; slim, in the same repository, from [2] to [4].
    previous.full = await push('full', shas[0]!, 'full old')
    await push('full', shas[3]!, 'full new')
    previous.slim = await push('slim', shas[2]!, 'slim old')
    await push('slim', shas[4]!, 'slim new')
    github.commit('main', { [CONFIG]: config() }, 'Pin the tool images')
    workspace = mkdtempSync(join(tmpdir(), 'details-commits-'))
    mkdirSync(join(workspace, '.github'))
  })

  afterAll(async () => {
    await github?.stop()
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  /** The Details block of one target, up to the next heading or section. */
  const block = (markdown: string, name: string) => {
    const start = markdown.indexOf(`#### ${name}\n`)
    expect(start).toBeGreaterThanOrEqual(0)
    const rest = markdown.slice(start)
    const end = rest.search(/\n#{2,4} /)
    return end < 0 ? rest : rest.slice(0, end)
  }

  /** The Details section, up to the next section. */
  const details = (markdown: string) => {
    const start = markdown.indexOf('### Details\n')
    expect(start).toBeGreaterThanOrEqual(0)
    const rest = markdown.slice(start)
    const end = rest.search(/\n### /)
    return end < 0 ? rest : rest.slice(0, end)
  }

  /** What a target's block says of a range: the count line, then each headline with its login. */
  const expectCommits = (text: string, from: number, to: number) => {
    const listed = HISTORY.slice(from + 1, to + 1)
    const count = `- **Commits**: ${listed.length} commits`
    const lines = listed.map(c => `  - ${c.headline} by ${login(c.author)}`)
    expect(text).toContain([count, ...lines].join('\n'))
    expect(text).not.toContain('@mona')
    expect(text).not.toContain('@hubot')
  }

  it('puts each range into the outputs, the pull request body and the summary', async () => {
    writeFileSync(join(workspace, CONFIG), github.readFile('main', CONFIG)!)
    const run = await runAction({
      workspace,
      inputs: { config: CONFIG, token: github.token, 'pull-request': 'true' },
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: github.url,
        GITHUB_REPOSITORY: 'acme/tool',
        GITHUB_RUN_ID: '4242'
      }
    })
    expect(run.exitCode).toBe(0)

    const updates = JSON.parse(run.outputs.updates!) as Array<Record<string, unknown>>
    const commits = Object.fromEntries(updates.map(u => [String(u.name), u.commits]))
    expect(commits).toEqual({
      'tool-full': { count: 3, url: `${github.url}/acme/tool/compare/${shas[0]}...${shas[3]}` },
      'tool-slim': { count: 2, url: `${github.url}/acme/tool/compare/${shas[2]}...${shas[4]}` }
    })

    const [pull] = github.pulls()
    expect(github.pulls()).toHaveLength(1)
    const body = pull!.body!
    expectCommits(block(body, 'tool-full'), 0, 3)
    expectCommits(block(body, 'tool-slim'), 2, 4)
    // The slim range leaves out what came before its base.
    expect(block(body, 'tool-slim')).not.toContain(HISTORY[1]!.headline)
    // On http, commit and compare pages are not linked, nor is the run in the footer (the
    // Upstream Changes section links the label's source on http too, by its own rules).
    expect(details(body)).not.toContain('](')
    expect(body).not.toContain('this workflow run')
    expect(body).toMatch(/\n_This PR was automatically generated on \d{4}-\d{2}-\d{2}_\n$/)
    expect(run.stdout).toContain('The pull request gets no link to this run')

    expect(run.summary).toContain('### Details')
    expectCommits(block(run.summary, 'tool-full'), 0, 3)
    expectCommits(block(run.summary, 'tool-slim'), 2, 4)
  })
})
