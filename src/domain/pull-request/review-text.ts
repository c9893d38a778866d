/**
 * The words and numbers a review is told in, shared by the pull request body, the job summary
 * and the command line: a creation time's age and source, a size and its change, a short
 * digest. Pure; escaping is the caller's, for the place the text lands in.
 */
import type { CreatedSource, CreatedTime } from '../oci/image-facts.js'
import type { PreviousSignature, ProvenanceCheck, SignatureCheck } from '../review.js'

/** Which source a creation time came from, as a reviewer reads it. */
export const CREATED_SOURCE_WORDS: Record<CreatedSource, string> = {
  'docker-hub': 'Docker Hub push time',
  'github-packages': 'GitHub Packages',
  'image-config': 'image config created',
  'first-seen': 'first seen by image-digest-updater'
}

const DAY_MS = 24 * 60 * 60 * 1000

/** `2024-04-28, 3 days ago (Docker Hub push time)`; "unknown" without a usable time. */
export function ageText(created: CreatedTime | null | undefined, now: Date): string {
  const at = created ? new Date(created.at) : undefined
  if (!created || !at || Number.isNaN(at.getTime())) return 'unknown'
  // An unknown source (a newer producer) is named as unknown rather than as its raw text.
  const source = Object.hasOwn(CREATED_SOURCE_WORDS, created.source)
    ? CREATED_SOURCE_WORDS[created.source]
    : 'unknown source'
  return `${isoDate(at)}, ${daysAgo(at, now)} (${source})`
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function daysAgo(at: Date, now: Date): string {
  if (Number.isNaN(now.getTime())) return 'age unknown'
  const days = Math.floor((now.getTime() - at.getTime()) / DAY_MS)
  if (days < 0) return 'dated in the future'
  if (days === 0) return 'today'
  return days === 1 ? '1 day ago' : `${days} days ago`
}

/** `12,345,678`: grouped by hand, so the text does not depend on the machine's locale. */
export function groupDigits(n: number): string {
  const sign = n < 0 ? '-' : ''
  return sign + String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Bytes in binary units with one decimal: `512 B`, `1.5 KiB`, `30.2 MiB`. */
export function humanBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return unit === 0 ? `${groupDigits(value)} B` : `${value.toFixed(1)} ${units[unit]}`
}

/** `10.0 MiB → 13.0 MiB (+3,145,728 bytes, +30.0%)`, or `5.0 MiB (new)` without an old size. */
export function sizeChangeText(previous: number | undefined, current: number): string {
  if (previous === undefined) return `${humanBytes(current)} (new)`
  const change = current - previous
  const sign = change > 0 ? '+' : ''
  const percent = previous > 0 ? `, ${sign}${((change / previous) * 100).toFixed(1)}%` : ''
  const bytes = Math.abs(change) === 1 ? 'byte' : 'bytes'
  return `${humanBytes(previous)} → ${humanBytes(current)} (${sign}${groupDigits(change)} ${bytes}${percent})`
}

/** `sha256:` and the first 12 hex digits: enough to tell two digests apart at a glance. */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.includes(':') ? digest.split(':', 2) : ['sha256', digest]
  return `${algorithm}:${(hex ?? '').slice(0, 12)}`
}

/** `1 commit`, `2 commits`. */
export function plural(n: number, one: string, many: string): string {
  return `${groupDigits(n)} ${n === 1 ? one : many}`
}

/** How a value from a signature (an identity, an issuer, a key label) is shown where it lands. */
export type Quote = (value: string) => string

/** `signed by <identity> (issuer <issuer>)`, `signed with key <key>`, or `signed`. */
function signedText(signer: PreviousSignature, quote: Quote): string {
  const { identity, issuer, key } = signer
  if (identity !== undefined)
    return `signed by ${quote(identity)}${issuer !== undefined ? ` (issuer ${quote(issuer)})` : ''}`
  return key !== undefined ? `signed with key ${quote(key)}` : 'signed'
}

/**
 * The old digest's signer against the new one's: `previous` tells a changed signer from an
 * old digest that was never signed; a review without it (an older producer) names both.
 */
function previousSignerText(signature: SignatureCheck, quote: Quote): string {
  const { same_as_previous: same, previous } = signature
  if (same === true) return 'same signer as the previous digest'
  if (same === null) return 'no previous digest to compare'
  if (!previous) return 'signer changed or previous digest unsigned'
  if (!previous.verified) return 'the previous digest was not signed'
  return `signer changed: the previous digest was ${signedText(previous, quote)}`
}

/**
 * `signed by <identity> (issuer <issuer>); same signer as the previous digest`, or `not
 * signed`, with what the previous digest had when it was signed.
 */
export function signatureText(signature: SignatureCheck, quote: Quote): string {
  if (!signature.verified) {
    const { previous } = signature
    return previous?.verified
      ? `not signed; the previous digest was ${signedText(previous, quote)}`
      : 'not signed'
  }
  return `${signedText(signature, quote)}; ${previousSignerText(signature, quote)}`
}

/** A table cell's worth: `verified: <identity or key>`, or `unsigned`. */
export function signatureShortText(signature: SignatureCheck, quote: Quote): string {
  if (!signature.verified) return 'unsigned'
  const who = signature.identity ?? signature.key
  return who !== undefined ? `verified: ${quote(who)}` : 'verified'
}

/** `built from <repository> by <workflow>`, or `not verified`. */
export function provenanceText(provenance: ProvenanceCheck, quote: Quote): string {
  if (!provenance.verified) return 'not verified'
  const from = provenance.repository !== undefined ? ` from ${quote(provenance.repository)}` : ''
  const by = provenance.workflow !== undefined ? ` by ${quote(provenance.workflow)}` : ''
  return `built${from}${by}`
}
