/**
 * The rate-limit budget and the pin health of a run as plain lines, which the job summary
 * and the command line's report both show (each makes them safe for its medium).
 */
import type { UpdateResult } from './update.js'

function duration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`
  if (seconds % 60 === 0) return `${seconds / 60} min`
  return `${seconds} s`
}

/** Nothing for a run that met no rate-limit counts and checked no pins. */
export function budgetLines(result: Pick<UpdateResult, 'rateLimits' | 'pinHealth'>): string[] {
  const lines: string[] = []
  const limits = result.rateLimits ?? []
  if (limits.length > 0) {
    const each = limits.map(
      l =>
        `${l.registry} ${l.remaining} of ${l.limit}${l.window === null ? '' : ` per ${duration(l.window)}`}`
    )
    lines.push(`Rate limit left: ${each.join('; ')}.`)
  }
  const pins = result.pinHealth
  if (pins) {
    const gone = pins.gone.length
    lines.push(
      `Pin health: ${pins.checked} pinned digest${pins.checked === 1 ? '' : 's'} checked` +
        (gone > 0 ? `; ${gone} no longer served.` : '; every one checked is served.')
    )
    for (const g of pins.gone) lines.push(`Error: ${g.name}: ${g.reason}.`)
    for (const u of pins.unchecked) lines.push(`${u.name}: pin health ${u.reason}.`)
  }
  return lines
}
