/**
 * An entry's signature settings, read from its own fields: `verify`, `signature_key`,
 * `signed_by: {identity | identity_regexp, issuer}` and `provenance_repository`. Pure; bad
 * values fail with the file, line and field, before any registry is asked.
 */
import type { ConfigEntry } from '../config/model.js'
import { ConfigError } from '../config/error.js'
import { type SignedBy, VERIFY_MODES, type VerifyMode, parseVerifyMode } from './policy.js'

export interface EntrySignaturePolicy {
  mode: VerifyMode
  /** The entry's own key: PEM text, or a workspace path to read it from. */
  signatureKey?: string
  signedBy?: SignedBy
  /** `owner/repo` whose verified SLSA provenance the new digest must carry. */
  provenanceRepository?: string
}

export const SIGNATURE_FIELDS = ['verify', 'signature_key', 'signed_by', 'provenance_repository']

export function readEntryPolicy(
  file: string,
  entry: ConfigEntry,
  defaultMode: VerifyMode
): EntrySignaturePolicy {
  const fail = (field: string, message: string): never => {
    throw new ConfigError(
      file,
      { line: entry.line, col: 1 },
      `containers[${entry.index}].${field}`,
      message
    )
  }
  const { fields } = entry
  const text = (field: string): string | undefined => {
    const value = fields[field]
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string' || value.trim() === '') fail(field, 'expected a non-empty string')
    return (value as string).trim()
  }
  const verify = text('verify')
  const mode = verify === undefined ? defaultMode : parseVerifyMode(verify)
  if (mode === undefined) fail('verify', `expected one of ${VERIFY_MODES.join(', ')}`)
  const repository = text('provenance_repository')
  if (repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repository))
    fail('provenance_repository', 'expected owner/repo')
  return {
    mode: mode!,
    signatureKey: text('signature_key'),
    signedBy: readSignedBy(fields.signed_by, fail),
    provenanceRepository: repository
  }
}

function readSignedBy(
  value: unknown,
  fail: (field: string, message: string) => never
): SignedBy | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value))
    return fail('signed_by', 'expected a mapping with identity (or identity_regexp) and issuer')
  const map = value as Record<string, unknown>
  for (const key of Object.keys(map)) {
    if (!['identity', 'identity_regexp', 'issuer'].includes(key))
      fail(`signed_by.${key}`, 'unknown key; expected identity, identity_regexp and issuer')
  }
  const str = (key: string): string | undefined => {
    const v = map[key]
    if (v === undefined || v === null) return undefined
    if (typeof v !== 'string' || v.trim() === '')
      fail(`signed_by.${key}`, 'expected a non-empty string')
    return (v as string).trim()
  }
  const identity = str('identity')
  const pattern = str('identity_regexp')
  const issuer = str('issuer')
  if (issuer === undefined)
    fail(
      'signed_by.issuer',
      'missing: the OIDC issuer, e.g. https://token.actions.githubusercontent.com'
    )
  if ((identity === undefined) === (pattern === undefined))
    fail('signed_by', 'set exactly one of identity and identity_regexp')
  let identityRegexp: RegExp | undefined
  if (pattern !== undefined) {
    try {
      // Anchored: a pattern meant for one workflow must not match a longer identity.
      identityRegexp = new RegExp(`^(?:${pattern})$`)
    } catch (error) {
      fail(
        'signed_by.identity_regexp',
        `not a valid regular expression: ${(error as Error).message}`
      )
    }
  }
  return { identity, identityRegexp, issuer: issuer! }
}
