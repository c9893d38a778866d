/**
 * Pin health end to end: the bundled action with `check-pins` against the real registry, one
 * of whose pinned digests was deleted (a platform manifest of an index, as a retention policy
 * deletes untagged versions) while its tag still names it, so resolving alone finds nothing
 * wrong. The registry's answer is the truth: a 404 is "no longer served", a reset connection
 * is "could not check".
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type FaultProxy, startFaultProxy } from '../../scripts/testkit/fault-proxy.mjs'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type ActionRun, annotations, runAction } from '../support/run-action.js'
import { RegistryClient } from '../../src/adapters/registry/client.js'
import { parseConfig } from '../../src/domain/config.js'
import { resolveEntries } from '../../src/run/update.js'
import { checkPins } from '../../src/run/pin-health.js'

/** Workflow commands of one kind as written, with their properties (file, line). */
const commands = (run: ActionRun, kind: string) =>
  run.stdout.split('\n').filter(line => line.startsWith(`::${kind} `))

describe('check-pins', () => {
  let registry: RegistryHandle
  let proxy: FaultProxy
  let workspace: string
  let config: string
  const pins: Record<string, string> = {}

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
    const index = await registry.pushIndex('team/multi', '1.0', {
      platforms: ['linux/amd64', 'linux/arm64'],
      seed: 'multi'
    })
    pins.amd64 = index.manifests.find(m => m.platform === 'linux/amd64')!.digest
    pins.arm64 = index.manifests.find(m => m.platform === 'linux/arm64')!.digest
    pins.app = (await registry.pushImage('team/app', 'v1', { seed: 'app' })).digest
    pins.flaky = (await registry.pushImage('team/flaky', 'v1', { seed: 'flaky' })).digest
    // Re-pushed, and the old digest deleted: the update that replaces it is the fix.
    pins.moved = (await registry.pushImage('team/moved', 'v1', { seed: 'moved old' })).digest
    await registry.pushImage('team/moved', 'v1', { seed: 'moved new' })
    await registry.deleteManifest('team/moved', pins.moved)
    await registry.deleteManifest('team/multi', pins.arm64)

    proxy = await startFaultProxy({
      upstream: registry.url,
      rules: [
        {
          name: 'reset HEAD by digest',
          method: 'HEAD',
          path: new RegExp(`^/v2/team/flaky/manifests/sha256(:|%3A)${pins.flaky.slice(7)}$`),
          fault: { kind: 'reset' }
        }
      ]
    })
    const host = proxy.host
    workspace = mkdtempSync(join(tmpdir(), 'pin-health-'))
    mkdirSync(join(workspace, '.github'))
    config = [
      'containers:',
      `  - name: amd64`,
      `    image: ${host}/team/multi`,
      `    tag: '1.0'`,
      `    platform: linux/amd64`,
      `    digest: ${pins.amd64}`,
      `  - name: arm64`,
      `    image: ${host}/team/multi`,
      `    tag: '1.0'`,
      `    platform: linux/arm64`,
      `    digest: ${pins.arm64}`,
      `  - name: app`,
      `    image: ${host}/team/app`,
      `    tag: v1`,
      `    digest: ${pins.app}`,
      `  - name: flaky`,
      `    image: ${host}/team/flaky`,
      `    tag: v1`,
      `    digest: ${pins.flaky}`,
      `  - name: moved`,
      `    image: ${host}/team/moved`,
      `    tag: v1`,
      `    digest: ${pins.moved}`,
      ''
    ].join('\n')
  })

  afterAll(async () => {
    await proxy?.stop()
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  const run = (inputs: Record<string, string>) => {
    writeFileSync(join(workspace, '.github/containers.yml'), config)
    proxy.clear()
    return runAction({
      workspace,
      inputs: {
        config: '.github/containers.yml',
        'pull-request': 'false',
        'max-attempts': '1',
        ...inputs
      }
    })
  }

  it('without it, a deleted platform manifest whose tag did not move goes unnoticed', async () => {
    const result = await run({})
    expect(result.exitCode).toBe(0)
    expect(annotations(result, 'error')).toEqual([])
    expect(result.summary).not.toContain('no longer served')
    expect(proxy.requests().filter(r => decodeURIComponent(r.path).includes(pins.arm64!))).toEqual(
      []
    )
  })

  it('reports a deleted pinned digest as an error on its line, though its tag did not move', async () => {
    const result = await run({ 'check-pins': 'true' })
    const written = readFileSync(join(workspace, '.github/containers.yml'), 'utf8')

    const errors = commands(result, 'error')
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(/title=Pinned digest gone/)
    expect(errors[0]).toMatch(/file=\.github\/containers\.yml/)
    expect(errors[0]).toMatch(/line=7::/)
    expect(annotations(result, 'error')[0]).toBe(
      `arm64: pinned digest ${pins.arm64} is no longer served by ${proxy.host}: builds pinned to it will fail`
    )
    // The tag did not move: the file keeps its pin, and says so in the summary.
    expect(written).toContain(`digest: ${pins.arm64}`)
    expect(result.summary).toContain('Pin health: 4 pinned digests checked; 2 no longer served.')
    expect(result.summary).toContain(
      `Error: arm64: pinned digest ${pins.arm64} is no longer served by ${proxy.host}: builds pinned to it will fail.`
    )
    // Replaced by this run's update: reported, but the update is the fix.
    expect(written).not.toContain(pins.moved)
    expect(result.summary).toMatch(
      /Error: moved: pinned digest .* will fail until this update lands/
    )
    // A transport failure is "could not check", never "gone".
    expect(commands(result, 'warning')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/line=16::flaky: pin health could not check: /)
      ])
    )
    expect(result.summary).not.toMatch(/Error: flaky/)
    // One HEAD by digest per pin, the healthy ones included.
    const heads = proxy
      .requests()
      .filter(r => r.method === 'HEAD')
      .map(r => decodeURIComponent(r.path))
      .filter(path => /\/manifests\/sha256:/.test(path))
    expect(heads).toHaveLength(5)
    for (const pin of [pins.amd64, pins.arm64, pins.app, pins.flaky, pins.moved])
      expect(heads).toContainEqual(expect.stringContaining(pin!))
    expect(result.exitCode).toBe(0)
  })

  it('fails the step with fail-on-error', async () => {
    const result = await run({ 'check-pins': 'true', 'fail-on-error': 'true' })
    expect(result.exitCode).not.toBe(0)
    expect(annotations(result, 'error')).toEqual(
      expect.arrayContaining([expect.stringMatching(/no longer served \(fail-on-error is on\)/)])
    )
  })
})

