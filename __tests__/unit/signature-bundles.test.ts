/**
 * Sigstore bundles through the Sigstore libraries (src/adapters/signature/sigstore.ts),
 * against a private Sigstore the test builds with @sigstore/mock: what verifies, and the
 * ways a bundle must not.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { createBundleVerifier } from '../../src/adapters/signature/sigstore.js'
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
