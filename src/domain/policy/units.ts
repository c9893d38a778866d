/**
 * The units the policies are written in: durations (`3d`, `72h`, `90m`), sizes (`200MB`,
 * `1.5GiB`) and percents (`20%`). Pure; each parser returns undefined on bad text so the
 * caller can name the file, line and field or the input in its own error.
 */

export type DurationUnit = 'd' | 'h' | 'm'

export interface Duration {
  ms: number
  /** The unit it was written in: the cooldown's reason counts in it ("1 of 3 days"). */
  unit: DurationUnit
  /** As written, normalised (`3d`). */
  text: string
}

const UNIT_MS: Record<DurationUnit, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 }
const UNIT_WORD: Record<DurationUnit, [string, string]> = {
  d: ['day', 'days'],
  h: ['hour', 'hours'],
  m: ['minute', 'minutes']
}

export const DURATION_FORMS = 'a whole number of days, hours or minutes such as 3d, 72h or 90m'
export const SIZE_FORMS =
  'a size such as 200MB, 1.5GiB or 500kB (B, kB, MB, GB, TB; KiB, MiB, GiB, TiB)'
export const PERCENT_FORMS = 'a percentage such as 20%'

export function parseDuration(text: string): Duration | undefined {
  const m = /^\s*(\d{1,6})\s*([dhm])\s*$/.exec(text)
  if (!m) return undefined
  const count = Number(m[1])
  const unit = m[2] as DurationUnit
  if (count === 0) return undefined
  return { ms: count * UNIT_MS[unit], unit, text: `${count}${unit}` }
}

/** "1 of 3 days": whole units elapsed, never more than the total. */
export function describeProgress(elapsedMs: number, total: Duration): string {
  const size = UNIT_MS[total.unit]
  const whole = Math.round(total.ms / size)
  const done = Math.min(whole, Math.max(0, Math.floor(elapsedMs / size)))
  return `${done} of ${whole} ${UNIT_WORD[total.unit][whole === 1 ? 0 : 1]}`
}

const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40
}

/** Bytes, or undefined for text that is no size. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d{1,9}(?:\.\d{1,3})?)\s*([kmgt]i?b|b)\s*$/i.exec(text)
  if (!m) return undefined
  const bytes = Math.round(Number(m[1]) * SIZE_UNITS[m[2]!.toLowerCase()]!)
  return bytes > 0 ? bytes : undefined
}

/** Bytes as a person reads them, in decimal units like the registries' pages: `212.4 MB`. */
export function formatSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB']
  let value = bytes
  let i = 0
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000
    i++
  }
  return i === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[i]}`
}

/** A percentage as a number (`20%` → 20), or undefined. */
export function parsePercent(text: string): number | undefined {
  const m = /^\s*(\d{1,5}(?:\.\d{1,2})?)\s*%\s*$/.exec(text)
  if (!m) return undefined
  const value = Number(m[1])
  return value > 0 ? value : undefined
}
