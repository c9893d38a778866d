/**
 * Image references given as text (`nginx:1.27`, `ghcr.io/owner/app@sha256:…`) resolved to
 * their current digests: the core of the CLI's `digest` command and of the library. No
 * config, no files; each reference gets its own answer, and one that cannot be read or
 * resolved is an answer with an error, never a thrown one.
 */
import { NEUTRAL_WORDS, type SettingWords, describeError } from '../domain/errors.js'
import type { Digest } from '../domain/oci/digest.js'
import type { Platform } from '../domain/oci/platform.js'
import { type ImageReference, parseImageReference } from '../domain/oci/reference.js'
import type { RegistryClient, TagRef } from '../adapters/registry/client.js'
import { RegistryError, type RegistryErrorKind } from '../adapters/registry/http.js'

export interface DigestResult {
  /** The reference as given. */
  reference: string
  /** The reference as given (trimmed), its digest replaced or added: `nginx:1.27@sha256:…`. */
  pinned: string | null
  digest: Digest | null
  /** One line saying why there is no digest; null when there is one. */
  error: string | null
}

export interface DigestOptions {
  /** Pin this platform's manifest instead of the index. */
  platform?: Platform
  /** References resolved at once. */
  concurrency: number
  /** How errors name settings (see domain/errors.ts). */
  words?: SettingWords
}

/** Errors that name a URL, not the image: the answer says which image they cost. */
const TRANSPORT_KINDS = new Set<RegistryErrorKind>([
  'network',
  'tls',
  'timeout',
  'redirect',
  'too-large',
  'insecure'
])

/**
 * What to ask the registry for: the tag; without one, the digest (checked to exist, and the
 * way to its platform manifest); with neither, `latest`, as `docker pull` does.
 */
function target(ref: ImageReference): TagRef {
  return {
    registry: ref.registry,
    repository: ref.repository,
    tag: ref.tag ?? ref.digest ?? 'latest'
  }
}

/** The reference as written, with `digest` in place of any digest it had. */
export function pinReference(text: string, digest: Digest): string {
  const trimmed = text.trim()
  const at = trimmed.indexOf('@')
  return `${at === -1 ? trimmed : trimmed.slice(0, at)}@${digest}`
}

async function resolveOne(
  text: string,
  ref: ImageReference | Error,
  client: RegistryClient,
  options: DigestOptions
): Promise<DigestResult> {
  const words = options.words ?? NEUTRAL_WORDS
  try {
    if (ref instanceof Error) throw ref
    // No pinned digest is passed: the answer is about to be stored, so it is always verified.
    const { digest } = await client.resolveDigest(target(ref), options.platform)
    return { reference: text, pinned: pinReference(text, digest), digest, error: null }
  } catch (error) {
    let message = describeError(error, words).split('\n')[0] ?? ''
    if (
      error instanceof RegistryError &&
      TRANSPORT_KINDS.has(error.kind) &&
      !(ref instanceof Error)
    )
      message = `${text.trim()}: ${message}`
    return { reference: text, pinned: null, digest: null, error: message }
  }
}

/** Every reference's answer, in the order given, at most `concurrency` at a time. */
export async function resolveReferences(
  references: readonly string[],
  client: RegistryClient,
  options: DigestOptions
): Promise<DigestResult[]> {
  const parsed = references.map(text => {
    try {
      return parseImageReference(text)
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error))
    }
  })
  const good = parsed.filter((ref): ref is ImageReference => !(ref instanceof Error))
  // Tokens for every repository in as few requests as the registries allow.
  await client.prepare(good)
  const results: DigestResult[] = new Array(references.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < references.length) {
      const index = next++
      results[index] = await resolveOne(references[index]!, parsed[index]!, client, options)
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency, references.length))
  await Promise.all(Array.from({ length: workers }, worker))
  return results
}
