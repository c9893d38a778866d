/**
 * Publish-triggered runs end to end: the bundled action started by `registry_package` and
 * `repository_dispatch` events with real-shaped payloads (GITHUB_EVENT_NAME and
 * GITHUB_EVENT_PATH), against the real local registry and the fake GitHub API.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'
import { type ActionRun, annotations, runAction } from '../support/run-action.js'

const CONFIG = '.github/containers.yml'
const BRANCH = 'image-digests/update'

function config(host: string, app: string, tools: string): string {
  return `# Images this repository builds in
containers:
  - name: app
    image: ${host}/acme/app
    tag: '1.0'
    digest: ${app}
  - name: tools
    image: ${host}/acme/tools
    tag: stable
    digest: ${tools}
`
}

/**
 * A registry_package delivery as GitHub sends it (trimmed of the URL fields the action never
 * reads). A multi-arch push sends one per manifest: the platform manifests with an empty
 * tag name, the index with its tag.
 */
function registryPackage(host: string, tag: string, digest: string, action = 'published') {
  return {
    action,
    registry_package: {
      id: 4242,
      name: 'app',
      namespace: 'acme',
      description: '',
      ecosystem: 'CONTAINER',
      package_type: 'CONTAINER',
      html_url: 'https://github.com/orgs/acme/packages/container/package/app',
      created_at: '2026-11-24T06:00:00Z',
      updated_at: '2026-11-24T06:00:00Z',
      owner: { login: 'acme', id: 1, type: 'Organization' },
      package_version: {
        id: 564296960,
        version: digest,
        name: digest,
        description: '',
        summary: '',
        manifest: '',
        html_url: 'https://github.com/orgs/acme/packages/container/app/564296960',
        target_commitish: 'main',
        target_oid: '0e2a89b191332bb87b4f2fefef2f597eba2197b3',
        metadata: [],
        container_metadata: {
          tag: { name: tag, digest },
          labels: { description: '', source: '', revision: '', image_url: '', licenses: '' },
          manifest: {
            digest,
            media_type: 'application/vnd.oci.image.index.v1+json',
            uri: `repositories/acme/app/manifests/${digest}`,
            size: 685
          }
        },
        package_files: [],
        installation_command: `docker pull ${host}/acme/app${tag ? `:${tag}` : `@${digest}`}`,
        package_url: `${host}/acme/app${tag ? `:${tag}` : ''}`
      },
      registry: {
        about_url: 'https://docs.github.com/packages',
        name: 'GitHub CONTAINER registry',
        type: 'CONTAINER',
        url: `https://${host}/acme`,
        vendor: 'GitHub Inc'
      }
    },
    repository: { full_name: 'acme/builds', default_branch: 'main' },
    sender: { login: 'release-bot', type: 'Bot' }
  }
}

function dispatch(clientPayload: unknown) {
  return {
    action: 'image_published',
    branch: 'main',
    client_payload: clientPayload,
    repository: { full_name: 'acme/builds' },
    sender: { login: 'release-bot' }
  }
}

