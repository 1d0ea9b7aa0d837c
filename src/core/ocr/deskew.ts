// Skew of a scanned page from its horizontal projection profile: rows of text and ruling lines
// give the sharpest profile (largest sum of squared row sums) when they are level.

import { binarise, resize, type Raster } from './raster'

/** The largest skew told from the profile; a table's frame tells larger ones (rectify.ts). */
export const MAX_SKEW_DEGREES = 3
const COARSE_STEP = 0.2
const FINE_STEP = 0.02
/** The profile is taken on a copy at most this wide: enough for 0.02° over the page. */
const WORK_WIDTH = 1000

/** The page's skew in degrees (positive = content turned counter-clockwise); rotate by the negative to level it. */
export function skewAngle(page: Raster): number {
  const scale = Math.min(1, WORK_WIDTH / page.width)
  const small = scale < 1 ? resize(page, Math.round(page.width * scale), Math.round(page.height * scale)) : page
  const ink = binarise(small)
  let count = 0
  for (let i = 0; i < ink.length; i++) count += ink[i]
  if (count < 50) return 0
  // the ink's points, x from the middle
  const px = new Float64Array(count)
  const py = new Float64Array(count)
  for (let y = 0, k = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) {
      if (!ink[y * small.width + x]) continue
      px[k] = x - small.width / 2
      py[k++] = y
    }
  }
  const profile = new Float64Array(small.height + small.width)
  const score = (degrees: number): number => {
    // a point of content turned by θ sits at y' = y − x·tan θ once levelled
    const t = Math.tan((degrees * Math.PI) / 180)
    profile.fill(0)
    const offset = small.width / 2
    for (let i = 0; i < px.length; i++) {
      const bin = Math.round(py[i] + px[i] * t + offset)
      if (bin >= 0 && bin < profile.length) profile[bin]++
    }
    let s = 0
    for (let i = 0; i < profile.length; i++) s += profile[i] * profile[i]
    return s
  }
  let best = 0
  let bestScore = -1
  for (let a = -MAX_SKEW_DEGREES; a <= MAX_SKEW_DEGREES + 1e-9; a += COARSE_STEP) {
    const s = score(a)
    if (s > bestScore) [best, bestScore] = [a, s]
  }
  const coarse = best
  for (let a = coarse - COARSE_STEP; a <= coarse + COARSE_STEP + 1e-9; a += FINE_STEP) {
    const s = score(a)
    if (s > bestScore) [best, bestScore] = [a, s]
  }
  return Math.round(best * 100) / 100
}
