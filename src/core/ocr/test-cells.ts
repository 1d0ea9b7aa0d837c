// Synthetic table cells for the OCR unit tests: text drawn with the system's fonts by skia
// (@napi-rs/canvas), in colour, then scanned: turned to grey as the pipeline sees a page, softened
// by a little blur and noise. Marks that hide a number (blots, stamps, scribbles) are drawn over it.

import { canvasLib, greyFromRgba } from '../ingest/images/raster'
import { colourPlane, type Raster } from './raster'

type Context = ReturnType<InstanceType<ReturnType<typeof canvasLib>['Canvas']>['getContext']>

export interface DrawnCell {
  /** Resolution of the "scan"; the text size is in points, as printed. */
  dpi: 150 | 300
  text: string
  /** Font size in points (10.5 = 五号, the size of the standard tables). */
  pt?: number
  bold?: boolean
  serif?: boolean
  /** Colour of the cell's paper (a shaded header row is light grey). */
  paper?: string
  /** Colour of the print (black unless a table is printed in colour). */
  ink?: string
  /** Draws over the printed text: `em` is the font size in pixels, (x, y) where the text's last character is. */
  mark?: (ctx: Context, at: { x: number; y: number; em: number; width: number; height: number }) => void
  /** A ruling line this many pixels thick just inside the cell's left edge (a wandering scan line). */
  thickRuling?: number
}

export interface ScannedCell {
  page: Raster
  /** The cell's box inside its ruling lines. */
  box: [number, number, number, number]
  /** About one text height in pixels, as unitOf measures a page of this text. */
  unit: number
  /** How far inside the ruling lines cells are cut, as readPage does. */
  inset: number
  /** The coloured pixels of the page (seal red, blue print), null when it is all grey. */
  colour: Raster | null
}

/** A cell of a table with its ruling lines, text right-aligned as numbers are, scanned to grey. */
export function drawCell(cell: DrawnCell): ScannedCell {
  const em = ((cell.pt ?? 10.5) * cell.dpi) / 72
  const line = Math.max(1, Math.round(cell.dpi / 100))
  const margin = Math.round(em)
  const width = Math.round(em * 6)
  const height = Math.round(em * 1.8)
  const { createCanvas } = canvasLib()
  const canvas = createCanvas(width + 2 * margin, height + 2 * margin)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.fillStyle = cell.paper ?? '#ffffff'
  ctx.fillRect(margin, margin, width, height)
  ctx.fillStyle = '#000000'
  // the ruling lines around the cell
  ctx.fillRect(margin - line, margin - line, width + 2 * line, line)
  ctx.fillRect(margin - line, margin + height, width + 2 * line, line)
  ctx.fillRect(margin - line, margin - line, line, height + 2 * line)
  ctx.fillRect(margin + width, margin - line, line, height + 2 * line)
  if (cell.thickRuling) ctx.fillRect(margin, margin, cell.thickRuling, height)
  ctx.font = `${cell.bold ? 'bold ' : ''}${Math.round(em)}px ${cell.serif ? 'serif' : 'sans-serif'}`
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'right'
  const right = margin + width - em * 0.5
  const middle = margin + height / 2
  ctx.fillStyle = cell.ink ?? '#000000'
  ctx.fillText(cell.text, right, middle)
  const last = ctx.measureText(cell.text.slice(-1)).width
  cell.mark?.(ctx, { x: right - last / 2, y: middle, em, width: canvas.width, height: canvas.height })
  const grey = greyFromRgba(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height)
  const page = scanned(grey, cell.dpi)
  if (grey.colour) page.colour = grey.colour
  // unitOf's measure: 1.15 × the height of a full character (an em) on the page
  const unit = Math.round(em * 1.05)
  return { page, box: [margin, margin, margin + width, margin + height], unit, inset: Math.max(3, Math.round(unit * 0.16)), colour: colourPlane(page) }
}

/** A scanner's softness: a 3×3 blur at 150 dpi (a 5×5 at 300) and ±6 grey levels of noise, seeded. */
function scanned(r: Raster, dpi: number): Raster {
  const k = dpi >= 300 ? 2 : 1
  const out = new Uint8Array(r.data.length)
  let seed = 12345
  const noise = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return (seed / 0x7fffffff) * 12 - 6
  }
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      let sum = 0
      let n = 0
      for (let dy = -k; dy <= k; dy++) {
        for (let dx = -k; dx <= k; dx++) {
          const yy = Math.min(r.height - 1, Math.max(0, y + dy))
          const xx = Math.min(r.width - 1, Math.max(0, x + dx))
          // a centre-weighted kernel: the scan softens edges without smearing strokes
          const w = dx === 0 && dy === 0 ? 4 : 1
          sum += r.data[yy * r.width + xx] * w
          n += w
        }
      }
      out[y * r.width + x] = Math.max(0, Math.min(255, Math.round(sum / n + noise())))
    }
  }
  return { width: r.width, height: r.height, data: out }
}

/** A filled ink drop (an ellipse) centred on the last character, radii in em. */
export function drop(rx: number, ry: number, colour = '#4d4d4d'): DrawnCell['mark'] {
  return (ctx, { x, y, em }) => {
    ctx.fillStyle = colour
    ctx.beginPath()
    ctx.ellipse(x, y, rx * em, ry * em, 0, 0, Math.PI * 2)
    ctx.fill()
  }
}

/** A round 公章 in red ink whose ring (thickness in em) crosses the number; the seal is `radius` em. */
export function sealRing(radius: number, thickness: number, colour = '#d8262a'): DrawnCell['mark'] {
  return (ctx, { x, y, em }) => {
    ctx.strokeStyle = colour
    ctx.lineWidth = thickness * em
    ctx.beginPath()
    // the centre below and left of the number, so the ring's arc runs through its last digits
    ctx.arc(x - radius * em * 0.5, y + radius * em * 0.85, radius * em, 0, Math.PI * 2)
    ctx.stroke()
  }
}

/** A pen scribbled back and forth over the number, `spacing` em between strokes of `pen` em. */
export function scribble(pen: number, spacing: number, colour = '#1a1a40'): DrawnCell['mark'] {
  return (ctx, { x, y, em }) => {
    ctx.strokeStyle = colour
    ctx.lineWidth = pen * em
    ctx.beginPath()
    const left = x - em * 1.6
    ctx.moveTo(left, y - em * 0.4)
    for (let i = 0, px = left; px < x + em * 0.4; i++, px += spacing * em) ctx.lineTo(px, i % 2 ? y - em * 0.4 : y + em * 0.4)
    ctx.stroke()
  }
}
