/**
 * Pin health (`check-pins`): asks the registry, one HEAD by digest, whether every digest the
 * config pins is still served, including those whose tag did not move. A digest it no longer
 * serves breaks every build pinned to it, so it is reported as an error; a registry that
 * cannot answer makes it "could not check", never "gone". Each HEAD is an optional read in
 * the rate-limit budget, and is skipped before it would eat into what builds need.
 */
import type { RegistryClient } from '../adapters/registry/client.js'
import { RATE_LIMIT_SKIP } from '../adapters/registry/rate-limit.js'
import { NEUTRAL_WORDS, type SettingWords, describeError } from '../domain/errors.js'
import type { Digest } from '../domain/oci/digest.js'
import { repositoryName } from '../domain/oci/reference.js'
import type { HeldUpdate } from '../domain/review.js'
import type { EntryResult, UpdateResult } from './update.js'

export interface PinHealthReport {
  /** Distinct pinned digests the registry answered for (served or gone). */
  checked: number
  /** Entries whose pinned digest the registry no longer serves. */
  gone: Array<{ name: string; line: number; digest: Digest; reason: string }>
  /** Entries whose pin was not checked, and why: `skipped: rate limit`, `could not check: …`. */
  unchecked: Array<{ name: string; line: number; reason: string }>
}

type Verdict = { served: boolean } | { unchecked: string }

/** One HEAD per distinct pinned digest, each asked of the budget first. */
export async function checkPins(
  results: readonly EntryResult[],
  client: RegistryClient,
  concurrency: number,
  words: SettingWords = NEUTRAL_WORDS
): Promise<{ report: PinHealthReport; held: HeldUpdate[] }> {
  const verdicts = new Map<string, Promise<Verdict>>()
  const pinned = results.filter(r => r.previous !== undefined)
  const verdictOf = (r: EntryResult): Promise<Verdict> => {
    const { registry, repository } = r.entry.reference
    const key = `${registry}/${repository}@${r.previous}`
    let pending = verdicts.get(key)
    if (!pending) {
      pending = askRegistry(client, { registry, repository }, r.previous!, words)
      verdicts.set(key, pending)
    }
    return pending
  }
  const answers: Verdict[] = new Array(pinned.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < pinned.length) {
      const i = next++
      answers[i] = await verdictOf(pinned[i]!)
    }
  }
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, pinned.length)) }, worker)
  )

  const report: PinHealthReport = { checked: 0, gone: [], unchecked: [] }
  const held: HeldUpdate[] = []
  for (const verdict of await Promise.all(verdicts.values()))
    if ('served' in verdict) report.checked++
  pinned.forEach((r, i) => {
    const verdict = answers[i]!
    const { name, line } = r.entry
    if ('unchecked' in verdict) {
      report.unchecked.push({ name, line, reason: verdict.unchecked })
      return
    }
    if (verdict.served) return
    const digest = r.previous!
    const reason = `pinned digest ${digest} is no longer served by ${r.entry.reference.registry}: builds pinned to it will fail`
    const replaced = r.current !== undefined && r.current !== digest
    report.gone.push({
      name,
      line,
      digest,
      reason: replaced ? `${reason} until this update lands` : reason
    })
    // An update that replaces the digest is the fix, not a held update.
    if (replaced) return
    held.push({
      name,
      image: repositoryName(r.entry.reference),
      tag: r.entry.reference.tag,
      current: digest,
      candidate: r.current ?? digest,
      reason,
      until: null,
      kind: 'error'
    })
  })
  return { report, held }
}

async function askRegistry(
  client: RegistryClient,
  ref: { registry: string; repository: string },
  digest: Digest,
  words: SettingWords
): Promise<Verdict> {
  if (!client.budget.allowOptional(ref.registry, 1))
    return { unchecked: `skipped: ${RATE_LIMIT_SKIP}` }
  try {
    return { served: await client.isServed(ref, digest) }
  } catch (error) {
    return { unchecked: `could not check: ${describeError(error, words).split('\n')[0]}` }
  }
}

/** A pin the registry lost is held as an error; what each registry had left is reported. */
export function withRunReports<Plan extends Pick<UpdateResult, 'held'>>(
  plan: Plan,
  pins: Awaited<ReturnType<typeof checkPins>> | undefined,
  client: RegistryClient
): Plan & Pick<UpdateResult, 'pinHealth' | 'rateLimits'> {
  const rateLimits = client.budget.snapshot()
  return {
    ...plan,
    held: [...plan.held, ...(pins?.held ?? [])],
    ...(pins ? { pinHealth: pins.report } : {}),
    ...(rateLimits.length > 0 ? { rateLimits } : {})
  }
}

/**
 * The held updates but the gone pins, which the pin-health lines (budgetLines) already name:
 * a report showing both lists each once.
 */
export function heldBesidesGonePins(
  result: Pick<UpdateResult, 'held' | 'pinHealth'>
): HeldUpdate[] {
  const gone = result.pinHealth?.gone ?? []
  return result.held.filter(
    h =>
      h.kind !== 'error' ||
      !gone.some(g => g.name === h.name && g.digest === h.current && g.reason === h.reason)
  )
}
