/**
 * The signature rules, pure: old digest against new (judgeSignatures), what a payload signs,
 * and the entry fields that ask for a check, with the errors bad ones fail with.
 */
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/domain/config.js'
import { ConfigError } from '../../src/domain/config/error.js'
import { readEntryPolicy } from '../../src/domain/signature/entry-policy.js'
import {
  parseSimpleSigning,
  parseStatement,
  provenanceSource
} from '../../src/domain/signature/payload.js'
import { type DigestSignatures, judgeSignatures } from '../../src/domain/signature/policy.js'

const A = `sha256:${'a'.repeat(64)}`
const ALICE = {
  identity: 'https://github.com/o/r/.github/workflows/a.yml@refs/heads/main',
  issuer: 'https://token.actions.githubusercontent.com'
}
const BOB = { ...ALICE, identity: 'https://github.com/o/r/.github/workflows/b.yml@refs/heads/main' }
const signed = (...signers: DigestSignatures['signers']): DigestSignatures => ({
  signers,
  provenance: []
})
const rules = { signatureRequired: true }

describe('judgeSignatures', () => {
  it('the same signer as before is the good case', () => {
    expect(judgeSignatures(signed(ALICE), signed(ALICE), rules)).toEqual({
      signature: {
        verified: true,
        ...ALICE,
        same_as_previous: true,
        previous: { verified: true, ...ALICE }
      },
      provenance: undefined,
      alarm: undefined
    })
  })

  it('prefers the old signer when the new digest has several', () => {
    const verdict = judgeSignatures(signed(ALICE), signed(BOB, ALICE), rules)
    expect(verdict.signature).toMatchObject({ identity: ALICE.identity, same_as_previous: true })
    expect(verdict.alarm).toBeUndefined()
  })

  it('a signer change is an alarm', () => {
    expect(judgeSignatures(signed(ALICE), signed(BOB), rules).alarm).toBe(
      `the signer changed from ${ALICE.identity} (${ALICE.issuer}) to ${BOB.identity} (${BOB.issuer})`
    )
  })

  it('an unsigned new digest after a signed old one is an alarm that names the old signer', () => {
    const verdict = judgeSignatures(
      signed({ key: 'k.pub' }),
      { ...signed(), problem: 'no signature found' },
      rules
    )
    expect(verdict.signature).toEqual({
      verified: false,
      same_as_previous: false,
      previous: { verified: true, key: 'k.pub' }
    })
    expect(verdict.alarm).toBe(
      'the new digest is not signed, but the old one was signed by key k.pub (no signature found)'
    )
  })

  it('a newly pinned digest has no previous state; an old unsigned one is no alarm once the new is signed', () => {
    expect(judgeSignatures(undefined, signed(ALICE), rules).signature.same_as_previous).toBeNull()
    expect(judgeSignatures(signed(), signed(ALICE), rules).alarm).toBeUndefined()
  })

  // same_as_previous: false is two cases; `previous` tells them apart.
  it.each<[string, DigestSignatures | undefined, DigestSignatures, unknown]>([
    ['newly pinned: nothing known', undefined, signed(ALICE), null],
    ['the old digest was unsigned', signed(), signed(ALICE), { verified: false }],
    ['the signer changed', signed(ALICE), signed(BOB), { verified: true, ...ALICE }],
    ['the same signer', signed(BOB, ALICE), signed(ALICE), { verified: true, ...ALICE }],
    [
      'signed with a key before',
      signed({ key: 'k.pub' }),
      signed(ALICE),
      { verified: true, key: 'k.pub' }
    ],
    ['both unsigned', signed(), signed(), { verified: false }]
  ])('previous: %s', (_, before, after, previous) => {
    expect(judgeSignatures(before, after, rules).signature.previous).toEqual(previous)
  })

  it('provenance must name the repository, and says which one it names instead', () => {
    const current = { signers: [], provenance: [{ repository: 'mallory/r' }] }
    const verdict = judgeSignatures(undefined, current, {
      provenanceRepository: 'o/r',
      signatureRequired: false
    })
    expect(verdict.provenance).toEqual({ verified: false, repository: 'mallory/r' })
    expect(verdict.alarm).toBe('the build provenance names mallory/r, not o/r')
  })

  it('a missing provenance says why none verified, as a missing signature does', () => {
    const problem = 'signed under a Sigstore key the built-in public-good root does not know'
    const current = { signers: [], provenance: [], problem }
    const verdict = judgeSignatures(undefined, current, {
      provenanceRepository: 'o/r',
      signatureRequired: false
    })
    expect(verdict.alarm).toBe(`no verified build provenance from o/r (${problem})`)
  })

  it('a signer identity cannot break the line of a warning', () => {
    const hostile = { identity: 'x\n::error::forged', issuer: 'i' }
    expect(judgeSignatures(signed(ALICE), signed(hostile), rules).alarm).not.toContain('\n')
  })
})

