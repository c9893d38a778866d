/**
 * The Sigstore public-good trusted root shipped in src/adapters/signature (issue 16): it is
 * the public-good instance's root, our @sigstore/verify can use it, and it is byte for byte
 * the file its provenance note describes (what scripts/trusted-root.mjs extracted from the
 * TUF seeds of @sigstore/tuf).
 */
import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toTrustMaterial } from '@sigstore/verify'

const DIR = new URL('../../src/adapters/signature/', import.meta.url)
const bytes = readFileSync(new URL('public-good-trusted-root.json', DIR))
const note = JSON.parse(
  readFileSync(new URL('public-good-trusted-root.source.json', DIR), 'utf8')
) as Record<string, string>

interface RootJson {
  tlogs: Array<{ baseUrl: string }>
  ctlogs: Array<{ baseUrl: string }>
  certificateAuthorities: Array<{ uri: string }>
}

describe('the shipped public-good trusted root', () => {
  const root = JSON.parse(bytes.toString('utf8')) as RootJson

  it('names the public-good Fulcio, Rekor and CT log', () => {
    expect(root.certificateAuthorities.map(ca => ca.uri)).toContain('https://fulcio.sigstore.dev')
    expect(root.tlogs.map(log => log.baseUrl)).toContain('https://rekor.sigstore.dev')
    expect(root.ctlogs.map(log => log.baseUrl)).toContain('https://ctfe.sigstore.dev/2022')
  })

  it('parses to trust material for @sigstore/verify', () => {
    const material = toTrustMaterial(TrustedRoot.fromJSON(root))
    expect(material.certificateAuthorities.length).toBeGreaterThan(0)
    expect(material.tlogs.length).toBeGreaterThan(0)
    expect(material.ctlogs.length).toBeGreaterThan(0)
  })

  it('is the file its provenance note names', () => {
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(note.sha256)
    expect(note).toMatchObject({
      package: '@sigstore/tuf',
      repository: 'https://tuf-repo-cdn.sigstore.dev',
      target: 'trusted_root.json'
    })
    expect(note.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(note.published).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})
