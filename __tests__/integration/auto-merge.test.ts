/**
 * The auto-merge input end to end: the bundled action against the real local registry and the
 * fake GitHub. Whether auto-merge goes on depends on the reviews of the moves (see
 * __tests__/unit/auto-merge.test.ts for the decision and the GraphQL calls); here the input
 * must reach the pull request's body and the summary, and without it nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'
import { runAction } from '../support/run-action.js'

const CONFIG = '.github/containers.yml'
const bare = (digest: string) => digest.replace(/^sha256:/, '')
const config = (digest: string) =>
  `containers:\n  - target: app\n    image_tag: stable\n    current_sha: ${bare(digest)}\n`

describe('the auto-merge input', () => {
  let registry: RegistryHandle
  let github: FakeGitHub
  let workspace: string
  let image: string

  const run = (inputs: Record<string, string>) => {
    writeFileSync(join(workspace, CONFIG), github.readFile('main', CONFIG)!)
    return runAction({
      workspace,
      inputs: { config: CONFIG, image, token: github.token, ...inputs },
      env: { GITHUB_API_URL: github.url, GITHUB_SERVER_URL: github.url }
    })
  }

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token' })
    image = `${registry.host}/acme/app`
    const old = (await registry.pushImage('acme/app', 'stable', { seed: 'old' })).digest
    await registry.pushImage('acme/app', 'stable', { seed: 'new' })
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'builds',
      files: { [CONFIG]: config(old) }
    })
    workspace = mkdtempSync(join(tmpdir(), 'auto-merge-'))
    mkdirSync(join(workspace, '.github'))
  })

  afterAll(async () => {
    await github?.stop()
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  it('puts its line in the body and the summary, and never fails the step', async () => {
    const result = await run({ 'auto-merge': 'squash' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('created')
    const body = github.pulls()[0]!.body ?? ''
    expect(body.match(/^\*\*Auto-merge[^\n]*$/gm)).toHaveLength(1)
    expect(result.summary).toMatch(/Opened pull request \S+\. Auto-merge/)
    // Nothing was on, so nothing was switched off; any call enabled it with the input's method.
    for (const call of github.graphqlCalls())
      expect([call.operation, call.variables.mergeMethod]).toEqual([
        'enablePullRequestAutoMerge',
        'SQUASH'
      ])
  })

  it('refuses an unknown method before anything is asked', async () => {
    github.clearRequests()
    const result = await run({ 'auto-merge': 'yes' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('input auto-merge must be merge, squash or rebase')
    expect(github.requests).toEqual([])
  })

  it('without the input, says nothing of auto-merge and asks no GraphQL', async () => {
    const before = github.graphqlCalls().length
    const result = await run({})
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('unchanged')
    expect(result.summary).not.toContain('Auto-merge')
    expect(github.graphqlCalls()).toHaveLength(before)
  })
})
