/**
 * Sigstore bundles through the Sigstore libraries (src/adapters/signature/sigstore.ts),
 * against a private Sigstore the test builds with @sigstore/mock: what verifies, and the
 * ways a bundle must not.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { legacyBundle } from '../../src/adapters/signature/legacy-bundle.js'
import { createBundleVerifier } from '../../src/adapters/signature/sigstore.js'
import { simpleSigningPayload } from '../support/signing.js'
import { GITHUB_ISSUER, type PrivateSigstore, privateSigstore } from '../support/sigstore.js'

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
    const verify = createBundleVerifier(sigstore.trustedRoot)
    const verified = verify(await sigstore.attest(DIGEST, { identity: IDENTITY }))
    expect(verified.identity).toBe(IDENTITY)
    expect(verified.issuer).toBe(GITHUB_ISSUER)
    expect(verified.payloadType).toBe('application/vnd.in-toto+json')
    expect(JSON.parse(verified.payload.toString('utf8'))).toMatchObject({
      subject: [{ digest: { sha256: 'ab'.repeat(32) } }]
    })
  })

  it('refuses a tampered payload', async () => {
    const verify = createBundleVerifier(sigstore.trustedRoot)
    const bundle = await sigstore.attest(DIGEST, { identity: IDENTITY, tamper: true })
    expect(() => verify(bundle)).toThrow()
  })

  it('refuses a certificate that had expired when the entry was logged', async () => {
    const verify = createBundleVerifier(sigstore.trustedRoot)
    const bundle = await sigstore.attest(DIGEST, {
      identity: IDENTITY,
      certificateAgeMs: 60 * 60_000
    })
    expect(() => verify(bundle)).toThrow()
  })

  it('refuses a bundle from a Sigstore the trusted root does not name', async () => {
    const verify = createBundleVerifier(sigstore.trustedRoot)
    const bundle = await stranger.attest(DIGEST, { identity: IDENTITY })
    expect(() => verify(bundle)).toThrow()
  })

  it('without a trusted root, every bundle fails with the reason', async () => {
    const bundle = await sigstore.attest(DIGEST, { identity: IDENTITY })
    expect(() => createBundleVerifier(undefined)(bundle)).toThrow(/no trusted root/)
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
    createBundleVerifier(sigstore.trustedRoot)(legacyBundle(signed), signed.payload)

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
    expect(() => createBundleVerifier(sigstore.trustedRoot)(bundle, payload)).toThrow(
      /not the payload/
    )
  })
})
