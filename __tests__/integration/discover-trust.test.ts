/**
 * Discovered references are judged as config entries are (issue 18: "the pull request,
 * details, policies and signatures work the same for discovered references"): the bundled
 * action, with no config, against the real registry (token auth), with cosign signatures the
 * test makes from its own key and a clock the test sets. One Dockerfile pins three images;
 * each tag moved, and each case is one of them:
 * - good:   both digests signed by the trusted key, the new one old enough: moved and reviewed;
 * - signed: the old digest signed, the new one not: refused by `verify-signatures: require`;
 * - young:  both signed, the new one built an hour ago: held by `min-age: 3d`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'
import { annotations, runAction } from '../support/run-action.js'
import { type KeyPair, cosignKeyPair, pushCosignSignature } from '../support/signing.js'

const NOW = '2026-06-15T12:00:00Z'
const LONG_AGO = '2026-05-01T00:00:00Z'
const AN_HOUR_AGO = '2026-06-15T11:00:00Z'

interface Row {
  name: string
  previous: string | null
  current: string
  files: string[]
  created: string | null
  size: Record<string, number>
  signature?: { verified: boolean; key?: string; same_as_previous: boolean | null }
}

interface Held {
  name: string
  current: string
  candidate: string
  reason: string
}

describe('discovered references pass the signatures, policies and reviews', () => {
  let registry: RegistryHandle
  let github: FakeGitHub
  let workspace: string
  let key: KeyPair
  const old: Record<string, string> = {}
  const fresh: Record<string, string> = {}
  let dockerfile: (digests: Record<string, string>) => string

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token' })
    key = cosignKeyPair()
    for (const name of ['good', 'signed', 'young']) {
      const repo = `acme/${name}`
      old[name] = (
        await registry.pushImage(repo, '1', { seed: `${name} old`, created: LONG_AGO })
      ).digest
      const created = name === 'young' ? AN_HOUR_AGO : LONG_AGO
      fresh[name] = (await registry.pushImage(repo, '1', { seed: `${name} new`, created })).digest
      await pushCosignSignature(registry, repo, old[name]!, key.privateKey)
      if (name !== 'signed') await pushCosignSignature(registry, repo, fresh[name]!, key.privateKey)
    }
    const host = registry.host
    dockerfile = digests =>
      [
        `FROM ${host}/acme/good:1@${digests.good} AS base`,
        `COPY --from=${host}/acme/young:1@${digests.young} /tool /usr/bin/tool`,
        '',
        `FROM ${host}/acme/signed:1@${digests.signed}`,
        'COPY --from=base /app /app',
        ''
      ].join('\n')
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'builds',
      files: { Dockerfile: dockerfile(old) }
    })
    workspace = mkdtempSync(join(tmpdir(), 'discover-trust-'))
  })

  afterAll(async () => {
    await github?.stop()
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  const run = (inputs: Record<string, string>) => {
    writeFileSync(join(workspace, 'Dockerfile'), dockerfile(old))
    writeFileSync(join(workspace, 'trusted.pub'), key.publicKeyPem)
    return runAction({
      workspace,
      inputs: {
        discover: 'true',
        files: 'Dockerfile',
        'verify-signatures': 'require',
        'signature-keys': 'trusted.pub',
        'min-age': '3d',
        token: github.token,
        ...inputs
      },
      env: { GITHUB_API_URL: github.url, IMAGE_DIGEST_UPDATER_TEST_NOW: NOW }
    })
  }

  it('moves only the signed, old-enough reference, and holds the other two with their reasons', async () => {
    const result = await run({ 'pull-request': 'false' })
    expect(annotations(result, 'error')).toEqual([])
    expect(result.exitCode).toBe(0)
    const moved = { ...old, good: fresh.good! }
    expect(readFileSync(join(workspace, 'Dockerfile'), 'utf8')).toBe(dockerfile(moved))

    const updates = JSON.parse(result.outputs.updates!) as Row[]
    expect(updates).toHaveLength(1)
    const [good] = updates
    expect(good).toMatchObject({
      name: 'Dockerfile:1',
      previous: old.good,
      current: fresh.good,
      files: ['Dockerfile'],
      created: expect.stringMatching(/^2026-05-01T00:00:00/)
    })
    // The review read the new digest's size per platform, as it does for a config entry.
    expect(Object.values(good!.size).every(bytes => bytes > 0)).toBe(true)
    expect(Object.keys(good!.size)).not.toHaveLength(0)
    expect(good!.signature).toMatchObject({ verified: true, same_as_previous: true })

    const held = JSON.parse(result.outputs.held!) as Held[]
    const byName = new Map(held.map(h => [h.name, h]))
    expect([...byName.keys()].sort()).toEqual(['Dockerfile:2', 'Dockerfile:4'])
    expect(byName.get('Dockerfile:4')).toMatchObject({
      current: old.signed,
      candidate: fresh.signed
    })
    expect(byName.get('Dockerfile:4')!.reason).toMatch(/^signature: the new digest is not signed/)
    expect(byName.get('Dockerfile:2')).toMatchObject({
      current: old.young,
      candidate: fresh.young
    })
    expect(byName.get('Dockerfile:2')!.reason).toMatch(/^waiting, 0 of 3 days/)
  })

  it('names each held reference by file and line in the pull request, with the move reviewed', async () => {
    const result = await run({ 'pull-request': 'true', token: github.workflowsToken })
    expect(annotations(result, 'error')).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('created')
    const proposed = github.readTree('image-digests/update')
    expect(proposed.Dockerfile).toBe(dockerfile({ ...old, good: fresh.good! }))
    const body = github.pulls()[0]!.body!
    expect(body).toContain(`| Dockerfile:1 | \`${old.good}\` | \`${fresh.good}\` |`)
    // The Details block and the held list come from the same stages as a config entry's.
    expect(body).toContain('#### Dockerfile:1')
    // Counted on the run's clock, as the policies count.
    expect(body).toContain('- **Age**: 2026-05-01, 45 days ago')
    expect(body).toContain('- **Signature**: signed with key `trusted.pub`; same signer')
    expect(body).toContain('### Held back')
    expect(body).toContain(`- Dockerfile:2 (\`${registry.host}/acme/young:1\``)
    expect(body).toMatch(/- Dockerfile:4 \(`[^`]+\/acme\/signed:1`[^\n]*refused: signature:/)
  })

  it('fails before asking a registry when a discovered reference must be verified with no key', async () => {
    await registry.resetTokenRequests()
    const result = await run({ 'pull-request': 'false', 'signature-keys': '' })
    expect(result.exitCode).toBe(1)
    // The registry wants a token for every read: none was asked for, so nothing was read.
    expect(await registry.tokenRequests()).toEqual([])
    const [error] = annotations(result, 'error')
    expect(error).toContain(`Dockerfile:1: ${registry.host}/acme/good must be verified (require)`)
    expect(error).toContain('give keys in')
    expect(readFileSync(join(workspace, 'Dockerfile'), 'utf8')).toBe(dockerfile(old))
    expect(result.outputs.updates).toBeUndefined()
  })
})
