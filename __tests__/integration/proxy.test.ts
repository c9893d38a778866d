/**
 * GitHub behind an HTTPS proxy, as on many GitHub Enterprise Server networks: the API host
 * is a name only the proxy can reach, and `http_proxy`/`https_proxy` point at the proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type ForwardProxy, startForwardProxy } from '../support/connect-proxy.js'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'
import { runAction } from '../support/run-action.js'

const CONFIG = '.github/containers.yml'
const STALE = `sha256:${'1'.repeat(64)}`

describe('the GitHub API through a proxy from the environment', () => {
  let registry: RegistryHandle
  let github: FakeGitHub
  let proxy: ForwardProxy
  let workspace: string

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
    await registry.pushImage('acme/app', '1.0', { seed: 'proxy' })
    const text = `containers:\n  - image: ${registry.host}/acme/app\n    tag: '1.0'\n    digest: ${STALE}\n`
    github = await startFakeGitHub({ owner: 'acme', repo: 'builds', files: { [CONFIG]: text } })
    proxy = await startForwardProxy(Number(new URL(github.url).port))
    workspace = mkdtempSync(join(tmpdir(), 'proxy-'))
    mkdirSync(join(workspace, '.github'))
    writeFileSync(join(workspace, CONFIG), text)
  })

  afterAll(async () => {
    await proxy?.stop()
    await github?.stop()
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  it('opens the pull request through the proxy', async () => {
    const apiPort = new URL(github.url).port
    // `.invalid` never resolves (RFC 6761): only the proxy can reach this host.
    const apiHost = `api.github.invalid:${apiPort}`
    const result = await runAction({
      workspace,
      inputs: { config: CONFIG, token: github.token },
      env: {
        GITHUB_API_URL: `http://${apiHost}${new URL(github.url).pathname.replace(/\/$/, '')}`,
        http_proxy: proxy.url,
        https_proxy: proxy.url
      }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('created')
    expect(github.pulls()).toHaveLength(1)
    expect(proxy.targets.length).toBeGreaterThan(0)
    expect(new Set(proxy.targets)).toEqual(new Set([apiHost]))
  })
})
