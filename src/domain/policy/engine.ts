/**
 * The policies on a moved digest (issue 15), pure: given what is known of the pinned and of
 * the candidate digest, the clock and the settings, decide whether the candidate is proposed,
 * held back (cooldown), refused (a gate: rewind, lost platform, size) or an error a person
 * must fix (an immutable tag moved). Whatever is not proposed keeps the old digest.
 */
import type { Digest } from '../oci/digest.js'
import type { CreatedTime, ImageFacts } from '../oci/image-facts.js'
import { type PlatformDescriptor, parsePlatform, platformMatches } from '../oci/platform.js'
import { type Duration, describeProgress, formatSize } from './units.js'

/** What one config entry sets for the policies (its `min_age`, `immutable`, `platforms`, `max_size`). */
export interface EntryPolicy {
  minAge?: Duration
  immutable?: boolean
  /** Platforms (`os/arch[/variant]`) every new digest must still offer. */
  platforms?: string[]
  /** Bytes no platform of a new digest may exceed. */
  maxSize?: number
}

export type MinAgeUnknown = 'first-seen' | 'hold' | 'allow'
export type SizePolicy = 'warn' | 'block'

/** The run's settings, from the inputs or flags. */
export interface PolicySettings {
  minAge?: Duration
  minAgeUnknown: MinAgeUnknown
  allowRewind: boolean
  immutableTags: readonly RegExp[]
  /** Percent a platform may grow by against the pinned digest. */
  sizeLimitIncrease?: number
  sizePolicy: SizePolicy
}

export const DEFAULT_POLICY_SETTINGS: PolicySettings = {
  minAgeUnknown: 'first-seen',
  allowRewind: false,
  immutableTags: [],
  sizePolicy: 'warn'
}

export interface PolicyCandidate {
  tag: string
  policy: EntryPolicy
  previous: Digest
  candidate: Digest
  previousFacts?: ImageFacts
  candidateFacts?: ImageFacts
  /** When this run's first-seen store first saw `candidate` for this tag; undefined without a store. */
  firstSeen?: string
}

export type PolicyDecision =
  | { kind: 'propose'; flags: string[] }
  | { kind: 'held' | 'refused' | 'error'; reason: string; until: string | null }

/** The settings and the entry's own fields together: the entry wins where it sets one. */
export function minAgeFor(policy: EntryPolicy, settings: PolicySettings): Duration | undefined {
  return policy.minAge ?? settings.minAge
}

export function isImmutable(tag: string, policy: EntryPolicy, settings: PolicySettings): boolean {
  return policy.immutable === true || settings.immutableTags.some(re => re.test(tag))
}

export function decide(c: PolicyCandidate, settings: PolicySettings, now: Date): PolicyDecision {
  if (isImmutable(c.tag, c.policy, settings)) {
    return {
      kind: 'error',
      reason: `immutable tag ${c.tag} moved from ${c.previous} to ${c.candidate}; keeping ${c.previous}`,
      until: null
    }
  }
  const refusal = rewind(c, settings) ?? lostPlatforms(c)
  if (refusal) return { kind: 'refused', reason: refusal, until: null }
  const size = sizeOverLimit(c, settings)
  if (size && settings.sizePolicy === 'block')
    return { kind: 'refused', reason: `size over limit: ${size}`, until: null }
  const cooldown = checkCooldown(c, settings, now)
  if (cooldown) return cooldown
  return { kind: 'propose', flags: size ? [`size over limit: ${size}`] : [] }
}

/**
 * A time a builder or registry gave, when it is worth trusting for age: reproducible builds
 * stamp the epoch, and a time after `now` is a wrong clock, so neither says how old a digest is.
 */
function knownTime(created: CreatedTime | undefined, now?: Date): number | undefined {
  if (!created || created.source === 'first-seen') return undefined
  const at = Date.parse(created.at)
  if (!Number.isFinite(at) || at <= 0) return undefined
  if (now && at > now.getTime()) return undefined
  return at
}

