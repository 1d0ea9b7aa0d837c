// Helpers for the PDF/.doc tests: a tiny PDF writer and table lookups.

import type { SourceDocument, Table } from '../../document'

/** A one-page PDF with the given content stream and (optionally) a Helvetica font. */
export function minimalPdf(content: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(pdf.length)
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(pdf)
}

export function tablesOf(doc: SourceDocument): Table[] {
  return doc.blocks.filter((b): b is Table => b.kind === 'table')
}

export function cellTexts(doc: SourceDocument, table: Table): string[][] {
  return table.rows.map((row) => row.map((c) => doc.text.slice(c.start, c.end)))
}

/** The numbers that follow the first cell containing `label` in its row (a number wrapped in its cell, "11 9", as one). */
export function valuesAfter(doc: SourceDocument, label: string): number[] | null {
  for (const table of tablesOf(doc)) {
    for (const row of cellTexts(doc, table)) {
      const i = row.findIndex((t) => t.replace(/\s+/gu, '').includes(label))
      if (i < 0) continue
      return row
        .slice(i + 1)
        .filter((t) => /^-?[\d.]+(?: \d+)*$/u.test(t.trim()))
        .map((t) => Number(t.trim().replace(/ /gu, '')))
    }
  }
  return null
}
