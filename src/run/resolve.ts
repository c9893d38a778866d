/**
 * Resolution: every entry's tag (and platform) to a verified digest, at most `concurrency`
 * at a time, each failure captured on its own entry. The pool and the failure's wording are
 * shared with discovery and the `digest` command, so an image that cannot be resolved reads
 * the same wherever it was named.
 */
import { NEUTRAL_WORDS, type SettingWords, describeError } from '../domain/errors.js'
import type { ConfigEntry, ParsedConfig } from '../domain/config.js'
import { formatImageReference } from '../domain/oci/reference.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import { RegistryError, type RegistryErrorKind } from '../adapters/registry/http.js'
import { RateLimitedHostError } from '../adapters/registry/rate-limit.js'
import type { EntryResult, EntryStatus } from './update.js'

const TRANSPORT_KINDS = new Set<RegistryErrorKind>([
  'network',
  'tls',
  'timeout',
  'redirect',
  'too-large',
  'insecure'
])

/** Runs `task(i)` for every i below `count`, at most `concurrency` at once, in order of i. */
export async function forEachAtMost(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>
): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) await task(next++)
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker))
}

/**
 * Why an image has no digest, in one line. Transport errors name a URL, not the image, and
 * an answer that does not name the repository (its path, as `acme/app`) gets the image (as
 * `shown`) in front.
 */
export function failureLine(
  error: unknown,
  image: { shown: string; repository: string } | undefined,
  words: SettingWords = NEUTRAL_WORDS
): string {
  const described = describeError(error, words)
  const message = described.split('\n')[0] ?? described
  if (!image) return message
  const transport =
    error instanceof RegistryError &&
    (TRANSPORT_KINDS.has(error.kind) || error instanceof RateLimitedHostError)
  return transport || !message.includes(image.repository) ? `${image.shown}: ${message}` : message
}

/** Resolves every entry, at most `concurrency` at a time; failures are captured per entry. */
export async function resolveEntries(
  config: ParsedConfig,
  client: RegistryClient,
  concurrency: number,
  onProgress?: (done: number, total: number) => void,
  words: SettingWords = NEUTRAL_WORDS
): Promise<EntryResult[]> {
  const entries = config.entries
  await client.prepare(entries.map(e => e.reference))
  const results: EntryResult[] = new Array(entries.length)
  let done = 0
  await forEachAtMost(entries.length, concurrency, async i => {
    const entry = entries[i]!
    results[entry.index] = await resolveEntry(entry, client, words)
    onProgress?.(++done, entries.length)
  })
  return results
}

async function resolveEntry(
  entry: ConfigEntry,
  client: RegistryClient,
  words: SettingWords
): Promise<EntryResult> {
  const previous = entry.digest
  try {
    const { digest } = await client.resolveDigest(entry.reference, entry.platform, previous)
    const status: EntryStatus =
      previous === undefined ? 'pinned' : previous === digest ? 'unchanged' : 'updated'
    return { entry, status, previous, current: digest }
  } catch (error) {
    const image = {
      shown: formatImageReference(entry.reference),
      repository: entry.reference.repository
    }
    return {
      entry,
      status: 'failed',
      previous,
      current: previous,
      error: failureLine(error, image, words)
    }
  }
}
