/**
 * Image references given as text (`nginx:1.27`, `ghcr.io/owner/app@sha256:…`) resolved to
 * their current digests: the core of the CLI's `digest` command and of the library. No
 * config, no files; each reference gets its own answer, and one that cannot be read or
 * resolved is an answer with an error, never a thrown one.
 */
import { NEUTRAL_WORDS, type SettingWords } from '../domain/errors.js'
import type { Digest } from '../domain/oci/digest.js'
import type { Platform } from '../domain/oci/platform.js'
import { type ImageReference, parseImageReference } from '../domain/oci/reference.js'
import type { RegistryClient, TagRef } from '../adapters/registry/client.js'
import { failureLine, forEachAtMost } from './resolve.js'

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
    // A reference that does not parse is its own message.
    const image =
      ref instanceof Error ? undefined : { shown: text.trim(), repository: ref.repository }
    const message = failureLine(error, image, words)
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
  await forEachAtMost(references.length, options.concurrency, async index => {
    results[index] = await resolveOne(references[index]!, parsed[index]!, client, options)
  })
  return results
}
