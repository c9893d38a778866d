/**
 * The details of a move, read from the real registry (token auth) for images this test makes
 * with known differences: an identical-layer rebuild, a lost platform, a 30% size jump, a
 * moved base annotation and a known `created`. The bundled action's `updates` output carries
 * them; the core's reviews flag the size jump; each manifest and blob is fetched once.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { runAction } from '../support/run-action.js'
import { RegistryClient } from '../../src/adapters/registry/client.js'
import { runUpdate } from '../../src/run/update.js'
import { silentLogger } from '../../src/adapters/registry/http.js'
import type { GitHubReviewSources } from '../../src/run/review-sources.js'

const PASSWORD = 'alice-s3cret-pass'
const BASE_NAME = 'org.opencontainers.image.base.name'
const BASE_DIGEST = 'org.opencontainers.image.base.digest'
const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`

/** config.size plus every layer's size, as the pushed manifest states them. */
function sizeOf(manifest: Buffer): number {
  const json = JSON.parse(manifest.toString('utf8')) as {
    config: { size: number }
    layers: Array<{ size: number }>
  }
  return json.config.size + json.layers.reduce((sum, l) => sum + l.size, 0)
}

describe('details of moved images from the real registry', () => {
  let registry: RegistryHandle
  let workspace: string
  const previous: Record<string, string> = {}
  const current: Record<string, string> = {}
  const sizes: Record<string, { before: number; after: number }> = {}

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', anonymousPull: false })
    const push = async (name: string, options: Parameters<RegistryHandle['pushImage']>[2]) =>
      registry.pushImage(`app/${name}`, 'v1', options)

    // The same layer, a new config (a label): only metadata moved.
    previous.rebuild = (await push('rebuild', { seed: 'same', labels: { build: '1' } })).digest
    current.rebuild = (await push('rebuild', { seed: 'same', labels: { build: '2' } })).digest

    const three = await registry.pushIndex('app/multi', 'v1', {
      seed: 'old',
      platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
    })
    previous.multi = three.digest
    current.multi = (
      await registry.pushIndex('app/multi', 'v1', {
        seed: 'new',
        platforms: ['linux/amd64', 'linux/arm64']
      })
    ).digest

    const small = await push('big', { seed: 'small', extraLayerBytes: 10_000 })
    const large = await push('big', { seed: 'large', extraLayerBytes: 13_300 })
    previous.big = small.digest
    current.big = large.digest
    sizes.big = { before: sizeOf(small.bytes), after: sizeOf(large.bytes) }

    const base = (digest: string) => ({
      [BASE_NAME]: 'docker.io/library/alpine:3.20',
      [BASE_DIGEST]: digest
    })
    previous.based = (
      await push('based', { seed: 'b1', annotations: base(sha('alpine-1')) })
    ).digest
    current.based = (
      await push('based', {
        seed: 'b2',
        annotations: base(sha('alpine-2')),
        created: '2026-11-30T08:15:00+01:00'
      })
    ).digest

    workspace = mkdtempSync(join(tmpdir(), 'details-'))
    mkdirSync(join(workspace, '.github'))
  })

  afterAll(async () => {
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  const config = () =>
    `containers:\n${Object.keys(previous)
      .map(
        name =>
          `  - name: ${name}\n    image: ${registry.host}/app/${name}:v1\n    digest: "${previous[name]}"\n`
      )
      .join('')}`

  it('puts sizes, platforms, base, layers and created into the updates output', async () => {
    writeFileSync(join(workspace, '.github/containers.yml'), config())
    const run = await runAction({
      workspace,
      inputs: {
        config: '.github/containers.yml',
        'registry-auth': JSON.stringify({
          [registry.host]: { username: 'alice', password: PASSWORD }
        }),
        'pull-request': 'false'
      }
    })
    expect(run.exitCode).toBe(0)
    const updates = JSON.parse(run.outputs.updates!) as Array<Record<string, unknown>>
    const byName: Record<string, Record<string, unknown>> = Object.fromEntries(
      updates.map(u => [String(u.name), u])
    )
    // The index that lost a platform is held back by the lost-platform gate (issue 15), with
    // the platform named; its details are checked on the run's reviews below.
    expect(Object.keys(byName).sort()).toEqual(['based', 'big', 'rebuild'])
    const held = JSON.parse(run.outputs.held!) as Array<Record<string, unknown>>
    expect(held.map(h => [h.name, h.candidate])).toEqual([['multi', current.multi]])
    expect(String(held[0]!.reason)).toContain('linux/arm/v7')
    for (const [name, u] of Object.entries(byName)) {
      expect(u.previous).toBe(previous[name])
      expect(u.current).toBe(current[name])
    }

    expect(byName.rebuild).toMatchObject({
      identical_layers: true,
      platforms_added: [],
      platforms_removed: [],
      created: null,
      created_source: null,
      base: null,
      commits: null
    })
    expect(byName.big).toMatchObject({
      size: { 'linux/amd64': sizes.big!.after },
      previous_size: { 'linux/amd64': sizes.big!.before },
      identical_layers: false
    })
    expect(sizes.big!.after / sizes.big!.before).toBeGreaterThan(1.25)
    expect(byName.based).toMatchObject({
      base: {
        name: 'docker.io/library/alpine:3.20',
        previous: sha('alpine-1'),
        current: sha('alpine-2')
      },
      created: '2026-11-30T07:15:00.000Z',
      created_source: 'image-config'
    })
  })

  it('reviews each move, flags the size jump, asks GitHub for commits, and reads each manifest and blob once', async () => {
    writeFileSync(join(workspace, '.github/containers.yml'), config())
    const sent: string[] = []
    const client = new RegistryClient({
      credentials: {
        lookup: async () => ({ username: 'alice', password: PASSWORD, source: 'test' }),
        fallback: () => undefined
      },
      onRequest: (method, url) => sent.push(`${method} ${new URL(url).pathname}`)
    })
    const asked: string[] = []
    const github: GitHubReviewSources = {
      packageVersionCreated: async (_image, digest) => {
        asked.push(`created ${digest}`)
        return digest === current.rebuild ? '2026-11-29T00:00:00Z' : undefined
      },
      compareCommits: async () => {
        throw new Error('compare should not be asked: no image has revision labels')
      }
    }
    const result = await runUpdate(
      {
        mode: 'update',
        configPath: join(workspace, '.github/containers.yml'),
        configLabel: '.github/containers.yml',
        dryRun: true,
        concurrency: 4,
        reviewSources: github,
        sizeWarnIncrease: 0.2
      },
      client,
      silentLogger
    )
    expect(result.reviews).toHaveLength(4)
    const review = (name: string) =>
      result.reviews.find(r => r.current === current[name] && r.previous === previous[name])!
    expect(review('big').flags).toEqual([
      `size +${Math.round((sizes.big!.after / sizes.big!.before - 1) * 100)}% on linux/amd64`
    ])
    for (const name of ['rebuild', 'multi', 'based']) expect(review(name).flags).toEqual([])
    expect(review('multi').comparison).toMatchObject({
      identicalLayers: false,
      platformsAdded: [],
      platformsRemoved: ['linux/arm/v7']
    })
    expect(Object.keys(review('multi').comparison!.size).sort()).toEqual([
      'linux/amd64',
      'linux/arm64'
    ])
    // Attestation manifests (unknown/unknown) are no platform.
    expect(Object.keys(review('multi').comparison!.previousSize).sort()).toEqual([
      'linux/amd64',
      'linux/arm/v7',
      'linux/arm64'
    ])
    expect(review('rebuild').comparison?.created).toEqual({
      at: '2026-11-29T00:00:00.000Z',
      source: 'github-packages'
    })
    expect(asked).toContain(`created ${current.rebuild}`)

    const gets = sent.filter(line => line.startsWith('GET /v2/app/'))
    expect(gets.length).toBeGreaterThan(0)
    expect(new Set(gets).size).toBe(gets.length)
  })

  it('keeps the move when an old digest is gone, with its details unavailable', async () => {
    const gone = sha('a manifest nobody pushed')
    writeFileSync(
      join(workspace, '.github/containers.yml'),
      `containers:\n  - name: big\n    image: ${registry.host}/app/big:v1\n    digest: "${gone}"\n`
    )
    const client = new RegistryClient({
      credentials: {
        lookup: async () => ({ username: 'alice', password: PASSWORD, source: 'test' }),
        fallback: () => undefined
      }
    })
    const result = await runUpdate(
      {
        mode: 'update',
        configPath: join(workspace, '.github/containers.yml'),
        configLabel: '.github/containers.yml',
        dryRun: true,
        concurrency: 4
      },
      client,
      silentLogger
    )
    expect(result.updates.map(u => u.current)).toEqual([current.big])
    const [review] = result.reviews
    expect(review?.unavailable).toMatch(/^previous digest: .*app\/big@sha256:/)
    expect(review?.flags).toEqual([`details unavailable: ${review!.unavailable}`])
    expect(review?.comparison?.size).toEqual({ 'linux/amd64': sizes.big!.after })
  })
})
