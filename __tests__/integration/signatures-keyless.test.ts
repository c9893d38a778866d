/**
 * Keyless Sigstore signatures and build provenance end to end (issue 16): the bundled action
 * against the real registry, with bundles made by a private Sigstore (Fulcio, CT log, Rekor)
 * the test builds, pushed as referrers through the fallback tag `sha256-<hex>`, and the
 * trusted root given through sigstore-trusted-root. Each tag is one case, old against new.
 * Without sigstore-trusted-root the same bundles meet the public-good root the action ships.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { annotations, runAction } from '../support/run-action.js'
import { pushBundles } from '../support/signing.js'
import { SLSA_V1, githubProvenance, privateSigstore } from '../support/sigstore.js'

const REPO = 'rust-cross/rust-musl-cross'
const SOURCE = 'rust-cross/rust-musl-cross'
const WORKFLOWS = `https://github.com/${SOURCE}/.github/workflows`
const BUILD = `${WORKFLOWS}/build.yml@refs/heads/main`
const RELEASE = `${WORKFLOWS}/release.yml@refs/heads/main`
const ISSUER = 'https://token.actions.githubusercontent.com'

type Signing = { identity?: string; issuer?: string; age?: number; tamper?: boolean }
interface Case {
  tag: string
  /** How the old and the new digest are signed; undefined is unsigned. */
  old?: Signing
  new?: Signing
  /** The entry's extra YAML lines. */
  fields: string[]
  provenance?: string
}

const exact = [`    signed_by:`, `      identity: ${BUILD}`, `      issuer: ${ISSUER}`]
const pattern = [
  `    signed_by:`,
  `      identity_regexp: ${WORKFLOWS.replace(/\./g, '\\.')}/.+`,
  `      issuer: ${ISSUER}`
]
const CASES: Case[] = [
  { tag: 'same', old: { identity: BUILD }, new: { identity: BUILD }, fields: exact },
  { tag: 'unsigned-new', old: { identity: BUILD }, fields: exact },
  { tag: 'other-identity', old: { identity: BUILD }, new: { identity: RELEASE }, fields: exact },
  { tag: 'signer-changed', old: { identity: BUILD }, new: { identity: RELEASE }, fields: pattern },
  {
    tag: 'wrong-issuer',
    old: { identity: BUILD },
    new: { identity: BUILD, issuer: 'https://accounts.google.com' },
    fields: exact
  },
  {
    tag: 'expired',
    old: { identity: BUILD },
    new: { identity: BUILD, age: 3600_000 },
    fields: exact
  },
  {
    tag: 'tampered',
    old: { identity: BUILD },
    new: { identity: BUILD, tamper: true },
    fields: exact
  },
  { tag: 'opted-out', old: { identity: BUILD }, fields: [...exact, '    verify: "off"'] },
  {
    tag: 'provenance',
    fields: [`    provenance_repository: ${SOURCE}`],
    provenance: SOURCE
  },
  {
    tag: 'provenance-elsewhere',
    fields: [`    provenance_repository: ${SOURCE}`],
    provenance: 'mallory/rust-musl-cross'
  }
]

interface UpdateRow {
  name: string
  signature?: Record<string, unknown>
  provenance?: Record<string, unknown>
}

