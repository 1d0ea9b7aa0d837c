// Connected regions of a mask (ink on a page or in a cell, text in the detector's map): one flood
// fill for every reader of the OCR, each region reported with its box, its size and, when asked,
// its pixels. An explicit stack, never recursion (a ruling line can be a million pixels long).

export interface Component {
  x0: number
  y0: number
  x1: number
  y1: number
  /** Pixels in the region. */
  area: number
  /** The region's pixel indexes (y × width + x) when `members` was asked for; reused, so read it in the visit. */
  members: readonly number[]
}

export interface ComponentOptions {
  /** Diagonal neighbours join a region too (8-connected); else only the four sides. */
  diagonal: boolean
  /** Collect each region's pixels in `members`. */
  members?: boolean
}

/** Calls `visit` for each region of set pixels of `mask` (w × h), in the order of its first pixel. */
export function forEachComponent(mask: Uint8Array, w: number, h: number, options: ComponentOptions, visit: (c: Component) => void): void {
  const seen = new Uint8Array(w * h)
  const stack = new Int32Array(w * h)
  const members: number[] = []
  const component: Component = { x0: 0, y0: 0, x1: 0, y1: 0, area: 0, members }
  const keep = options.members === true
  const push = (k: number, top: number): number => {
    seen[k] = 1
    stack[top] = k
    return top + 1
  }
  for (let start = 0; start < w * h; start++) {
    if (!mask[start] || seen[start]) continue
    members.length = 0
    let x0 = w
    let x1 = 0
    let y0 = h
    let y1 = 0
    let area = 0
    let top = push(start, 0)
    while (top) {
      const i = stack[--top]
      area++
      if (keep) members.push(i)
      const x = i % w
      const y = (i - x) / w
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
      if (options.diagonal) {
        for (let dy = -1; dy <= 1; dy++) {
          const yy = y + dy
          if (yy < 0 || yy >= h) continue
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx
            if (xx < 0 || xx >= w) continue
            const k = yy * w + xx
            if (mask[k] && !seen[k]) top = push(k, top)
          }
        }
      } else {
        if (x > 0 && mask[i - 1] && !seen[i - 1]) top = push(i - 1, top)
        if (x < w - 1 && mask[i + 1] && !seen[i + 1]) top = push(i + 1, top)
        if (y > 0 && mask[i - w] && !seen[i - w]) top = push(i - w, top)
        if (y < h - 1 && mask[i + w] && !seen[i + w]) top = push(i + w, top)
      }
    }
    Object.assign(component, { x0, y0, x1, y1, area })
    visit(component)
  }
}
