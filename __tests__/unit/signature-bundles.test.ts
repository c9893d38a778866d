/**
 * Sigstore bundles through the Sigstore libraries (src/adapters/signature/sigstore.ts),
 * against a private Sigstore the test builds with @sigstore/mock: what verifies, and the
 * ways a bundle must not. And, offline, a real bundle of the public-good Sigstore against the
 * public-good trusted root the action ships.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { legacyBundle } from '../../src/adapters/signature/legacy-bundle.js'
import {
  PUBLIC_GOOD_SNAPSHOT,
  createBundleVerifier
} from '../../src/adapters/signature/sigstore.js'
import { parseStatement, provenanceSource } from '../../src/domain/signature/payload.js'
import { simpleSigningPayload } from '../support/signing.js'
import { GITHUB_ISSUER, type PrivateSigstore, privateSigstore } from '../support/sigstore.js'

const OVERRIDE = 'the sigstore-trusted-root input'
const DIGEST = `sha256:${'ab'.repeat(32)}`
const IDENTITY =
  'https://github.com/rust-cross/rust-musl-cross/.github/workflows/build.yml@refs/heads/main'

describe('Sigstore bundle verification', () => {
  let sigstore: PrivateSigstore
  let stranger: PrivateSigstore

  beforeAll(async () => {
    sigstore = await privateSigstore()
    stranger = await privateSigstore()
  })

  it('verifies a bundle from the trusted Sigstore and says who signed it', async () => {
    const verify = createBundleVerifier(sigstore.trustedRoot, OVERRIDE)
    const verified = verify(await sigstore.attest(DIGEST, { identity: IDENTITY }))
    expect(verified.identity).toBe(IDENTITY)
    expect(verified.issuer).toBe(GITHUB_ISSUER)
    expect(verified.payloadType).toBe('application/vnd.in-toto+json')
    expect(JSON.parse(verified.payload.toString('utf8'))).toMatchObject({
      subject: [{ digest: { sha256: 'ab'.repeat(32) } }]
    })
  })

  it('refuses a tampered payload', async () => {
    const verify = createBundleVerifier(sigstore.trustedRoot, OVERRIDE)
    const bundle = await sigstore.attest(DIGEST, { identity: IDENTITY, tamper: true })
    expect(() => verify(bundle)).toThrow()
  })

  it('refuses a certificate that had expired when the entry was logged', async () => {
    const verify = createBundleVerifier(sigstore.trustedRoot, OVERRIDE)
    const bundle = await sigstore.attest(DIGEST, {
      identity: IDENTITY,
      certificateAgeMs: 60 * 60_000
    })
    expect(() => verify(bundle)).toThrow()
  })

  it('refuses a bundle from a Sigstore the trusted root does not name', async () => {
    const verify = createBundleVerifier(sigstore.trustedRoot, OVERRIDE)
    const bundle = await stranger.attest(DIGEST, { identity: IDENTITY })
    expect(() => verify(bundle)).toThrow(
      'signed under a Sigstore key the trusted root in the sigstore-trusted-root input does not know'
    )
  })

  it('without a trusted root, checks against the public-good root and says how to refresh it', async () => {
    const bundle = await sigstore.attest(DIGEST, { identity: IDENTITY })
    expect(() => createBundleVerifier(undefined, OVERRIDE)(bundle)).toThrow(
      `signed under a Sigstore key the built-in public-good root (${PUBLIC_GOOD_SNAPSHOT}) does not know: update image-digest-updater, or give a newer root in the sigstore-trusted-root input`
    )
  })
})

/**
 * A real public-good bundle: the npm provenance of sigstore@2.1.0 (an in-toto SLSA v1
 * statement in DSSE, Rekor entry 33351527, 2023-08-29), signed by the sigstore/sigstore-js
 * release workflow. Copied byte for byte from github.com/cli/cli,
 * pkg/cmd/attestation/test/data/sigstore-js-2.1.0-bundle.json (commit 44ee177), where
 * `gh attestation verify` tests use it.
 */