describe('keyless Sigstore signatures and provenance, old digest against new', () => {
  let registry: RegistryHandle
  let workspace: string
  let config: string
  const old: Record<string, string> = {}
  const fresh: Record<string, string> = {}

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token' })
    const sigstore = await privateSigstore()
    const attest = (digest: string, s: Signing) =>
      sigstore.attest(digest, {
        identity: s.identity!,
        issuer: s.issuer,
        certificateAgeMs: s.age,
        tamper: s.tamper
      })
    for (const c of CASES) {
      const before = await registry.pushImage(REPO, c.tag, { seed: `${c.tag}-old` })
      const after = await registry.pushImage(REPO, c.tag, { seed: `${c.tag}-new` })
      old[c.tag] = before.digest
      fresh[c.tag] = after.digest
      if (c.old)
        await pushBundles(registry, REPO, before.digest, before.bytes.length, [
          await attest(before.digest, c.old)
        ])
      const bundles = c.new ? [await attest(after.digest, c.new)] : []
      if (c.provenance) {
        bundles.push(
          await sigstore.attest(after.digest, {
            identity: `https://github.com/${c.provenance}/.github/workflows/release.yml@refs/heads/main`,
            predicateType: SLSA_V1,
            predicate: githubProvenance(c.provenance, '.github/workflows/release.yml')
          })
        )
      }
      if (bundles.length > 0)
        await pushBundles(registry, REPO, after.digest, after.bytes.length, bundles)
    }
    config = [
      'containers:',
      ...CASES.flatMap(c => [
        `  - name: ${c.tag}`,
        `    image: ${registry.host}/${REPO}`,
        `    tag: ${c.tag}`,
        `    digest: ${old[c.tag]}`,
        ...c.fields
      ]),
      ''
    ].join('\n')
    workspace = mkdtempSync(join(tmpdir(), 'signatures-keyless-'))
    mkdirSync(join(workspace, '.github'))
    writeFileSync(join(workspace, 'trusted_root.json'), JSON.stringify(sigstore.trustedRoot))
  })

  afterAll(async () => {
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  const run = (inputs: Record<string, string>) => {
    writeFileSync(join(workspace, '.github/containers.yml'), config)
    return runAction({
      workspace,
      inputs: {
        config: '.github/containers.yml',
        'pull-request': 'false',
        'sigstore-trusted-root': 'trusted_root.json',
        ...inputs
      }
    })
  }
  const written = (): string => readFileSync(join(workspace, '.github/containers.yml'), 'utf8')
  const rows = (outputs: Record<string, string>): Map<string, UpdateRow> =>
    new Map((JSON.parse(outputs.updates ?? '[]') as UpdateRow[]).map(r => [r.name, r]))

  it('require: proposes the same signer and the right provenance, refuses the rest', async () => {
    const result = await run({ 'verify-signatures': 'require' })
    expect(result.exitCode).toBe(0)
    const updates = rows(result.outputs)
    expect([...updates.keys()]).toEqual(['same', 'opted-out', 'provenance'])
    expect(updates.get('same')!.signature).toEqual({
      verified: true,
      identity: BUILD,
      issuer: ISSUER,
      same_as_previous: true,
      previous: { verified: true, identity: BUILD, issuer: ISSUER }
    })
    expect(updates.get('opted-out')!.signature).toBeUndefined()
    expect(updates.get('provenance')!.provenance).toEqual({
      verified: true,
      repository: SOURCE,
      workflow: '.github/workflows/release.yml'
    })
    const text = written()
    for (const c of CASES) {
      const kept = !updates.has(c.tag)
      expect(text.includes(old[c.tag]!)).toBe(kept)
      expect(text.includes(fresh[c.tag]!)).toBe(!kept)
    }
    const warnings = annotations(result, 'warning').join('\n')
    const refused = (tag: string) =>
      new RegExp(`: ${tag} is not updated: signature: ([^\\n]*)`).exec(warnings)?.[1]
    expect(refused('unsigned-new')).toBe(
      `the new digest is not signed, but the old one was signed by ${BUILD} (${ISSUER}) (no signature found)`
    )
    expect(refused('other-identity')).toMatch(`is not the one signed_by names`)
    expect(refused('signer-changed')).toBe(
      `the signer changed from ${BUILD} (${ISSUER}) to ${RELEASE} (${ISSUER})`
    )
    expect(refused('wrong-issuer')).toMatch('is not the one signed_by names')
    expect(refused('expired')).toMatch(/not signed.*\(.+\)/)
    expect(refused('tampered')).toMatch(/not signed.*\(.+\)/)
    expect(refused('provenance-elsewhere')).toBe(
      `the build provenance names mallory/rust-musl-cross, not ${SOURCE}`
    )
  })

  it('warn: proposes every move and flags the ones that are not signed as before', async () => {
    const result = await run({ 'verify-signatures': 'warn' })
    expect(result.exitCode).toBe(0)
    const updates = rows(result.outputs)
    expect(updates.size).toBe(CASES.length)
    expect(updates.get('signer-changed')!.signature).toEqual({
      verified: true,
      identity: RELEASE,
      issuer: ISSUER,
      same_as_previous: false,
      previous: { verified: true, identity: BUILD, issuer: ISSUER }
    })
    const warnings = annotations(result, 'warning').join('\n')
    expect(warnings).toContain(
      'signer-changed is updated, but check it: signature: the signer changed'
    )
    expect(warnings).not.toMatch(/: same is updated/)
  })

  it('without sigstore-trusted-root, checks against the public-good root and says how to refresh it', async () => {
    const result = await run({ 'verify-signatures': 'require', 'sigstore-trusted-root': '' })
    expect(result.exitCode).toBe(0)
    // Only the entry that opted out moves: the private Sigstore is not the public-good one.
    expect([...rows(result.outputs).keys()]).toEqual(['opted-out'])
    expect(written().includes(old['same']!)).toBe(true)
    const warnings = annotations(result, 'warning').join('\n')
    expect(warnings).toMatch(
      /: same is not updated: signature: the new digest has no trusted signature \(signed under a Sigstore key the built-in public-good root \(@sigstore\/tuf \d+\.\d+\.\d+, \d{4}-\d{2}-\d{2}\) does not know: update image-digest-updater, or give a newer root in the sigstore-trusted-root input\)\n/
    )
  })
})
