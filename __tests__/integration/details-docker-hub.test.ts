/**
 * Docker Hub's details come from its tags API, not from manifest GETs (each of which counts as
 * a pull there): the real local registry (basic auth) stands in for registry-1.docker.io, a
 * fake tags API for hub.docker.com. A moved image costs the one manifest GET that verifying
 * its new digest always cost, and the Hub is never sent the registry's credentials.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type FakeDockerHub, startFakeDockerHub } from '../support/fake-docker-hub.js'
import { RegistryClient } from '../../src/adapters/registry/client.js'
import { silentLogger } from '../../src/adapters/registry/http.js'
import { runUpdate } from '../../src/run/update.js'

const PASSWORD = 'alice-s3cret-pass'
const HUB_REGISTRY = 'https://registry-1.docker.io'

describe('details of a moved Docker Hub image', () => {
  let registry: RegistryHandle
  let hub: FakeDockerHub
  let workspace: string
  let previous: string
  let current: { digest: string; manifests: Array<{ platform: string; digest: string }> }

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'basic' })
    hub = await startFakeDockerHub()
    const platforms = ['linux/amd64', 'linux/arm64']
    previous = (await registry.pushIndex('library/nginx', '1.27', { seed: 'old', platforms }))
      .digest
    current = await registry.pushIndex('library/nginx', '1.27', { seed: 'new', platforms })
    workspace = mkdtempSync(join(tmpdir(), 'details-hub-'))
    mkdirSync(join(workspace, '.github'))
  })

  afterAll(async () => {
    await registry?.stop()
    await hub?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  function hubAnswers(digest: string) {
    hub.setTag('library/nginx', {
      name: '1.27',
      digest,
      last_pushed: '2026-11-28T09:30:00.000000Z',
      images: [
        ...current.manifests.map((m, i) => {
          const [os, architecture] = m.platform.split('/') as [string, string]
          return { os, architecture, digest: m.digest, size: 70_000_000 + i, status: 'active' }
        }),
        { os: 'unknown', architecture: 'unknown', digest: previous, size: 800 }
      ]
    })
  }

  async function run(platform?: string) {
    writeFileSync(
      join(workspace, '.github/containers.yml'),
      `containers:\n  - name: web\n    image: docker.io/library/nginx:1.27\n${platform ? `    platform: ${platform}\n` : ''}    digest: "${previous}"\n`
    )
    const sent: string[] = []
    const client = new RegistryClient({
      credentials: {
        lookup: async host =>
          host === 'docker.io'
            ? { username: 'alice', password: PASSWORD, source: 'test' }
            : undefined,
        fallback: () => undefined
      },
      // registry-1.docker.io is the local registry; every other host is asked as it is.
      fetch: (url, init) => globalThis.fetch(url.replace(HUB_REGISTRY, registry.url), init),
      onRequest: (method, url) => sent.push(`${method} ${url}`),
      dockerHubApi: hub.url
    })
    const result = await runUpdate(
      {
        mode: 'update',
        configPath: join(workspace, '.github/containers.yml'),
        configLabel: '.github/containers.yml',
        // A platform entry's previous digest is an index's: it does not match, so it moves.
        dryRun: true,
        concurrency: 4
      },
      client,
      silentLogger
    )
    return { result, sent }
  }

  it('reads platforms, sizes and the push time from the tags API, at no extra pull', async () => {
    hubAnswers(current.digest)
    hub.requests.length = 0
    const { result, sent } = await run()
    expect(result.updates.map(u => u.current)).toEqual([current.digest])
    expect(result.updates[0]).toMatchObject({
      created: '2026-11-28T09:30:00.000Z',
      created_source: 'docker-hub',
      size: { 'linux/amd64': 70_000_000, 'linux/arm64': 70_000_001 },
      // The tags API describes no older digest, and reading it would cost pulls.
      previous_size: {},
      identical_layers: false
    })
    expect(result.reviews[0]?.flags).toEqual([])

    // The one manifest GET is verifying the new digest, as before the details existed.
    const manifestGets = sent.filter(line =>
      /^GET https:\/\/registry-1\.docker\.io\/v2\/.+\/manifests\//.test(line)
    )
    expect(manifestGets).toEqual([
      `GET ${HUB_REGISTRY}/v2/library/nginx/manifests/${encodeURIComponent(current.digest)}`
    ])
    expect(hub.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'GET /v2/namespaces/library/repositories/nginx/tags/1.27'
    ])
    for (const request of hub.requests) expect(request.headers.authorization).toBeUndefined()
  })

  it('describes a platform entry by that platform image alone', async () => {
    hubAnswers(current.digest)
    const { result } = await run('linux/arm64')
    const arm = current.manifests.find(m => m.platform === 'linux/arm64')!
    expect(result.updates.map(u => u.current)).toEqual([arm.digest])
    expect(result.updates[0]).toMatchObject({
      size: { 'linux/arm64': 70_000_001 },
      created_source: 'docker-hub'
    })
  })

  it('says the details are unavailable when the Hub already names another digest', async () => {
    hubAnswers(previous)
    const { result } = await run()
    expect(result.updates.map(u => u.current)).toEqual([current.digest])
    expect(result.reviews[0]?.flags).toEqual([
      "details unavailable: Docker Hub's tags API names another digest for library/nginx:1.27 now"
    ])
    expect(result.updates[0]).toMatchObject({ size: {}, created: null })
  })
})