describe('runs started by an image publication', () => {
  let registry: RegistryHandle
  let github: FakeGitHub
  let workspace: string
  const pinned: Record<string, string> = {}

  const run = (name: string, payload: unknown): Promise<ActionRun> => {
    // A fresh checkout of the default branch, as actions/checkout leaves it.
    writeFileSync(join(workspace, CONFIG), github.readFile('main', CONFIG)!)
    return runAction({
      workspace,
      inputs: { config: CONFIG, token: github.token },
      env: { GITHUB_API_URL: github.url },
      event: { name, payload }
    })
  }

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token' })
    pinned.app = (await registry.pushIndex('acme/app', '1.0', { seed: 'app v1' })).digest
    pinned.tools = (await registry.pushImage('acme/tools', 'stable', { seed: 'tools v1' })).digest
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'builds',
      files: { [CONFIG]: config(registry.host, pinned.app, pinned.tools) }
    })
    workspace = mkdtempSync(join(tmpdir(), 'events-'))
    mkdirSync(join(workspace, '.github'))
  })

  afterAll(async () => {
    await github?.stop()
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  it('opens one pull request for a multi-arch push, whatever the order of its events', async () => {
    // Every platform of v1 again: an index that lost one would be held by the lost-platform gate.
    const pushed = await registry.pushIndex('acme/app', '1.0', {
      platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
      seed: 'app v2'
    })
    // Another image moved too, without an event: the run must not drop it.
    const tools = (await registry.pushImage('acme/tools', 'stable', { seed: 'tools v2' })).digest
    const [amd64, arm64] = pushed.manifests.map(m => m.digest)
    github.clearRequests()

    const first = await run('registry_package', registryPackage(registry.host, '', amd64!))
    expect(first.exitCode).toBe(0)
    expect(first.outputs['pull-request-operation']).toBe('none')
    expect(annotations(first, 'notice').join('\n')).toMatch(/untagged manifest/)
    // The matrix still comes from the committed file, for any job downstream.
    const matrix = JSON.parse(first.outputs.matrix!) as { include: { image_ref: string }[] }
    expect(matrix.include[0]!.image_ref).toBe(`${registry.host}/acme/app:1.0@${pinned.app}`)
    expect(github.writeRequests()).toEqual([])

    const tagged = await run(
      'registry_package',
      registryPackage(registry.host, '1.0', pushed.digest)
    )
    expect(tagged.exitCode).toBe(0)
    expect(tagged.outputs['pull-request-operation']).toBe('created')
    expect(github.pulls()).toHaveLength(1)
    expect(github.readFile(BRANCH, CONFIG)).toBe(config(registry.host, pushed.digest, tools))
    const body = github.pulls()[0]!.body!
    expect(body).toContain(`Triggered by the publication of \`${registry.host}/acme/app:1.0\`.`)
    expect(tagged.summary).toContain(
      `Triggered by the publication of \`${registry.host}/acme/app:1.0\`.`
    )

    // The rest of the same push arrives: an untagged manifest, then the tag again as updated.
    github.clearRequests()
    const late = await run('registry_package', registryPackage(registry.host, '', arm64!))
    const again = await run(
      'registry_package',
      registryPackage(registry.host, '1.0', pushed.digest, 'updated')
    )
    expect(late.exitCode).toBe(0)
    expect(again.exitCode).toBe(0)
    expect(again.outputs['pull-request-operation']).toBe('unchanged')
    expect(late.outputs['pull-request-operation']).toBe('none')
    expect(again.outputs['pull-request-number']).toBe('1')
    expect(github.writeRequests()).toEqual([])
    expect(github.pulls()).toHaveLength(1)
    pinned.app = pushed.digest
    pinned.tools = tools
  })

  it('writes the registry digest, not the one a dispatch payload claims', async () => {
    const pushed = await registry.pushIndex('acme/app', '1.0', { seed: 'app v3' })
    const lie = `sha256:${'e'.repeat(64)}`
    const result = await run(
      'repository_dispatch',
      dispatch({ image: `${registry.host}/acme/app`, tag: '1.0', digest: lie })
    )
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('updated')
    expect(github.readFile(BRANCH, CONFIG)).toBe(
      config(registry.host, pushed.digest, pinned.tools!)
    )
    const warnings = annotations(result, 'warning').join('\n')
    expect(warnings).toContain(`announced ${lie}`)
    expect(warnings).toContain(`returns ${pushed.digest}`)
    for (const text of [result.outputs.updates!, result.outputs.matrix!, github.pulls()[0]!.body!])
      expect(text).not.toContain('e'.repeat(64))
    pinned.app = pushed.digest
  })

  it('is a successful no-op when the announced image is not configured', async () => {
    await registry.resetTokenRequests()
    github.clearRequests()
    const result = await run(
      'repository_dispatch',
      dispatch({ image: 'ghcr.io/someone-else/unrelated', tag: 'latest' })
    )
    expect(result.exitCode).toBe(0)
    expect(annotations(result, 'notice').join('\n')).toContain(
      'ghcr.io/someone-else/unrelated was announced, but no entry of .github/containers.yml uses it'
    )
    expect(result.outputs.changed).toBe('false')
    expect(result.outputs['pull-request-operation']).toBe('none')
    expect(github.writeRequests()).toEqual([])
    expect(await registry.tokenRequests()).toEqual([])
  })

  it.each([
    ['a digest that is not sha256 + 64 hex', { image: 'acme/app', digest: 'sha256:1234' }],
    ['an image of the wrong type', { image: ['acme/app'] }],
    ['an oversized image', { image: `${'a'.repeat(2000)}/app` }]
  ])('ignores a payload with %s, warns, and runs a full update', async (_what, payload) => {
    const pushed = await registry.pushImage('acme/tools', 'stable', { seed: `tools ${_what}` })
    const result = await run('repository_dispatch', dispatch(payload))
    expect(result.exitCode).toBe(0)
    expect(annotations(result, 'warning').join('\n')).toMatch(
      /ignoring the repository_dispatch payload: .+; running a normal update/
    )
    expect(result.outputs['pull-request-operation']).toBe('updated')
    expect(github.readFile(BRANCH, CONFIG)).toBe(config(registry.host, pinned.app!, pushed.digest))
    expect(github.pulls()[0]!.body).not.toContain('Triggered by')
    pinned.tools = pushed.digest
  })
})
