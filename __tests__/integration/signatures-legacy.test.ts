/**
 * Keyless signatures in cosign's layout from before Sigstore bundles (issue 16), end to end:
 * the bundled action against the real registry, with signatures the test makes with a private
 * Sigstore (a Fulcio certificate, a hashedrekord entry in Rekor) and pushes as cosign did, a
 * `sha256-<hex>.sig` tag whose layer carries the certificate, chain and Rekor bundle as
 * annotations. Each tag is one case, old digest against new.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { annotations, runAction } from '../support/run-action.js'
import { pushKeylessSignature, simpleSigningPayload } from '../support/signing.js'
import { type LegacySignOptions, privateSigstore } from '../support/sigstore.js'

const REPO = 'rust-cross/rust-musl-cross'
const WORKFLOWS = `https://github.com/${REPO}/.github/workflows`
const BUILD = `${WORKFLOWS}/build.yml@refs/heads/main`
const RELEASE = `${WORKFLOWS}/release.yml@refs/heads/main`
const ISSUER = 'https://token.actions.githubusercontent.com'

type Signing = Omit<LegacySignOptions, 'identity'> & {
  identity?: string
  /** Sign a payload that names the old digest (a replayed signature). */
  replay?: boolean
}
interface Case {
  tag: string
  new: Signing
}

const CASES: Case[] = [
  { tag: 'same', new: {} },
  { tag: 'tampered', new: { tamper: true } },
  { tag: 'other-identity', new: { identity: RELEASE } },
  { tag: 'forged-set', new: { forgeSet: true } },
  { tag: 'replayed', new: { replay: true } }
]

interface UpdateRow {
  name: string
  signature?: Record<string, unknown>
}

describe("cosign's legacy keyless layout, old digest against new", () => {
  let registry: RegistryHandle
  let workspace: string
  let config: string
  const old: Record<string, string> = {}
  const fresh: Record<string, string> = {}

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token' })
    const sigstore = await privateSigstore()
    const reference = `${registry.host}/${REPO}`
    for (const c of CASES) {
      const before = await registry.pushImage(REPO, c.tag, { seed: `${c.tag}-old` })
      const after = await registry.pushImage(REPO, c.tag, { seed: `${c.tag}-new` })
      old[c.tag] = before.digest
      fresh[c.tag] = after.digest
      const previous = await sigstore.signLegacy(simpleSigningPayload(reference, before.digest), {
        identity: BUILD
      })
      await pushKeylessSignature(registry, REPO, before.digest, previous)
      const signed = simpleSigningPayload(reference, c.new.replay ? before.digest : after.digest)
      const current = await sigstore.signLegacy(signed, { identity: BUILD, ...c.new })
      await pushKeylessSignature(registry, REPO, after.digest, current)
    }
    config = [
      'containers:',
      ...CASES.flatMap(c => [
        `  - name: ${c.tag}`,
        `    image: ${reference}`,
        `    tag: ${c.tag}`,
        `    digest: ${old[c.tag]}`,
        `    signed_by:`,
        `      identity: ${BUILD}`,
        `      issuer: ${ISSUER}`
      ]),
      ''
    ].join('\n')
    workspace = mkdtempSync(join(tmpdir(), 'signatures-legacy-'))
    mkdirSync(join(workspace, '.github'))
    writeFileSync(join(workspace, 'trusted_root.json'), JSON.stringify(sigstore.trustedRoot))
    writeFileSync(join(workspace, '.github/containers.yml'), config)
  })

  afterAll(async () => {
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  it('require: proposes the same signer and refuses every signature that does not hold', async () => {
    const result = await runAction({
      workspace,
      inputs: {
        config: '.github/containers.yml',
        'pull-request': 'false',
        'sigstore-trusted-root': 'trusted_root.json',
        'verify-signatures': 'require'
      }
    })
    expect(result.exitCode).toBe(0)
    const updates = new Map(
      (JSON.parse(result.outputs.updates ?? '[]') as UpdateRow[]).map(r => [r.name, r])
    )
    expect([...updates.keys()]).toEqual(['same'])
    expect(updates.get('same')!.signature).toEqual({
      verified: true,
      identity: BUILD,
      issuer: ISSUER,
      same_as_previous: true,
      previous: { verified: true, identity: BUILD, issuer: ISSUER }
    })
    const text = readFileSync(join(workspace, '.github/containers.yml'), 'utf8')
    for (const c of CASES) {
      const kept = c.tag !== 'same'
      expect(text.includes(old[c.tag]!)).toBe(kept)
      expect(text.includes(fresh[c.tag]!)).toBe(!kept)
    }
    const warnings = annotations(result, 'warning').join('\n')
    const refused = (tag: string) =>
      new RegExp(`: ${tag} is not updated: signature: ([^\\n]*)`).exec(warnings)?.[1]
    const unsigned = `the new digest is not signed, but the old one was signed by ${BUILD} (${ISSUER})`
    expect(refused('tampered')).toMatch(`${unsigned} (`)
    expect(refused('other-identity')).toBe(
      `${unsigned} (a signature by ${RELEASE} is not the one signed_by names)`
    )
    expect(refused('forged-set')).toMatch(`${unsigned} (`)
    expect(refused('forged-set')).toMatch(/inclusion promise/)
    expect(refused('replayed')).toBe(
      `${unsigned} (a signature signs ${old.replayed}, not this digest)`
    )
    expect(warnings).not.toMatch(/not read yet/)
  })
})