describe('payloads', () => {
  it('reads the digest a simple-signing payload signs, and refuses other documents', () => {
    const payload = {
      critical: {
        identity: { 'docker-reference': 'r' },
        image: { 'docker-manifest-digest': A },
        type: 'cosign container image signature'
      }
    }
    expect(parseSimpleSigning(Buffer.from(JSON.stringify(payload)))).toEqual({
      dockerManifestDigest: A,
      dockerReference: 'r'
    })
    expect(parseSimpleSigning(Buffer.from('{"critical":{}}'))).toMatch(
      /not a cosign container image signature/
    )
    expect(parseSimpleSigning(Buffer.from('not json'))).toMatch(/not a cosign simple-signing/)
  })

  it('reads a SLSA provenance source repository and workflow', () => {
    const statement = parseStatement(
      Buffer.from(
        JSON.stringify({
          _type: 'https://in-toto.io/Statement/v1',
          subject: [{ digest: { sha256: 'a'.repeat(64) } }],
          predicateType: 'https://slsa.dev/provenance/v1',
          predicate: {
            buildDefinition: {
              externalParameters: {
                workflow: { repository: 'https://github.com/o/r', path: '.github/workflows/x.yml' }
              }
            }
          }
        })
      )
    )
    if (typeof statement === 'string') throw new Error(statement)
    expect(statement.subjects).toEqual([A])
    expect(provenanceSource(statement)).toEqual({
      repository: 'o/r',
      url: 'https://github.com/o/r',
      workflow: '.github/workflows/x.yml'
    })
  })
})

describe('readEntryPolicy', () => {
  const entry = (fields: string) =>
    parseConfig('c.yml', `containers:\n  - image: a/b\n    tag: t\n${fields}`).entries[0]!
  const fails = (fields: string) => {
    try {
      readEntryPolicy('c.yml', entry(fields), 'off')
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      return (error as Error).message
    }
    throw new Error('did not fail')
  }

  it('reads the fields, the entry winning over the global mode', () => {
    const policy = readEntryPolicy(
      'c.yml',
      entry(
        '    verify: require\n    signed_by: {identity_regexp: "https://github.com/o/.+", issuer: "https://i"}\n    provenance_repository: o/r\n'
      ),
      'off'
    )
    expect(policy.mode).toBe('require')
    expect(policy.signedBy?.identityRegexp?.test('https://github.com/o/r')).toBe(true)
    // Anchored: a longer identity does not match by containing the pattern.
    expect(policy.signedBy?.identityRegexp?.test('https://evil/https://github.com/o/r')).toBe(false)
    expect(policy.provenanceRepository).toBe('o/r')
    expect(readEntryPolicy('c.yml', entry(''), 'warn').mode).toBe('warn')
  })

  it.each([
    [
      '    verify: sometimes\n',
      'c.yml:2:1: containers[0].verify: expected one of off, warn, require'
    ],
    ['    signed_by: {identity: x}\n', 'containers[0].signed_by.issuer: missing'],
    [
      '    signed_by: {identity: x, identity_regexp: y, issuer: i}\n',
      'set exactly one of identity and identity_regexp'
    ],
    [
      '    signed_by: {identity_regexp: "(", issuer: i}\n',
      'containers[0].signed_by.identity_regexp: not a valid regular expression'
    ],
    ['    signed_by: {subject: x, issuer: i}\n', 'containers[0].signed_by.subject: unknown key'],
    [
      '    provenance_repository: just-a-name\n',
      'containers[0].provenance_repository: expected owner/repo'
    ]
  ])('refuses %j', (fields, message) => {
    expect(fails(fields)).toContain(message)
  })
})
