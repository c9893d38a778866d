/**
 * The resolver end to end: the bundled action, run as the runner runs it, against the real
 * CNCF distribution registry on 127.0.0.1 with bearer-token and with basic auth.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { annotations, runAction } from '../support/run-action.js'

const STALE_A = '5539b836c671353becda5c18f7675138a8724c5a4d3ecf5c26ba74e40239f89a'
const STALE_B = '8da7503d1199ddea00be75ef56d971da79f023fa4b7a8366be3df24fd31c2279'
const PASSWORD = 'alice-s3cret-pass'

/** The real project's file, unchanged but for its stale digests. */
const RUST_CROSS = `# Container configurations for rust-musl-cross builds
containers:
  - target: i686-unknown-linux-musl
    arch: i686
    image_tag: i686-unknown-linux-musl
    current_sha: ${STALE_A}
  - target: x86_64-unknown-linux-musl
    arch: x86_64
    image_tag: x86_64-unknown-linux-musl
    current_sha: ${STALE_B}
`

const bare = (digest: string) => digest.replace(/^sha256:/, '')

interface Parsed {
  matrix: { include: Array<Record<string, string>> }
  updates: Array<Record<string, string | null>>
  failed: Array<Record<string, string>>
}

function parsed(outputs: Record<string, string>): Parsed {
  return {
    matrix: JSON.parse(outputs.matrix ?? 'null') as Parsed['matrix'],
    updates: JSON.parse(outputs.updates ?? 'null') as Parsed['updates'],
    failed: JSON.parse(outputs.failed ?? 'null') as Parsed['failed']
  }
}

