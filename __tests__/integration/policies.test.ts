/**
 * The cooldown and the immutable gate end to end (issue 15): the bundled action against the
 * real local registry and the fake GitHub, whose first-seen store outlives runs and a restart
 * of the fake. The clock is injected (IMAGE_DIGEST_UPDATER_TEST_NOW), never slept. Rewind and
 * size are in gates.test.ts, the lost platform in details-registry.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'
import { annotations, runAction } from '../support/run-action.js'
import { runCli } from '../support/run-cli.js'
import { GitHubFirstSeenStore } from '../../src/adapters/github/first-seen.js'
import { createOctokit } from '../../src/adapters/github/octokit.js'
import { silentLogger } from '../../src/adapters/registry/http.js'
import type { Digest } from '../../src/domain/oci/digest.js'

const CONFIG = '.github/containers.yml'
const REF = 'refs/image-digest-updater/first-seen'
const T0 = Date.parse('2026-11-01T08:00:00Z')
const HOUR = 3_600_000
const DAY = 24 * HOUR
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

function config(x86: string, release: string): string {
  return `containers:
  - name: x86_64
    tag: x86_64
    digest: ${x86}
  - name: release
    tag: v1.2.3
    digest: ${release}
`
}

interface Held {
  name: string
  candidate: string
  current: string
  reason: string
  until: string | null
}

describe('policies', () => {
  let registry: RegistryHandle
  let github: FakeGitHub
  let dir: string
  let workspace: string
  let stateFile: string
  let image: string
  const old: Record<string, string> = {}

  const start = () =>
    startFakeGitHub({
      owner: 'acme',
      repo: 'builds',
      files: { 'README.md': '# builds\n' },
      stateFile
    })

  const run = (at: number, inputs: Record<string, string> = {}) =>
    runAction({
      workspace,
      inputs: {
        config: CONFIG,
        image,
        token: github.token,
        'pull-request': 'false',
        'min-age': '3d',
        'immutable-tags': '^v[0-9]+\\.[0-9]+\\.[0-9]+$',
        ...inputs
      },
      env: { GITHUB_API_URL: github.url, IMAGE_DIGEST_UPDATER_TEST_NOW: iso(at) }
    })

  const held = (outputs: Record<string, string>): Held[] => JSON.parse(outputs.held!) as Held[]
  const storedTimes = () =>
    JSON.parse(github.readFile(REF, 'first-seen.json') ?? '{"tags":{}}') as {
      tags: Record<string, { digest: string; first_seen: string }>
    }

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
    image = `${registry.host}/acme/app`
    old.x86 = (await registry.pushImage('acme/app', 'x86_64', { seed: 'old x86' })).digest
    old.release = (await registry.pushImage('acme/app', 'v1.2.3', { seed: 'old release' })).digest
    dir = mkdtempSync(join(tmpdir(), 'policies-'))
    stateFile = join(dir, 'github.json')
    workspace = join(dir, 'workspace')
    mkdirSync(join(workspace, '.github'), { recursive: true })
    writeFileSync(join(workspace, CONFIG), config(old.x86, old.release))
    github = await start()
  })

  afterAll(async () => {
    await github?.stop()
    await registry?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  let candidate: string
  let release: string

  it('holds a re-pushed tag inside the cooldown and keeps the old digest in file and matrix', async () => {
    candidate = (await registry.pushImage('acme/app', 'x86_64', { seed: 'new x86' })).digest
    release = (await registry.pushImage('acme/app', 'v1.2.3', { seed: 're-pushed' })).digest
    const result = await run(T0)
    expect(result.exitCode).toBe(0)
    expect(held(result.outputs)[0]).toEqual({
      name: 'x86_64',
      image: image,
      tag: 'x86_64',
      current: old.x86,
      candidate,
      reason: `waiting, 0 of 3 days (first seen ${iso(T0)})`,
      until: iso(T0 + 3 * DAY)
    })
    expect(readFileSync(join(workspace, CONFIG), 'utf8')).toBe(config(old.x86!, old.release!))
    const matrix = JSON.parse(result.outputs.matrix!) as { include: Array<{ image_ref: string }> }
    expect(matrix.include[0]!.image_ref).toBe(`${image}:x86_64@${old.x86}`)
    expect(result.outputs.changed).toBe('false')
    expect(result.summary).toContain('held: waiting, 0 of 3 days')
    expect(storedTimes().tags[`${image}:x86_64`]).toEqual({
      digest: candidate,
      first_seen: iso(T0)
    })
  })

  it('makes a re-pushed immutable tag an error naming both digests, never written', async () => {
    const result = await run(T0 + HOUR)
    const failed = JSON.parse(result.outputs.failed!) as Array<{ name: string; error: string }>
    expect(failed).toEqual([
      {
        name: 'release',
        image,
        tag: 'v1.2.3',
        error: `immutable tag v1.2.3 moved from ${old.release} to ${release}; keeping ${old.release}`
      }
    ])
    expect(annotations(result, 'error').join('\n')).toContain(
      `release: immutable tag v1.2.3 moved from ${old.release} to ${release}`
    )
    expect(held(result.outputs).map(h => h.name)).toEqual(['x86_64', 'release'])
    expect(readFileSync(join(workspace, CONFIG), 'utf8')).toContain(`digest: ${old.release}`)
  })

  it('counts from the first-seen time across runs', async () => {
    const result = await run(T0 + DAY + HOUR)
    expect(held(result.outputs)[0]!.reason).toBe(`waiting, 1 of 3 days (first seen ${iso(T0)})`)
  })

  it('keeps the first-seen times across a restart of the fake GitHub', async () => {
    await github.stop()
    github = await start()
    const result = await run(T0 + 2 * DAY + HOUR)
    expect(held(result.outputs)[0]!.reason).toBe(`waiting, 2 of 3 days (first seen ${iso(T0)})`)
  })

  it('a dry run reads the times but writes none', async () => {
    const before = storedTimes()
    const result = await run(T0 + 2 * DAY + 2 * HOUR, { 'dry-run': 'true' })
    expect(held(result.outputs)[0]!.reason).toContain('2 of 3 days')
    expect(storedTimes()).toEqual(before)
  })

  it('restarts the clock when the candidate is replaced while waiting', async () => {
    const replaced = (await registry.pushImage('acme/app', 'x86_64', { seed: 'newer x86' })).digest
    const at = T0 + 2 * DAY + 3 * HOUR
    const result = await run(at)
    expect(held(result.outputs)[0]).toMatchObject({
      candidate: replaced,
      reason: `waiting, 0 of 3 days (first seen ${iso(at)})`,
      until: iso(at + 3 * DAY)
    })
    candidate = replaced
  })

  it('proposes the digest once the cooldown has passed', async () => {
    const result = await run(T0 + 6 * DAY)
    expect(result.exitCode).toBe(0)
    expect(held(result.outputs).map(h => h.name)).toEqual(['release'])
    expect(result.outputs.changed).toBe('true')
    expect(readFileSync(join(workspace, CONFIG), 'utf8')).toBe(config(candidate, old.release!))
  })
})

describe('the first-seen store', () => {
  let github: FakeGitHub
  const record = (c: string, at: string) => ({
    digest: `sha256:${c.repeat(64)}` as Digest,
    first_seen: at
  })

  beforeAll(async () => {
    github = await startFakeGitHub({ owner: 'acme', repo: 'builds', files: { 'README.md': '' } })
    process.env.GITHUB_API_URL = github.url
  })

  afterAll(async () => {
    delete process.env.GITHUB_API_URL
    await github?.stop()
  })

  const store = () =>
    new GitHubFirstSeenStore(createOctokit(github.token, silentLogger), {
      owner: 'acme',
      repo: 'builds'
    })

  it('two runs racing keep both their times: the loser re-reads and fast-forwards once more', async () => {
    const first = store()
    const second = store()
    await first.load()
    await second.load()
    await second.save({
      put: new Map([['a:1', record('a', '2026-11-01T00:00:00Z')]]),
      remove: new Set()
    })
    github.clearRequests()
    await first.save({
      put: new Map([['b:1', record('b', '2026-11-02T00:00:00Z')]]),
      remove: new Set()
    })
    const refWrites = github
      .writeRequests()
      .filter(r => r.path.includes('/git/refs'))
      .map(r => [r.method, r.status, (r.body as { force?: boolean }).force])
    // The winner created the ref; the loser's create is refused, so it re-reads and moves
    // the ref as a fast forward on top of the winner's commit.
    expect(refWrites).toEqual([
      ['POST', 422, undefined],
      ['PATCH', 200, false]
    ])
    const stored = JSON.parse(github.readFile(REF, 'first-seen.json')!) as { tags: object }
    expect(Object.keys(stored.tags)).toEqual(['a:1', 'b:1'])
    expect([...(await store().load()).keys()]).toEqual(['a:1', 'b:1'])
  })
})

describe('the command line', () => {
  let registry: RegistryHandle
  let work: string

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
    work = mkdtempSync(join(tmpdir(), 'policies-cli-'))
  })

  afterAll(async () => {
    await registry?.stop()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('has no first-seen store: a re-pushed tag waits, with a notice, and --json lists it', async () => {
    const image = `${registry.host}/acme/cli`
    const old = (await registry.pushImage('acme/cli', 'x86_64', { seed: 'cli old' })).digest
    const next = (await registry.pushImage('acme/cli', 'x86_64', { seed: 'cli new' })).digest
    const text = `containers:\n  - name: x86_64\n    tag: x86_64\n    digest: ${old}\n`
    writeFileSync(join(work, 'containers.yml'), text)
    const run = await runCli(
      ['--config', 'containers.yml', '--image', image, '--min-age', '3d', '--json'],
      { cwd: work }
    )
    expect(run.exitCode).toBe(0)
    expect(run.stderr).toContain('notice: min-age: no first-seen store')
    const report = JSON.parse(run.stdout) as { changed: boolean; held: Held[] }
    expect(report.changed).toBe(false)
    expect(report.held).toEqual([
      expect.objectContaining({ name: 'x86_64', current: old, candidate: next, until: null })
    ])
    expect(readFileSync(join(work, 'containers.yml'), 'utf8')).toBe(text)
    const allowed = await runCli(
      [
        '--config',
        'containers.yml',
        '--image',
        image,
        '--min-age',
        '3d',
        '--min-age-unknown',
        'allow'
      ],
      { cwd: work }
    )
    expect(allowed.exitCode).toBe(0)
    expect(readFileSync(join(work, 'containers.yml'), 'utf8')).toContain(`digest: ${next}`)
  })
})
