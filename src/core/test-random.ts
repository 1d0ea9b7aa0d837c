// A small seeded random source for property tests over input shapes (fast-check is not a
// dependency): the same seed gives the same cases, so a failing case is re-run by its seed.

export interface Random {
  /** 0 ≤ x < 1 */
  next(): number
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

/** mulberry32: tiny, fast and well mixed for test data. */
export function seeded(seed: number): Random {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1))
  return { next, int, pick: (items) => items[int(0, items.length - 1)], chance: (p) => next() < p }
}
