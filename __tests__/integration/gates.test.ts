/**
 * The rewind and size gates end to end (issue 15): the bundled action against the real local
 * registry, with images whose config `created` and layer bytes this test sets, so the gates
 * judge the facts the run reads from the registry rather than facts a unit test hands them.
 * The clock is injected (IMAGE_DIGEST_UPDATER_TEST_NOW) so the dates in the reasons are fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { runAction } from '../support/run-action.js'

const CONFIG = '.github/containers.yml'
const NOW = '2026-12-01T08:00:00Z'

interface Held {
  name: string
  image: string
  tag: string
  current: string
  candidate: string
  reason: string
  until: string | null
}

/** config.size plus every layer's size, as the pushed manifest states them. */
function sizeOf(manifest: Buffer): number {
  const json = JSON.parse(manifest.toString('utf8')) as {
    config: { size: number }
    layers: Array<{ size: number }>
  }
  return json.config.size + json.layers.reduce((sum, l) => sum + l.size, 0)
}

describe('the rewind and size gates on the real registry', () => {
  let registry: RegistryHandle
  let dir: string
  const pinned: Record<string, string> = {}
  const moved: Record<string, string> = {}
  const size = { before: 0, after: 0 }

  const configText = (name: string, digest: string, extra = '') =>
    `containers:\n  - name: ${name}\n    image: ${registry.host}/acme/${name}:v1\n    digest: "${digest}"\n${extra}`
  const configPath = () => join(dir, CONFIG)
  const onDisk = () => readFileSync(configPath(), 'utf8')

  const run = (name: string, inputs: Record<string, string> = {}, extra = '') => {
    writeFileSync(configPath(), configText(name, pinned[name]!, extra))
    return runAction({
      workspace: dir,
      inputs: { config: CONFIG, 'pull-request': 'false', ...inputs },
      env: { IMAGE_DIGEST_UPDATER_TEST_NOW: NOW }
    })
  }
  const held = (outputs: Record<string, string>): Held[] => JSON.parse(outputs.held!) as Held[]
  const updates = (outputs: Record<string, string>) =>
    JSON.parse(outputs.updates!) as Array<Record<string, unknown>>

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
    const push = (name: string, options: Parameters<RegistryHandle['pushImage']>[2]) =>
      registry.pushImage(`acme/${name}`, 'v1', options)
    pinned.rewind = (
      await push('rewind', { seed: 'later', created: '2026-11-20T00:00:00Z' })
    ).digest
    moved.rewind = (
      await push('rewind', { seed: 'earlier', created: '2026-11-01T00:00:00Z' })
    ).digest
    const small = await push('big', { seed: 'small', extraLayerBytes: 10_000 })
    const large = await push('big', { seed: 'large', extraLayerBytes: 13_100 })
    pinned.big = small.digest
    moved.big = large.digest
    size.before = sizeOf(small.bytes)
    size.after = sizeOf(large.bytes)
    dir = mkdtempSync(join(tmpdir(), 'gates-'))
    mkdirSync(join(dir, '.github'))
  })

  afterAll(async () => {
    await registry?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('holds a tag that moved back to an older image, with both dates in the reason', async () => {
    const result = await run('rewind')
    expect(result.exitCode).toBe(0)
    expect(held(result.outputs)).toEqual([
      {
        name: 'rewind',
        image: `${registry.host}/acme/rewind`,
        tag: 'v1',
        current: pinned.rewind,
        candidate: moved.rewind,
        reason:
          'tag rewind: the new digest was created 2026-11-01T00:00:00Z, before the pinned one ' +
          '(2026-11-20T00:00:00Z); allow-rewind allows it',
        until: null
      }
    ])
    expect(result.outputs.changed).toBe('false')
    expect(updates(result.outputs)).toEqual([])
    expect(onDisk()).toBe(configText('rewind', pinned.rewind!))
    expect(result.summary).toContain('held: tag rewind')
  })

  it('writes the older image when allow-rewind is true', async () => {
    const result = await run('rewind', { 'allow-rewind': 'true' })
    expect(result.exitCode).toBe(0)
    expect(held(result.outputs)).toEqual([])
    expect(updates(result.outputs).map(u => [u.previous, u.current])).toEqual([
      [pinned.rewind, moved.rewind]
    ])
    expect(onDisk()).toBe(configText('rewind', moved.rewind!))
  })

  // The review's own size flag (size-warn-increase, 20% by default) would flag this jump too:
  // it is set out of reach so that what is asserted is the policy's flag alone.
  const sizeInputs = { 'size-limit-increase': '20%', 'size-warn-increase': '100%' }
  const grew = () => Math.round(((size.after - size.before) / size.before) * 100)

  it('pushes a layer 30% larger than the pinned one', () => {
    expect(grew()).toBe(30)
  })

  it('writes a 30% jump past size-limit-increase under size-policy warn, and flags it', async () => {
    const result = await run('big', sizeInputs)
    expect(result.exitCode).toBe(0)
    expect(held(result.outputs)).toEqual([])
    expect(updates(result.outputs).map(u => [u.previous, u.current])).toEqual([
      [pinned.big, moved.big]
    ])
    expect(onDisk()).toBe(configText('big', moved.big!))
    // A flag in the details keeps auto-merge off (src/run/auto-merge.ts reads the same flags).
    expect(result.summary).toMatch(
      new RegExp(
        `- \\*\\*Flagged\\*\\*: size over limit: linux/amd64 grew ${grew()}% .*> size-limit-increase 20%`
      )
    )
  })

  it('flags nothing without size-limit-increase', async () => {
    const result = await run('big', { 'size-warn-increase': '100%' })
    expect(onDisk()).toBe(configText('big', moved.big!))
    expect(result.summary).not.toContain('Flagged')
  })

  it('holds the jump under size-policy block and leaves the file alone', async () => {
    const result = await run('big', { ...sizeInputs, 'size-policy': 'block' })
    expect(result.exitCode).toBe(0)
    const [entry, ...more] = held(result.outputs)
    expect(more).toEqual([])
    expect(entry).toMatchObject({ name: 'big', current: pinned.big, candidate: moved.big })
    expect(entry!.reason).toMatch(
      new RegExp(`^size over limit: linux/amd64 grew ${grew()}% .*> size-limit-increase 20%$`)
    )
    expect(updates(result.outputs)).toEqual([])
    expect(result.outputs.changed).toBe('false')
    expect(onDisk()).toBe(configText('big', pinned.big!))
  })

  it("holds a new digest over the entry's max_size under size-policy block", async () => {
    // Between the two sizes: the pinned digest fits, the new one does not.
    expect(size.before).toBeLessThan(12_000)
    expect(size.after).toBeGreaterThan(12_000)
    const maxSize = '    max_size: 12kB\n'
    const result = await run(
      'big',
      { 'size-warn-increase': '100%', 'size-policy': 'block' },
      maxSize
    )
    expect(result.exitCode).toBe(0)
    expect(held(result.outputs)).toEqual([
      expect.objectContaining({ name: 'big', current: pinned.big, candidate: moved.big })
    ])
    expect(held(result.outputs)[0]!.reason).toMatch(
      /^size over limit: linux\/amd64 .* > max_size 12(\.0)? kB$/
    )
    expect(onDisk()).toBe(configText('big', pinned.big!, maxSize))
  })
})
