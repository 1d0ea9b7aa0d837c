// A block copied from Excel or WPS arrives as tab-separated lines; it lands on the grid
// starting at the selected cell, over the form's cells only (group rows are skipped).

export interface CellChange {
  key: string
  before: string
  after: string
}

/** Rows of cells; a trailing newline (Excel adds one) does not make an extra row. */
export function parseTabular(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines.map((line) => line.split('\t').map((v) => v.trim()))
}

/**
 * Maps a block onto a grid of keys (rows of the form, null where no cell) from a start position.
 * Values falling outside the form are dropped; the caller reports how many.
 */
export function placeBlock(
  grid: (string | null)[][],
  start: { row: number; col: number },
  block: string[][]
): { placed: { key: string; value: string }[]; dropped: number } {
  const placed: { key: string; value: string }[] = []
  let dropped = 0
  block.forEach((values, r) => {
    values.forEach((value, c) => {
      const key = grid[start.row + r]?.[start.col + c]
      if (key) placed.push({ key, value })
      else dropped++
    })
  })
  return { placed, dropped }
}
