// A page image with nothing on it: no table, no text, only paper. Told in one pass over its grey
// pixels (tens of milliseconds at the 60 M pixel cap), so OCR never spends seconds finding nothing
// on it — a .docx of forty blank pictures at the cap took 192 s of OCR.

import type { Raster } from '../../page-image'

/**
 * How much darker than the paper a pixel must be to count as a mark: scanner noise and paper
 * shading stay within it, faint print and pencil do not (measured from the paper, not from black,
 * so a pale scan is not taken for blank).
 */
const MARK_CONTRAST = 48
/**
 * Marks a page may hold and still be blank: a few specks of dust. One digit at 300 dpi is a few
 * hundred dark pixels, a table's ruling thousands, so a page with anything to read is never below.
 */
const MAX_SPECKS = 64

/** Whether the page has (almost) no marks on its paper. */
export function isBlankPage(raster: Raster): boolean {
  const histogram = new Uint32Array(256)
  const { data } = raster
  for (let i = 0; i < data.length; i++) histogram[data[i]]++
  // The paper: the commonest grey level (a page is mostly paper, whatever its tone).
  let paper = 0
  for (let level = 1; level < 256; level++) if (histogram[level] > histogram[paper]) paper = level
  let marks = 0
  for (let level = 0; level < paper - MARK_CONTRAST; level++) marks += histogram[level]
  return marks <= MAX_SPECKS
}