const SOURCE_WORDS: Record<CreatedTime['source'], string> = {
  'docker-hub': 'pushed',
  'github-packages': 'pushed',
  'image-config': 'built',
  'first-seen': 'first seen'
}

function rewind(c: PolicyCandidate, settings: PolicySettings): string | undefined {
  if (settings.allowRewind) return undefined
  const before = knownTime(c.previousFacts?.created)
  const after = knownTime(c.candidateFacts?.created)
  if (before === undefined || after === undefined || after >= before) return undefined
  // Dates as parsed, never as the registry wrote them: the reason is shown everywhere.
  return `tag rewind: the new digest was created ${iso(after)}, before the pinned one (${iso(before)}); allow-rewind allows it`
}

function lostPlatforms(c: PolicyCandidate): string | undefined {
  const after = c.candidateFacts
  if (!after) return undefined
  const offered = after.platforms.map(p => descriptor(p.platform))
  const wanted = new Set(c.policy.platforms ?? [])
  if (c.previousFacts?.isIndex) for (const p of c.previousFacts.platforms) wanted.add(p.platform)
  // linux/arm64 and linux/arm64/v8 are one platform: compared as the resolver matches them.
  const lost = [...wanted]
    .filter(p => !offered.some(o => platformMatches(parsePlatform(p), o)))
    .sort()
  if (lost.length === 0) return undefined
  return `lost platform${lost.length > 1 ? 's' : ''}: the new digest lacks ${lost.join(', ')}`
}

function descriptor(text: string): PlatformDescriptor {
  const [os, architecture, variant] = text.split('/')
  return { os, architecture, variant }
}

/** What is over a size limit, in one line; undefined when nothing is (or nothing is known). */
export function sizeOverLimit(c: PolicyCandidate, settings: PolicySettings): string | undefined {
  const over: string[] = []
  const before = new Map((c.previousFacts?.platforms ?? []).map(p => [p.platform, p.size]))
  for (const p of c.candidateFacts?.platforms ?? []) {
    if (c.policy.maxSize !== undefined && p.size > c.policy.maxSize)
      over.push(`${p.platform} ${formatSize(p.size)} > max_size ${formatSize(c.policy.maxSize)}`)
    const old = before.get(p.platform)
    const limit = settings.sizeLimitIncrease
    if (limit !== undefined && old !== undefined && old > 0 && p.size > old * (1 + limit / 100)) {
      const grew = Math.round(((p.size - old) / old) * 100)
      over.push(
        `${p.platform} grew ${grew}% (${formatSize(old)} → ${formatSize(p.size)}) > size-limit-increase ${limit}%`
      )
    }
  }
  return over.length > 0 ? over.join('; ') : undefined
}

/** Held while younger than its minimum age; undefined when old enough or no age is asked. */
function checkCooldown(
  c: PolicyCandidate,
  settings: PolicySettings,
  now: Date
): PolicyDecision | undefined {
  const minAge = minAgeFor(c.policy, settings)
  if (!minAge) return undefined
  const created = c.candidateFacts?.created
  let since = knownTime(created, now)
  let how = since !== undefined ? SOURCE_WORDS[created!.source] : ''
  if (since === undefined) {
    if (settings.minAgeUnknown === 'allow') return undefined
    if (settings.minAgeUnknown === 'hold') {
      return {
        kind: 'held',
        reason: `waiting: no push or build time is known and min-age-unknown is hold (min-age ${minAge.text})`,
        until: null
      }
    }
    if (c.firstSeen === undefined) {
      return {
        kind: 'held',
        reason: `waiting: no push or build time is known and there is no first-seen store to count ${minAge.text} from`,
        until: null
      }
    }
    since = Date.parse(c.firstSeen)
    how = 'first seen'
  }
  const elapsed = now.getTime() - since
  if (elapsed >= minAge.ms) return undefined
  return {
    kind: 'held',
    reason: `waiting, ${describeProgress(elapsed, minAge)} (${how} ${iso(since)})`,
    until: iso(since + minAge.ms)
  }
}

/** RFC 3339 in UTC to the second, as the outputs show times. */
function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