describe('what check-pins costs', () => {
  let registry: RegistryHandle

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', anonymousPull: false })
  })

  afterAll(async () => {
    await registry?.stop()
  })

  it('is one HEAD by digest per distinct pinned digest, and nothing else', async () => {
    const lines = ['containers:']
    for (let i = 0; i < 30; i++) {
      const { digest } = await registry.pushImage(`cost/svc-${i}`, 'v1', { seed: `cost ${i}` })
      // Every image pinned twice: the second entry shares the first one's check.
      for (const copy of ['a', 'b'])
        lines.push(
          `  - name: svc-${i}-${copy}`,
          `    image: ${registry.host}/cost/svc-${i}`,
          '    tag: v1',
          `    digest: ${digest}`
        )
    }
    const config = parseConfig('containers.yml', Buffer.from(lines.join('\n') + '\n'), {})
    const sent: string[] = []
    const client = new RegistryClient({
      credentials: {
        lookup: async () => ({ username: 'alice', password: 'alice-s3cret-pass', source: 'test' }),
        fallback: () => undefined
      },
      onRequest: (method, url) =>
        sent.push(`${method} ${decodeURIComponent(new URL(url).pathname)}`)
    })
    const results = await resolveEntries(config, client, 8)
    const beforePins = sent.length
    const { report } = await checkPins(results, client, 8)
    const added = sent.slice(beforePins)
    expect(report).toEqual({ checked: 30, gone: [], unchecked: [] })
    expect(added).toHaveLength(30)
    expect(added.every(line => /^HEAD \/v2\/cost\/svc-\d+\/manifests\/sha256:/.test(line))).toBe(
      true
    )
  })
})