describe.each(['token', 'basic'] as const)('resolving against a registry with %s auth', auth => {
  let registry: RegistryHandle
  let workspace: string
  let configPath: string
  const digests: Record<string, string> = {}
  let image: string
  let registryAuth: string

  const run = (inputs: Record<string, string> = {}) =>
    runAction({
      workspace,
      inputs: {
        config: '.github/containers.yml',
        image,
        'registry-auth': registryAuth,
        'pull-request': 'false',
        ...inputs
      }
    })

  beforeAll(async () => {
    // Anonymous pull refused: every digest below proves the credentials were used.
    registry = await startRegistry({ auth, anonymousPull: false })
    image = `${registry.host}/tools/rust-musl-cross`
    registryAuth = JSON.stringify({ [registry.host]: { username: 'alice', password: PASSWORD } })
    digests.i686 = (
      await registry.pushImage('tools/rust-musl-cross', 'i686-unknown-linux-musl', {
        mediaType: 'docker',
        platform: 'linux/386'
      })
    ).digest
    digests.x86_64 = (
      await registry.pushIndex('tools/rust-musl-cross', 'x86_64-unknown-linux-musl', {
        platforms: ['linux/amd64', 'linux/arm64']
      })
    ).digest
    workspace = mkdtempSync(join(tmpdir(), 'resolve-'))
    mkdirSync(join(workspace, '.github'))
    configPath = join(workspace, '.github/containers.yml')
    writeFileSync(configPath, RUST_CROSS)
  })

  afterAll(async () => {
    const pids = registry?.pids ?? []
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow()
  })

  it('pins every image, rewrites only the digest values and emits the matrix', async () => {
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(result.outputs.changed).toBe('true')
    expect(readFileSync(configPath, 'utf8')).toBe(
      RUST_CROSS.replace(STALE_A, bare(digests.i686!)).replace(STALE_B, bare(digests.x86_64!))
    )
    const { matrix, updates, failed } = parsed(result.outputs)
    expect(failed).toEqual([])
    expect(updates).toMatchObject([
      {
        name: 'i686-unknown-linux-musl',
        image,
        tag: 'i686-unknown-linux-musl',
        platform: null,
        previous: `sha256:${STALE_A}`,
        current: digests.i686,
        files: []
      },
      {
        name: 'x86_64-unknown-linux-musl',
        image,
        tag: 'x86_64-unknown-linux-musl',
        platform: null,
        previous: `sha256:${STALE_B}`,
        current: digests.x86_64,
        files: []
      }
    ])
    expect(matrix.include).toEqual([
      {
        target: 'i686-unknown-linux-musl',
        arch: 'i686',
        image_tag: 'i686-unknown-linux-musl',
        current_sha: bare(digests.i686!),
        image_ref: `${image}:i686-unknown-linux-musl@${digests.i686}`
      },
      {
        target: 'x86_64-unknown-linux-musl',
        arch: 'x86_64',
        image_tag: 'x86_64-unknown-linux-musl',
        current_sha: bare(digests.x86_64!),
        image_ref: `${image}:x86_64-unknown-linux-musl@${digests.x86_64}`
      }
    ])
    expect(result.summary).toContain('| i686-unknown-linux-musl |')
    expect(result.masked).toContain(PASSWORD)
    expect(result.artifacts).not.toContain(PASSWORD)
  })

  it('batches both repositories into one token request made with the credentials', async () => {
    if (auth !== 'token') {
      // Basic auth has no token service; the credentials are proven by the first test alone.
      expect(registry.auth).toBe('basic')
      return
    }
    await registry.resetTokenRequests()
    const result = await run()
    expect(result.exitCode).toBe(0)
    const requests = await registry.tokenRequests()
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({
      user: 'alice',
      scopes: [`repository:tools/rust-musl-cross:pull`]
    })
  })

  it('changes nothing on a second run', async () => {
    const before = readFileSync(configPath)
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(result.outputs.changed).toBe('false')
    expect(parsed(result.outputs).updates).toEqual([])
    expect(readFileSync(configPath).equals(before)).toBe(true)
  })

  it('moves exactly one digest when one tag is pushed again', async () => {
    const before = readFileSync(configPath, 'utf8')
    const repushed = await registry.pushImage('tools/rust-musl-cross', 'i686-unknown-linux-musl', {
      mediaType: 'docker',
      platform: 'linux/386',
      seed: 'second build'
    })
    expect(repushed.digest).not.toBe(digests.i686)
    const result = await run()
    expect(result.exitCode).toBe(0)
    const { updates } = parsed(result.outputs)
    expect(updates.map(u => [u.name, u.previous, u.current])).toEqual([
      ['i686-unknown-linux-musl', digests.i686, repushed.digest]
    ])
    expect(readFileSync(configPath, 'utf8')).toBe(
      before.replace(bare(digests.i686!), bare(repushed.digest))
    )
    digests.i686 = repushed.digest
  })

  it('fails only the entry whose tag is gone and still updates the others', async () => {
    await registry.deleteTag('tools/rust-musl-cross', 'x86_64-unknown-linux-musl')
    const repushed = await registry.pushImage('tools/rust-musl-cross', 'i686-unknown-linux-musl', {
      mediaType: 'docker',
      platform: 'linux/386',
      seed: 'third build'
    })
    const before = readFileSync(configPath, 'utf8')
    const result = await run()
    expect(result.exitCode).toBe(0)
    const { updates, failed, matrix } = parsed(result.outputs)
    expect(updates.map(u => u.name)).toEqual(['i686-unknown-linux-musl'])
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({
      name: 'x86_64-unknown-linux-musl',
      image,
      tag: 'x86_64-unknown-linux-musl'
    })
    expect(failed[0]!.error).toMatch(/tag .*not found|manifest unknown/i)
    // The unverified entry keeps its old digest in the file and in the matrix.
    expect(readFileSync(configPath, 'utf8')).toBe(
      before.replace(bare(digests.i686!), bare(repushed.digest))
    )
    expect(matrix.include[1]!.current_sha).toBe(bare(digests.x86_64!))
    expect(annotations(result, 'warning').join('\n')).toContain('x86_64-unknown-linux-musl')

    const strict = await run({ 'fail-on-error': 'true' })
    expect(strict.exitCode).toBe(1)
    expect(strict.stdout).toContain('1 of 2 image(s) could not be resolved')
    digests.i686 = repushed.digest
  })

  it('fails the step, names the credential source, and writes nothing when every entry fails', async () => {
    const before = readFileSync(configPath)
    const result = await run({
      'registry-auth': JSON.stringify({
        [registry.host]: { username: 'alice', password: 'wrong-password' }
      })
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('none of the 2 image(s) could be resolved')
    expect(parsed(result.outputs).failed[0]!.error).toMatch(/registry-auth/)
    expect(readFileSync(configPath).equals(before)).toBe(true)
    expect(result.masked).toContain('wrong-password')
    expect(result.artifacts).not.toContain('wrong-password')
  })

  it('builds the matrix from the committed file in matrix mode without asking the registry', async () => {
    const before = readFileSync(configPath)
    const result = await run({ mode: 'matrix', 'registry-auth': '' })
    expect(result.exitCode).toBe(0)
    const { matrix } = parsed(result.outputs)
    expect(matrix.include.map(e => e.image_ref)).toEqual([
      `${image}:i686-unknown-linux-musl@${digests.i686}`,
      `${image}:x86_64-unknown-linux-musl@${digests.x86_64}`
    ])
    expect(readFileSync(configPath).equals(before)).toBe(true)
  })
})

describe('entries with their own images, platforms and digest forms', () => {
  let registry: RegistryHandle
  let workspace: string

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token' })
    workspace = mkdtempSync(join(tmpdir(), 'resolve-mixed-'))
  })

  afterAll(async () => {
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  it('pins a platform manifest, an index, a Docker list, and an unpinned entry', async () => {
    const oci = await registry.pushIndex('base/multi', '1.0', {
      platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
      attestations: true
    })
    const docker = await registry.pushIndex('base/legacy', '2.0', {
      mediaType: 'docker',
      platforms: ['linux/amd64', 'linux/arm64']
    })
    const single = await registry.pushImage('base/single', 'latest', { platform: 'linux/amd64' })
    const arm64 = oci.manifests.find(m => m.platform === 'linux/arm64')!.digest
    const armv7 = docker.manifests.find(m => m.platform === 'linux/arm64')!.digest
    const zero = `sha256:${'0'.repeat(63)}1`
    const text = [
      '# mixed forms',
      `image: ${registry.host}/base/multi`,
      'containers:',
      '  - name: multi-arm64',
      "    tag: '1.0'",
      '    platform: linux/arm64',
      `    digest: "${zero}"   # quoted, prefixed`,
      '  - name: multi-index',
      "    tag: '1.0'",
      `    digest: ${zero}`,
      '  - name: legacy-arm64',
      `    image: ${registry.host}/base/legacy`,
      '    tag: "2.0"',
      '    platform: linux/arm64/v8',
      `    digest: ${zero}`,
      '  - name: single',
      `    image: ${registry.host}/base/single:latest`,
      '  - name: wrong-platform',
      `    image: ${registry.host}/base/single`,
      '    tag: latest',
      '    platform: linux/arm64',
      `    digest: ${zero}`,
      ''
    ].join('\r\n')
    writeFileSync(join(workspace, 'containers.yml'), text)
    const result = await runAction({
      workspace,
      inputs: { config: 'containers.yml', 'pull-request': 'false' }
    })
    expect(result.exitCode).toBe(0)
    const expected = [
      '# mixed forms',
      `image: ${registry.host}/base/multi`,
      'containers:',
      '  - name: multi-arm64',
      "    tag: '1.0'",
      '    platform: linux/arm64',
      `    digest: "${arm64}"   # quoted, prefixed`,
      '  - name: multi-index',
      "    tag: '1.0'",
      `    digest: ${oci.digest}`,
      '  - name: legacy-arm64',
      `    image: ${registry.host}/base/legacy`,
      '    tag: "2.0"',
      '    platform: linux/arm64/v8',
      `    digest: ${armv7}`,
      '  - name: single',
      `    image: ${registry.host}/base/single:latest`,
      `    digest: ${single.digest}`,
      '  - name: wrong-platform',
      `    image: ${registry.host}/base/single`,
      '    tag: latest',
      '    platform: linux/arm64',
      `    digest: ${zero}`,
      ''
    ].join('\r\n')
    expect(readFileSync(join(workspace, 'containers.yml'), 'utf8')).toBe(expected)
    const failed = JSON.parse(result.outputs.failed!) as Array<{ name: string; error: string }>
    expect(failed.map(f => f.name)).toEqual(['wrong-platform'])
    expect(failed[0]!.error).toMatch(/single linux\/amd64 image, not a multi-platform index/)
  })
})
