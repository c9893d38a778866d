/**
 * The one fresh seed a property run adds to its fixed ones: FAST_CHECK_SEED when set, so a
 * seed a run printed can be replayed, else a new one.
 */
export function randomSeed(): number {
  const given = Number(process.env.FAST_CHECK_SEED)
  return Number.isInteger(given) ? given : Math.floor(Math.random() * 0x7fffffff)
}