describe('a real public-good bundle, offline', () => {
  const json = JSON.parse(
    readFileSync(
      new URL('../fixtures/sigstore/sigstore-js-2.1.0.provenance.sigstore.json', import.meta.url),
      'utf8'
    )
  ) as { dsseEnvelope: { payload: string } }
  const WORKFLOW =
    'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main'

  it('verifies against the shipped root and names the workflow that signed it', () => {
    const verified = createBundleVerifier(undefined, OVERRIDE)(json)
    expect(verified.identity).toBe(WORKFLOW)
    expect(verified.issuer).toBe(GITHUB_ISSUER)
    const statement = parseStatement(verified.payload)
    if (typeof statement === 'string') throw new Error(statement)
    expect(provenanceSource(statement)).toMatchObject({
      repository: 'sigstore/sigstore-js',
      workflow: '.github/workflows/release.yml'
    })
  })

  it('refuses it with one byte of the payload changed', () => {
    const payload = Buffer.from(json.dsseEnvelope.payload, 'base64')
    // One hex digit of the subject's digest: still JSON, now about other bytes.
    const at = payload.indexOf('"sha512":"') + '"sha512":"'.length
    payload.writeUInt8(payload.readUInt8(at) === 0x30 ? 0x31 : 0x30, at)
    const tampered = {
      ...json,
      dsseEnvelope: { ...json.dsseEnvelope, payload: payload.toString('base64') }
    }
    const verify = createBundleVerifier(undefined, OVERRIDE)
    expect(() => verify(tampered)).toThrow()
    // The keys are known: the failure is the signature, not a stale root.
    expect(() => verify(tampered)).not.toThrow(/does not know/)
  })

  it('is not trusted under another root', async () => {
    const other = await privateSigstore()
    expect(() => createBundleVerifier(other.trustedRoot, OVERRIDE)(json)).toThrow(/does not know/)
  })
})

describe("cosign's legacy keyless signatures, as message-signature bundles", () => {
  let sigstore: PrivateSigstore
  let stranger: PrivateSigstore
  const payload = simpleSigningPayload('registry.example/app', DIGEST)

  beforeAll(async () => {
    sigstore = await privateSigstore()
    stranger = await privateSigstore()
  })

  const verify = (signed: Parameters<typeof legacyBundle>[0]) =>
    createBundleVerifier(sigstore.trustedRoot, OVERRIDE)(legacyBundle(signed), signed.payload)

  it('verifies the signature over the payload and says who signed it', async () => {
    const verified = verify(await sigstore.signLegacy(payload, { identity: IDENTITY }))
    expect(verified.identity).toBe(IDENTITY)
    expect(verified.issuer).toBe(GITHUB_ISSUER)
    expect(verified.payload.equals(payload)).toBe(true)
  })

  it('refuses a payload changed after signing', async () => {
    const signed = await sigstore.signLegacy(payload, { identity: IDENTITY, tamper: true })
    expect(() => verify(signed)).toThrow(/digest mismatch/)
  })

  it('refuses an entry timestamp signed by a key the trusted root does not name', async () => {
    const signed = await sigstore.signLegacy(payload, { identity: IDENTITY, forgeSet: true })
    expect(() => verify(signed)).toThrow(/inclusion promise/)
  })

  it('refuses a signature from a Sigstore the trusted root does not name', async () => {
    const signed = await stranger.signLegacy(payload, { identity: IDENTITY })
    expect(() => verify(signed)).toThrow()
  })

  it('refuses a signature the log entry does not hold', async () => {
    const signed = await sigstore.signLegacy(payload, { identity: IDENTITY })
    const other = await sigstore.signLegacy(payload, { identity: IDENTITY })
    expect(() => verify({ ...signed, bundle: other.bundle })).toThrow()
  })

  it('says what is missing when the annotations are not a keyless signature', async () => {
    const signed = await sigstore.signLegacy(payload, { identity: IDENTITY })
    expect(() => verify({ ...signed, bundle: undefined })).toThrow(/no Rekor bundle/)
    expect(() => verify({ ...signed, bundle: '{"Payload":{}}' })).toThrow(/is not \{Signed/)
    expect(() => verify({ ...signed, certificate: 'not PEM' })).toThrow(/no PEM certificate/)
  })

  it('a DSSE bundle given with a payload is refused, not read as the payload', async () => {
    const bundle = await sigstore.attest(DIGEST, { identity: IDENTITY })
    expect(() => createBundleVerifier(sigstore.trustedRoot, OVERRIDE)(bundle, payload)).toThrow(
      /not the payload/
    )
  })
})
