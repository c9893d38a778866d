/**
 * Wrong content written: digests the registry does not serve for an entry, reaching a file in
 * the workspace or on the pull request's branch. The bundled action against the real registry
 * and the fake GitHub. Every reference in every file is checked against what the registry
 * serves for its image and tag now; a reference that names no tag must keep its old digest
 * while the entries holding it disagree.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'
import { runAction } from '../support/run-action.js'
import { record, testName } from './support/record.js'
import { RUN_BOUND_MS } from './support/scenario.js'

const CONFIG = '.github/containers.yml'
const BRANCH = 'image-digests/update'

describe('wrong content written', () => {
  let registry: RegistryHandle
  let github: FakeGitHub
  let workspace: string
  const d: Record<string, string> = {}
  let files: Record<string, string>

  /** Every `image:tag@digest` in a text whose digest is not what the registry serves now. */
  const wrong = (texts: Record<string, string>, expectedTagless: string) => {
    let count = 0
    for (const text of Object.values(texts)) {
      for (const m of text.matchAll(/acme\/(app|web)(?::([\w.]+))?@(sha256:[0-9a-f]{64})/g)) {
        const want = m[2] ? d[`${m[1]}:${m[2]}`] : expectedTagless
        if (m[3] !== want) count++
      }
      for (const m of text.matchAll(/tag: "([\w.]+)"\n\s+digest: (sha256:[0-9a-f]{64})/g))
        if (![d['app:1.0'], d['app:1.1'], d['web:2']].includes(m[2])) count++
    }
    return count
  }

  const run = (inputs: Record<string, string>) =>
    runAction({
      workspace,
      inputs: { config: CONFIG, token: github.token, files: 'Dockerfile', ...inputs },
      env: { GITHUB_API_URL: github.url },
      timeoutMs: RUN_BOUND_MS
    })

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
    const h = registry.host
    const old = (await registry.pushImage('acme/app', '1.0', { seed: 'app 0' })).digest
    d['app:1.1'] = (await registry.pushImage('acme/app', '1.1', { seed: 'app 0' })).digest
    const oldWeb = (await registry.pushImage('acme/web', '2', { seed: 'web 0' })).digest
    d['app:1.0'] = (await registry.pushImage('acme/app', '1.0', { seed: 'app 1' })).digest
    d['web:2'] = (await registry.pushImage('acme/web', '2', { seed: 'web 1' })).digest
    d.old = old
    const entry = (name: string, image: string, tag: string, digest: string) =>
      `  - name: ${name}\n    image: ${h}/acme/${image}\n    tag: "${tag}"\n    digest: ${digest}\n`
    files = {
      [CONFIG]: `containers:\n${entry('app-1.0', 'app', '1.0', old)}${entry('app-1.1', 'app', '1.1', old)}${entry('web', 'web', '2', oldWeb)}`,
      Dockerfile: `FROM ${h}/acme/web:2@${oldWeb}\nFROM ${h}/acme/app@${old} AS tagless\nFROM ${h}/acme/app:1.0@${old}\n`
    }
    github = await startFakeGitHub({ owner: 'acme', repo: 'builds', files })
    workspace = mkdtempSync(join(tmpdir(), 'content-'))
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true })
      writeFileSync(join(workspace, path), content)
    }
  })

  afterAll(async () => {
    await github?.stop()
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  const read = (path: string) => readFileSync(join(workspace, path), 'utf8')

  it(
    testName(
      'content:tagless',
      'a reference without a tag whose entries part ways keeps its digest'
    ),
    async () => {
      const result = await run({ 'pull-request': 'false' })
      const texts = { [CONFIG]: read(CONFIG), Dockerfile: read('Dockerfile') }
      const wrongDigests = wrong(texts, d.old!)
      record({
        group: 'Wrong content',
        id: 'content:tagless',
        title: 'a reference without a tag whose entries part ways keeps its digest',
        faults: 1,
        wrongDigests,
        secretsLeaked: 0,
        outcome: `app:1.0 moved, app:1.1 stayed on the digest they shared; exit ${result.exitCode}, ${wrongDigests} reference(s) on a digest the registry does not serve for them`
      })
      expect(result.exitCode).toBe(0)
      expect(wrongDigests).toBe(0)
    }
  )

  it(
    testName(
      'content:stale-files',
      'a workspace that already holds the new digests still gets every file updated in the pull request'
    ),
    async () => {
      // The workspace was updated by the run above: this run itself moves nothing.
      const result = await run({})
      const branch: Record<string, string> = {
        [CONFIG]: github.readFile(BRANCH, CONFIG) ?? files[CONFIG]!,
        Dockerfile: github.readFile(BRANCH, 'Dockerfile') ?? files.Dockerfile!
      }
      const wrongDigests = wrong(branch, d.old!)
      record({
        group: 'Wrong content',
        id: 'content:stale-files',
        title:
          'a workspace that already holds the new digests still gets every file updated in the pull request',
        faults: 1,
        wrongDigests,
        secretsLeaked: 0,
        outcome: `pull request ${result.outputs['pull-request-operation'] ?? 'none'}; ${wrongDigests} reference(s) on the branch on a digest the registry does not serve for them`
      })
      expect(result.exitCode).toBe(0)
      expect(wrongDigests).toBe(0)
    }
  )
})
