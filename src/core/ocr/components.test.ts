import { describe, expect, it } from 'vitest'
import { forEachComponent, type ComponentOptions } from './components'

/** A mask from rows of '#' (set) and '.' (clear). */
function mask(rows: string[]): { mask: Uint8Array; w: number; h: number } {
  const w = rows[0].length
  return { mask: Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0)), w, h: rows.length }
}

function regions(rows: string[], options: ComponentOptions): string[] {
  const m = mask(rows)
  const out: string[] = []
  forEachComponent(m.mask, m.w, m.h, options, (c) =>
    out.push(`${c.x0},${c.y0}-${c.x1},${c.y1} area ${c.area}${options.members ? ` [${[...c.members].sort((a, b) => a - b).join(' ')}]` : ''}`)
  )
  return out
}

describe('connected regions of a mask', () => {
  const diagonalPair = ['#..', '.#.', '...']
  it.each<[string, string[], ComponentOptions, string[]]>([
    ['a diagonal pair is two regions over four sides', diagonalPair, { diagonal: false }, ['0,0-0,0 area 1', '1,1-1,1 area 1']],
    ['and one region over eight', diagonalPair, { diagonal: true }, ['0,0-1,1 area 2']],
    ['an L with a separate dot', ['#...', '#..#', '##..'], { diagonal: false }, ['0,0-1,2 area 4', '3,1-3,1 area 1']],
    ['members are the region’s pixel indexes', ['##.', '..#'], { diagonal: true, members: true }, ['0,0-2,1 area 3 [0 1 5]']],
    ['an empty mask has none', ['...', '...'], { diagonal: true }, []]
  ])('%s', (_name, rows, options, expected) => expect(regions(rows, options)).toEqual(expected))

  it('a region a whole page long is filled without recursion', () => {
    const w = 2000
    const h = 1000
    const all = new Uint8Array(w * h).fill(1)
    let areas = 0
    forEachComponent(all, w, h, { diagonal: false }, (c) => (areas += c.area))
    expect(areas).toBe(w * h)
  })
})
