/**
 * How every property in the reliability suite is run: a few fixed seeds, so CI checks the
 * same cases on every push, plus one fresh seed per run, printed, so the search keeps going
 * and any counterexample it finds can be replayed (`FAST_CHECK_SEED=<seed>`) and then kept
 * in the test file as a regression case.
 */
import fc from 'fast-check'
import { randomSeed } from '../../support/random-seed.js'

export const FIXED_SEEDS = [20261201, 1, 424242] as const

export interface SeededRun {
  /** Every seed that ran, fixed ones first, the printed random one last. */
  seeds: number[]
  cases: number
  /** The first failing run, with its seed and fast-check's report. */
  failure?: { seed: number; report: string }
}

/** Runs the property under each fixed seed and one random one, `numRuns` cases each. */
export function checkSeeded<T>(
  name: string,
  property: fc.IProperty<T>,
  numRuns: number
): SeededRun {
  const random = randomSeed()
  console.log(`fast-check seed ${random} for ${name} (replay: FAST_CHECK_SEED=${random})`)
  const seeds = [...FIXED_SEEDS, random]
  let cases = 0
  for (const seed of seeds) {
    const details = fc.check(property, { numRuns, seed })
    cases += details.numRuns
    if (details.failed) {
      const report = `${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}`
      return { seeds, cases, failure: { seed, report } }
    }
  }
  return { seeds, cases }
}
