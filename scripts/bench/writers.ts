// Writes a SyntheticReport as a real .docx (OOXML tables with gridSpan/vMerge), as HTML, or as text.

import JSZip from 'jszip'
import type { SyntheticReport, SyntheticRow } from './synthetic-report'

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

interface Placed {
  text: string
  colSpan: number
  /** 'restart' starts a vertical merge, 'continue' is its continuation, null is a plain cell. */
  vMerge: 'restart' | 'continue' | null
}

/** Lays rows out on a grid so vertically merged cells get their continuation cells (as Word needs). */
function placeRows(rows: SyntheticRow[]): Placed[][] {
  const pending = new Map<number, { left: number; colSpan: number }>()
  return rows.map((row) => {
    const out: Placed[] = []
    let col = 0
    let i = 0
    const takeContinuations = (): void => {
      let p = pending.get(col)
      while (p) {
        out.push({ text: '', colSpan: p.colSpan, vMerge: 'continue' })
        p.left--
        if (p.left === 0) pending.delete(col)
        col += p.colSpan
        p = pending.get(col)
      }
    }
    takeContinuations()
    while (i < row.length) {
      const cell = row[i++]
      const colSpan = cell.colSpan ?? 1
      const rowSpan = cell.rowSpan ?? 1
      out.push({ text: cell.text, colSpan, vMerge: rowSpan > 1 ? 'restart' : null })
      if (rowSpan > 1) pending.set(col, { left: rowSpan - 1, colSpan })
      col += colSpan
      takeContinuations()
    }
    return out
  })
}

function docxParagraph(text: string): string {
  const runs = text.split('\n').map((line, i) => `${i ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(line)}</w:t>`)
  return `<w:p><w:r>${runs.join('')}</w:r></w:p>`
}

function docxTable(rows: SyntheticRow[]): string {
  const placed = placeRows(rows)
  const width = Math.max(...placed.map((r) => r.reduce((n, c) => n + c.colSpan, 0)))
  const grid = `<w:tblGrid>${'<w:gridCol w:w="600"/>'.repeat(width)}</w:tblGrid>`
  const body = placed
    .map((row) => {
      const cells = row.map((c) => {
        const pr = `<w:tcPr>${c.colSpan > 1 ? `<w:gridSpan w:val="${c.colSpan}"/>` : ''}${c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge === 'continue' ? '<w:vMerge/>' : ''}</w:tcPr>`
        return `<w:tc>${pr}${docxParagraph(c.text)}</w:tc>`
      })
      return `<w:tr>${cells.join('')}</w:tr>`
    })
    .join('')
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4"/>`).join('')
  return `<w:tbl><w:tblPr><w:tblBorders>${borders}</w:tblBorders></w:tblPr>${grid}${body}</w:tbl>`
}

export async function toDocx(report: SyntheticReport): Promise<Uint8Array> {
  const body = [
    docxParagraph(report.title),
    ...report.paragraphs.map(docxParagraph),
    ...report.tables.flatMap((t) => [docxParagraph(t.heading), docxTable(t.rows)])
  ].join('')
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  )
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
  )
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
  )
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

export function toHtml(report: SyntheticReport): string {
  const table = (rows: SyntheticRow[]): string =>
    `<table border="1">${rows
      .map(
        (r) =>
          `<tr>${r
            .map(
              (c) => `<td${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan ? ` colspan="${c.colSpan}"` : ''}>${esc(c.text).replace(/\n/g, '<br>')}</td>`
            )
            .join('')}</tr>`
      )
      .join('')}</table>`
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(report.title)}</title><script>alert(1)</script></head><body><h1>${esc(report.title)}</h1>${report.paragraphs
    .map((p) => `<p>${esc(p)}</p>`)
    .join('')}${report.tables.map((t) => `<h2>${esc(t.heading)}</h2>${table(t.rows)}`).join('')}</body></html>`
}

/** The crawler layout of seeds 000/002: one cell per line, each ending in " |". */
export function toPipeText(report: SyntheticReport): string {
  const lines = [report.title, ...report.paragraphs]
  for (const t of report.tables) {
    lines.push(t.heading)
    for (const row of t.rows) for (const c of row) lines.push(`${c.text.replace(/\n/g, '')} |`)
  }
  return lines.join('\n') + '\n'
}
