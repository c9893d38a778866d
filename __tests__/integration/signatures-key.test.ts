/**
 * Key-based cosign signatures end to end (issue 16): the bundled action against the real
 * registry, with signatures the test makes from its own ECDSA P-256 keys and pushes in
 * cosign's `sha256-<hex>.sig` layout. Each tag is one case, old digest against new.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { annotations, runAction } from '../support/run-action.js'
import { type KeyPair, cosignKeyPair, pushCosignSignature } from '../support/signing.js'

const REPO = 'team/signed'
const CASES = ['same', 'unsigned-new', 'other-key', 'tampered', 'replayed', 'unsigned-both']

interface UpdateRow {
  name: string
  current: string
  previous: string | null
  signature?: Record<string, unknown>
}

describe('key-based cosign signatures, old digest against new', () => {
  let registry: RegistryHandle
  let workspace: string
  let trusted: KeyPair
  let other: KeyPair
  const old: Record<string, string> = {}
  const fresh: Record<string, string> = {}
  let config: string

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token' })
    trusted = cosignKeyPair()
    other = cosignKeyPair()
    for (const tag of CASES) {
      old[tag] = (await registry.pushImage(REPO, tag, { seed: `${tag}-old` })).digest
      fresh[tag] = (await registry.pushImage(REPO, tag, { seed: `${tag}-new` })).digest
      if (tag !== 'unsigned-both')
        await pushCosignSignature(registry, REPO, old[tag]!, trusted.privateKey)
    }
    await pushCosignSignature(registry, REPO, fresh.same!, trusted.privateKey)
    await pushCosignSignature(registry, REPO, fresh['other-key']!, other.privateKey)
    await pushCosignSignature(registry, REPO, fresh.tampered!, trusted.privateKey, {
      tamper: true
    })
    // A genuine signature of the old digest, copied to the new one: it signs another digest.
    await pushCosignSignature(registry, REPO, fresh.replayed!, trusted.privateKey, {
      payloadDigest: old.replayed
    })
    config = [
      'containers:',
      ...CASES.flatMap(tag => [
        `  - name: ${tag}`,
        `    image: ${registry.host}/${REPO}`,
        `    tag: ${tag}`,
        `    digest: ${old[tag]}`
      ]),
      ''
    ].join('\n')
    workspace = mkdtempSync(join(tmpdir(), 'signatures-key-'))
    mkdirSync(join(workspace, '.github'))
    writeFileSync(join(workspace, 'trusted.pub'), trusted.publicKeyPem)
  })

  afterAll(async () => {
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  const run = (inputs: Record<string, string>) => {
    writeFileSync(join(workspace, '.github/containers.yml'), config)
    return runAction({
      workspace,
      inputs: { config: '.github/containers.yml', 'pull-request': 'false', ...inputs }
    })
  }
  const written = (): string => readFileSync(join(workspace, '.github/containers.yml'), 'utf8')
  const rows = (outputs: Record<string, string>): Map<string, UpdateRow> =>
    new Map((JSON.parse(outputs.updates ?? '[]') as UpdateRow[]).map(r => [r.name, r]))

  it('require: proposes only the digest signed by the same key as before', async () => {
    const result = await run({
      'verify-signatures': 'require',
      'signature-keys': `trusted.pub\n${other.publicKeyPem}`
    })
    expect(result.exitCode).toBe(0)
    const updates = rows(result.outputs)
    expect([...updates.keys()]).toEqual(['same'])
    expect(updates.get('same')!.signature).toEqual({
      verified: true,
      key: 'trusted.pub',
      same_as_previous: true,
      previous: { verified: true, key: 'trusted.pub' }
    })
    const text = written()
    expect(text).toContain(fresh.same)
    for (const tag of CASES.filter(t => t !== 'same')) {
      expect(text).toContain(old[tag])
      expect(text).not.toContain(fresh[tag])
    }
    const warnings = annotations(result, 'warning').join('\n')
    expect(warnings).toMatch(
      /unsigned-new is not updated: signature: the new digest is not signed, but the old one was signed by key trusted\.pub/
    )
    expect(warnings).toMatch(
      /other-key is not updated: signature: the signer changed from key trusted\.pub to key sha256:[0-9a-f]{16}/
    )
    expect(warnings).toMatch(/tampered is not updated: .*does not verify/)
    expect(warnings).toMatch(
      /replayed is not updated: .*signs sha256:[0-9a-f]{64}, not this digest/
    )
    expect(warnings).toMatch(
      /unsigned-both is not updated: signature: the new digest has no trusted signature \(no signature found\)/
    )
  })

  it('warn: proposes every move and says which are not signed as before', async () => {
    const result = await run({ 'verify-signatures': 'warn', 'signature-keys': 'trusted.pub' })
    expect(result.exitCode).toBe(0)
    const updates = rows(result.outputs)
    expect([...updates.keys()]).toEqual(CASES)
    expect(updates.get('unsigned-new')!.signature).toEqual({
      verified: false,
      same_as_previous: false,
      previous: { verified: true, key: 'trusted.pub' }
    })
    expect(updates.get('same')!.signature).toMatchObject({ verified: true, same_as_previous: true })
    for (const tag of CASES) expect(written()).toContain(fresh[tag])
    const warnings = annotations(result, 'warning').join('\n')
    expect(warnings).toMatch(
      /unsigned-new is updated, but check it: signature: the new digest is not signed/
    )
    expect(warnings).not.toMatch(/same is updated/)
  })

  it('off (the default) proposes every move and reports no signature', async () => {
    const result = await run({ 'signature-keys': 'trusted.pub' })
    expect(result.exitCode).toBe(0)
    const updates = rows(result.outputs)
    expect([...updates.keys()]).toEqual(CASES)
    expect(updates.get('same')!.signature).toBeUndefined()
    expect(annotations(result, 'warning')).toEqual([])
  })

  it('fails before asking any registry when a verified entry names no signer', async () => {
    const result = await run({ 'verify-signatures': 'require' })
    expect(result.exitCode).toBe(1)
    expect(annotations(result, 'error').join('\n')).toMatch(
      /containers\.yml:2: same must be verified \(require\) but names no signer: set signature_key or signed_by on the entry, or give keys in the signature-keys input/
    )
    expect(written()).toBe(config)
  })
})
