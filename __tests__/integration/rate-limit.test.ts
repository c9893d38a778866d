/**
 * The rate-limit budget end to end: the bundled action against the real registry behind the
 * fault proxy, which adds Docker Hub's `RateLimit-*` headers and counts one pull per manifest
 * request, as a registry whose quota runs low would. Optional reads (pin health here) stop
 * before the required ones, which still all happen; after a 429 nothing more is sent to that
 * registry, while another registry goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type FaultProxy, startFaultProxy } from '../../scripts/testkit/fault-proxy.mjs'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { annotations, runAction } from '../support/run-action.js'

const LIMIT = 100
const MANIFESTS = /^\/v2\/.+\/manifests\//
const BY_DIGEST = /\/manifests\/sha256(:|%3A)/

const stale = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`

describe('a registry whose rate limit runs low', () => {
  let registry: RegistryHandle
  let proxy: FaultProxy
  let workspace: string
  const digests: string[] = []

  /** Every manifest request costs one pull; the answer says what is left. */
  const quota = (start: number) => {
    let used = 0
    proxy.setRules([
      {
        name: 'rate-limit headers',
        path: MANIFESTS,
        fault: {
          kind: 'rewrite',
          setHeaders: {
            'ratelimit-limit': `${LIMIT};w=21600`,
            'ratelimit-remaining': () => `${Math.max(0, start - ++used)};w=21600`
          }
        }
      }
    ])
  }

  const config = (host: string, pins: Array<string>) =>
    [
      'containers:',
      ...pins.flatMap((pin, i) => [
        `  - name: svc-${i}`,
        `    image: ${host}/team/svc-${i}`,
        `    tag: v1`,
        `    digest: ${pin}`
      ]),
      ''
    ].join('\n')

  const run = (text: string, inputs: Record<string, string> = {}) => {
    writeFileSync(join(workspace, '.github/containers.yml'), text)
    proxy.clear()
    return runAction({
      workspace,
      inputs: {
        config: '.github/containers.yml',
        'pull-request': 'false',
        'check-pins': 'true',
        ...inputs
      }
    })
  }

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
    for (let i = 0; i < 6; i++)
      digests.push((await registry.pushImage(`team/svc-${i}`, 'v1', { seed: `svc ${i}` })).digest)
    proxy = await startFaultProxy({ upstream: registry.url })
    workspace = mkdtempSync(join(tmpdir(), 'rate-limit-'))
    mkdirSync(join(workspace, '.github'))
  })

  afterAll(async () => {
    await proxy?.stop()
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  it('stops the optional pin checks before the last tenth of the window', async () => {
    // Six tag HEADs leave 14 of 100; pin checks may spend down to 10, so four of six go.
    quota(20)
    const result = await run(config(proxy.host, digests))
    expect(result.exitCode).toBe(0)
    const requests = proxy.requests()
    expect(requests.filter(r => r.method === 'HEAD' && /manifests\/v1$/.test(r.path))).toHaveLength(
      6
    )
    expect(requests.filter(r => BY_DIGEST.test(r.path))).toHaveLength(4)
    const skipped = annotations(result, 'warning').filter(w =>
      w.endsWith('pin health skipped: rate limit')
    )
    expect(skipped).toHaveLength(2)
    expect(result.summary).toContain(`Rate limit left: ${proxy.host} 10 of 100 per 6 h.`)
    expect(result.summary).toContain(
      'Pin health: 4 pinned digests checked; every one checked is served.'
    )
  })

  it('still makes every required request when nothing is left for optional ones', async () => {
    // Three moved entries need a verifying GET each: nine manifest requests leave 3 of 100.
    quota(12)
    const pins = digests.map((d, i) => (i < 3 ? stale(i + 1) : d))
    const result = await run(config(proxy.host, pins))
    expect(result.exitCode).toBe(0)
    const outputs = JSON.parse(result.outputs.updates!) as Array<{ name: string; current: string }>
    expect(outputs.map(u => [u.name, u.current])).toEqual([
      ['svc-0', digests[0]],
      ['svc-1', digests[1]],
      ['svc-2', digests[2]]
    ])
    expect(JSON.parse(result.outputs.failed!)).toEqual([])
    expect(readFileSync(join(workspace, '.github/containers.yml'), 'utf8')).toBe(
      config(proxy.host, digests)
    )
    expect(proxy.requests().filter(r => BY_DIGEST.test(r.path) && r.method === 'HEAD')).toEqual([])
    expect(annotations(result, 'warning')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/only \d+ of 100 pulls left in the current rate-limit window$/)
      ])
    )
    expect(result.summary).toContain(`Rate limit left: ${proxy.host} 3 of 100 per 6 h.`)
  })

  it('sends nothing more to a registry after its 429, and goes on with the others', async () => {
    proxy.setRules([
      // The third tag is refused with a spent quota, as Docker Hub answers: no Retry-After.
      {
        name: 'quota spent',
        method: 'HEAD',
        path: /\/team\/svc-2\/manifests\/v1$/,
        fault: { kind: 'status', status: 429 }
      }
    ])
    const text =
      config(proxy.host, digests.slice(0, 4)) +
      [
        '  - name: elsewhere',
        `    image: ${registry.host}/team/svc-5`,
        '    tag: v1',
        `    digest: ${digests[5]}`,
        ''
      ].join('\n')
    writeFileSync(join(workspace, '.github/containers.yml'), text)
    proxy.clear()
    const result = await runAction({
      workspace,
      inputs: {
        config: '.github/containers.yml',
        'pull-request': 'false',
        'check-pins': 'true',
        // One entry at a time, so "after the 429" is the same on every run.
        concurrency: '1'
      }
    })
    const requests = proxy.requests()
    const refused = requests.findIndex(r => r.status === 429)
    expect(refused).toBeGreaterThan(-1)
    expect(requests.slice(refused + 1)).toEqual([])
    const failed = JSON.parse(result.outputs.failed!) as Array<{ name: string; error: string }>
    expect(failed.map(f => f.name)).toEqual(['svc-2', 'svc-3'])
    expect(failed[1]!.error).toMatch(
      new RegExp(
        `svc-3.*${proxy.host.replace(/\./g, '\\.')} answered HTTP 429 earlier in this run; not asking it again`
      )
    )
    // The other registry was still asked, its pin included.
    expect(result.summary).toMatch(/\| elsewhere \|.*\| unchanged \|/)
    expect(annotations(result, 'warning')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^svc-0: pin health skipped: rate limit$/),
        expect.stringMatching(/^svc-1: pin health skipped: rate limit$/)
      ])
    )
    expect(result.summary).toContain('Pin health: 1 pinned digest checked')
  })
})
