/**
 * The same digests pinned in other files: Dockerfiles, compose files, Kubernetes manifests,
 * workflows. Wherever `repository[:tag]@sha256:<old>` names an image whose digest moved, only
 * the 64 digest characters change; every other byte of the file stays as it was. Pure: text
 * in, text out, so the workspace copy and the base branch's copy go through the same code.
 */
import { parseImageReference } from './oci/reference.js'

/**
 * One config entry's digest, as the other files are searched for it: `current` is the digest
 * it moves to, or `previous` again when it stays (unchanged, or not verified this run).
 */
export interface DigestMove {
  /** The entry's name, for warnings. */
  name: string
  /** Canonical `registry/repository` (`docker.io/library/nginx`). */
  repository: string
  tag: string
  /** `sha256:`-prefixed. */
  previous: string
  /** `sha256:`-prefixed. */
  current: string
}

export interface PinnedRewrite {
  text: string
  /** Indices into the moves of every move that rewrote at least one reference. */
  applied: number[]
  /** References rewritten. */
  count: number
  /**
   * References left alone because the entries pinning their digest disagree on where it goes:
   * a reference written without a tag whose old digest two tags of the image shared, one of
   * which moved while the other stayed or moved elsewhere. `entries` names them all.
   */
  ambiguous: Array<{ line: number; reference: string; entries: string[] }>
}

/** Files larger than this are not read: pinned references live in small text files. */
export const MAX_PINNED_FILE_BYTES = 1024 * 1024

// The lookahead keeps a longer hex run (not a digest) from matching on its first 64 characters.
const DIGEST = /@sha256:([a-f0-9]{64})(?![0-9A-Za-z])/g

/** Characters a reference can hold before its `@`: `host:port/path/name:tag`. */
const REFERENCE_CHAR = /[A-Za-z0-9._\-/:]/

/**
 * What may stand right before a reference. Anything else (`$`, `}`, `%`, …) means the text
 * before the digest is a template or a variable, not a reference we can read, so it is left.
 */
const BEFORE_REFERENCE = /[\s"'`=,;([{<>|]/

/** `docker://nginx@…` in a workflow's `uses:`, `docker-image://…` in a buildx context. */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//

function canonicalRepository(registry: string, repository: string): string {
  // Host names are case-insensitive; repository paths are lower-case by definition.
  return `${registry.toLowerCase()}/${repository}`
}

function referenceBefore(text: string, at: number): string | undefined {
  let start = at
  while (start > 0 && REFERENCE_CHAR.test(text[start - 1]!)) start--
  if (start > 0 && !BEFORE_REFERENCE.test(text[start - 1]!)) return undefined
  const written = text.slice(start, at)
  const scheme = SCHEME.exec(written)
  return scheme ? written.slice(scheme[0].length) : written
}

/** A `reference@sha256:<hex>` in any text, as the finder below reads it. */
export interface DigestReference {
  /** Offset of the reference's first character (after any `docker://` scheme). */
  start: number
  /** Offset of the `@` before `sha256:`. */
  at: number
  /** The reference as written before the `@`, without a scheme. */
  written: string
  /** The 64 hex digits. */
  hex: string
}

/**
 * Every `repository[:tag]@sha256:<hex>` in the text that stands on its own: not after `$`, `}`
 * or another character that makes it part of a template or a variable.
 */
export function findDigestReferences(text: string): DigestReference[] {
  const found: DigestReference[] = []
  for (const match of text.matchAll(DIGEST)) {
    const written = referenceBefore(text, match.index)
    if (!written) continue
    found.push({ start: match.index - written.length, at: match.index, written, hex: match[1]! })
  }
  return found
}

export function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}

/**
 * Rewrites every reference to a moved image that still carries the move's old digest. A
 * reference with a tag matches only entries of that tag; one without a tag matches every entry
 * of the image that held that exact digest. It moves only when all the entries it matches move
 * to one same digest; entries that stay count, so `moves` must hold every entry, moved or not.
 * The registry may be written any way Docker accepts.
 */
export function rewritePinnedReferences(text: string, moves: readonly DigestMove[]): PinnedRewrite {
  const byDigest = new Map<string, number[]>()
  moves.forEach((move, i) => {
    const hex = move.previous.replace(/^sha256:/, '')
    byDigest.set(hex, [...(byDigest.get(hex) ?? []), i])
  })
  const repositories = moves.map(m => {
    const slash = m.repository.indexOf('/')
    return canonicalRepository(m.repository.slice(0, slash), m.repository.slice(slash + 1))
  })

  const applied = new Set<number>()
  const ambiguous: PinnedRewrite['ambiguous'] = []
  const pieces: string[] = []
  let copied = 0
  let count = 0
  for (const match of text.matchAll(DIGEST)) {
    const candidates = byDigest.get(match[1]!)
    if (!candidates) continue
    const written = referenceBefore(text, match.index)
    if (!written) continue
    let reference
    try {
      reference = parseImageReference(written)
    } catch {
      continue
    }
    const repository = canonicalRepository(reference.registry, reference.repository)
    const matching = candidates.filter(
      i =>
        repositories[i] === repository &&
        (reference.tag === undefined || moves[i]!.tag === reference.tag)
    )
    if (matching.length === 0) continue
    const currents = new Set(matching.map(i => moves[i]!.current))
    if (currents.size > 1) {
      ambiguous.push({
        line: lineAt(text, match.index),
        reference: `${written}${match[0]}`,
        entries: [...new Set(matching.map(i => moves[i]!.name))]
      })
      continue
    }
    const current = [...currents][0]!
    if (current === moves[matching[0]!]!.previous) continue
    const start = match.index + '@sha256:'.length
    pieces.push(text.slice(copied, start), current.replace(/^sha256:/, ''))
    copied = start + 64
    count++
    for (const i of matching) applied.add(i)
  }
  pieces.push(text.slice(copied))
  return {
    text: count > 0 ? pieces.join('') : text,
    applied: [...applied].sort((a, b) => a - b),
    count,
    ambiguous
  }
}

export function tooLarge(size: number, cap = MAX_PINNED_FILE_BYTES): string {
  return `${size} bytes, over the ${cap}-byte cap for other files, so it is not read`
}

export type DecodedFile = { text: string } | { skipped: string }

/**
 * Reads bytes as text only when rewriting them cannot damage them: no NUL byte (binary),
 * within the size cap, and valid UTF-8 (so decoding and encoding again gives the same bytes).
 */
export function decodePinnedFile(bytes: Uint8Array, cap = MAX_PINNED_FILE_BYTES): DecodedFile {
  if (bytes.length > cap) return { skipped: tooLarge(bytes.length, cap) }
  if (bytes.includes(0)) return { skipped: 'binary (it contains a NUL byte)' }
  const text = Buffer.from(bytes).toString('utf8')
  if (!Buffer.from(text, 'utf8').equals(Buffer.from(bytes)))
    return { skipped: 'not valid UTF-8, so it cannot be rewritten byte for byte' }
  return { text }
}
