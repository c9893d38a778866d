/**
 * Resolution: every entry's tag (and platform) to a verified digest, at most `concurrency`
 * at a time, each failure captured on its own entry.
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
  let next = 0
  let done = 0
  const worker = async (): Promise<void> => {
    while (next < entries.length) {
      const entry = entries[next++]!
      results[entry.index] = await resolveEntry(entry, client, words)
      onProgress?.(++done, entries.length)
    }
  }
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, entries.length)) }, worker)
  )
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
    let message = errorMessage(error, words)
    if (
      error instanceof RegistryError &&
      (TRANSPORT_KINDS.has(error.kind) || error instanceof RateLimitedHostError)
    ) {
      // Transport errors name a URL, not the image: say which image they cost.
      message = `${formatImageReference(entry.reference)}: ${message}`
    }
    return { entry, status: 'failed', previous, current: previous, error: message }
  }
}

function errorMessage(error: unknown, words: SettingWords): string {
  const message = describeError(error, words)
  return message.split('\n')[0] ?? message
}
