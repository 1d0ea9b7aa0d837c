// Ink that hides what was printed in a cell: a blot, a spill, a heavy stamp, a scribble. The
// recognition model reads straight through such ink at full confidence (it sees a digit-shaped edge
// and guesses the rest), so the cell must be marked for review whatever its equations say.
//
// The test is the thickness of the ink. Printed strokes are thin: even a bold digit's stroke is
// about 0.15 of the text height, so no point of it lies much more than ~0.08 text heights from
// paper (plus a pixel or two of blur). A blot is a solid area: somewhere inside it a disc much wider
// than any stroke fits. The distance of every ink pixel to the nearest paper pixel (a chamfer
// distance transform) finds the widest disc; the ink is solid when that disc is wider than SOLID ×
// the page's text height (`unit`, see unitOf) and the solid core is more than a dot.
//
// Limits. Dense Chinese characters scanned at 150–200 dpi fill in and are solid too, so page.ts
// calls a cell obscured for solid ink only when it reads as a number. A blot must be about half a
// digit wide (a disc of radius 0.2 text heights) to count. A seal's ring is solid only when it is
// about 1 mm thick or more (0.3 of the text height); a thinner one is found by its colour instead
// (page.ts stampedCells, from Raster.colour) — on a grey scan it is not, nor is a single pen stroke
// through a number, which is as thin as the digits.

/** Solid ink: a disc wider than this radius, in text heights, fits inside it (a bold digit's stroke, blurred, reaches ~0.16). */
export const SOLID = 0.2

/** The solid core (ink deeper than the radius) must cover at least this share of a text height squared. */
const CORE_AREA = 0.01

/** Chamfer 3-4 weights: a straight step costs 3, a diagonal 4 (≈ 3√2), so distances are 3 × pixels. */
const STEP = 3
const DIAGONAL = 4

/** The deepest ink of the mask: its distance to paper in pixels and how many pixels lie that deep or deeper than `radius`. */
export interface SolidInk {
  /** Radius of the widest disc of ink, in pixels. */
  depth: number
  /** Ink pixels farther than the solid radius from paper. */
  core: number
  /** Each pixel's distance to paper × 3 (chamfer units); 0 on paper. */
  distance: Uint16Array
}

/** How deep the mask's ink is: distance of each ink pixel to paper (outside the mask counts as paper). */
export function solidInk(mask: Uint8Array, w: number, h: number, radius: number): SolidInk {
  const d = new Uint16Array(w * h)
  const far = 0xffff
  for (let i = 0; i < w * h; i++) d[i] = mask[i] ? far : 0
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= w || y >= h ? 0 : d[y * w + x])
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x
      if (!d[i]) continue
      d[i] = Math.min(d[i], at(x - 1, y) + STEP, at(x, y - 1) + STEP, at(x - 1, y - 1) + DIAGONAL, at(x + 1, y - 1) + DIAGONAL)
    }
  }
  let deepest = 0
  let core = 0
  const limit = radius * STEP
  for (let y = h - 1; y >= 0; y--) {
    for (let x = w - 1; x >= 0; x--) {
      const i = y * w + x
      if (!d[i]) continue
      d[i] = Math.min(d[i], at(x + 1, y) + STEP, at(x, y + 1) + STEP, at(x + 1, y + 1) + DIAGONAL, at(x - 1, y + 1) + DIAGONAL)
      if (d[i] > deepest) deepest = d[i]
      if (d[i] > limit) core++
    }
  }
  return { depth: deepest / STEP, core, distance: d }
}

/** True when the cell's cleaned ink mask holds a solid area no printed stroke at this text height makes. */
export function isSolid(mask: Uint8Array, w: number, h: number, unit: number): boolean {
  const radius = SOLID * unit
  const { depth, core } = solidInk(mask, w, h, radius)
  return depth > radius && core >= CORE_AREA * unit * unit
}
