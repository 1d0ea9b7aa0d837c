// The CSV export: the 汇总 sheet as one table (one row per report, every cell a column), UTF-8 with
// a byte-order mark so spreadsheet programs read the Chinese, RFC 4180 quoting, formula-safe text.

import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { STATUS_LABELS } from '../../shared/types'
import type { Db } from '../db'
import { writeWhole } from '../write-whole'
import { bySummaryColumn, cellOrigins, exportCells, exportReports, ORIGIN_HEADERS, templateCell, type ExportOptions } from './data'
import { summaryColumns } from './labels'
import { neutralise } from './safe-text'

/** Last, so every column before it keeps its place: cells flagged 需核对 that a reviewer confirmed (确认). */
const CONFIRMED_HEADER = '已确认（需核对）单元格数'

function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  const s = typeof value === 'number' ? String(value) : neutralise(value)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export async function writeCsv(db: Db, path: string, options: ExportOptions = {}): Promise<number> {
  const reports = exportReports(db, options)
  const columns = summaryColumns()
  await writeWhole(path, async (temp) => {
    const out = createWriteStream(temp)
    const write = async (line: string): Promise<void> => {
      if (!out.write(line + '\r\n')) await once(out, 'drain')
    }
    try {
      const header = [
        '机关',
        '年度',
        '模板',
        '状态',
        '核验人',
        '核验时间',
        ...columns.map((c) => `${c.table.slice(0, 1)}｜${c.row}｜${c.column}`),
        '文件名',
        'sha256',
        ...ORIGIN_HEADERS,
        CONFIRMED_HEADER
      ]
      await write('\ufeff' + header.map(field).join(','))
      let done = 0
      for (const r of reports) {
        const cells = exportCells(db, r.id, r)
        const values = Array.from(bySummaryColumn(cells), (cell) => (cell ? (cell.value ?? cell.raw) : null))
        const confirmed = cells.filter((c) => c.confirmed).length
        const origins = cellOrigins(db, r.id)
        const row = [r.agency, r.year, templateCell(r), STATUS_LABELS[r.status], r.verifiedBy, r.verifiedAt, ...values, r.fileName, r.sha256]
        await write([...row, origins.extracted, origins.typed, origins.ocr, confirmed].map(field).join(','))
        if (++done % 200 === 0) options.onProgress?.(done / reports.length)
      }
      out.end()
      await once(out, 'close')
    } catch (e) {
      out.destroy()
      throw e
    }
  })
  options.onProgress?.(1)
  return reports.length
}
