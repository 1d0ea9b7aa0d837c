// report-desk paper: 核验底稿 of chosen reports (or every verified one) as XLSX or PDF.

import { resolve } from 'node:path'
import type { PaperFormat } from '../library/export/paper'
import { chromiumPdfRenderer } from '../library/export/paper/chromium'
import { requiredFlag } from './args'
import { withLibrary } from './library-commands'

const FORMATS: PaperFormat[] = ['xlsx', 'pdf']

/** The ids after each --id (`--id 3 5` and `--id 3 --id 5` alike); NaN for one that is not a number. */
export function idsFrom(args: string[]): number[] {
  const ids: number[] = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--id') continue
    while (i + 1 < args.length && !args[i + 1].startsWith('--')) ids.push(/^\d+$/.test(args[++i]) ? Number(args[i]) : NaN)
  }
  return ids
}

export async function paperCommand(args: string[]): Promise<number> {
  const format = requiredFlag(args, '--format', '底稿格式 xlsx|pdf') as PaperFormat
  if (!FORMATS.includes(format)) {
    process.stderr.write('底稿格式只能是 xlsx 或 pdf / --format must be xlsx or pdf\n')
    return 2
  }
  const path = resolve(requiredFlag(args, '--out', '输出路径'))
  const all = args.includes('--all-verified')
  const ids = idsFrom(args)
  if (all === ids.length > 0) {
    process.stderr.write('请用 --id N… 指定报告，或用 --all-verified 导出全部已核验报告（二者选一） / give --id N… or --all-verified\n')
    return 2
  }
  if (ids.some((id) => Number.isNaN(id))) {
    process.stderr.write('--id 后应为报告编号（数字），可用 list 命令查看 / --id takes report numbers\n')
    return 2
  }
  // Chromium is looked for first: no PDF means nothing is read or written.
  const renderPdf = format === 'pdf' ? await chromiumPdfRenderer() : undefined
  return withLibrary(
    args,
    async (library) => {
      const chosen = all ? library.listReports({ status: 'verified' }).map((r) => r.id) : ids
      const n = await library.exportPapers({ ids: chosen, format, outPath: path, ...(renderPdf ? { renderPdf } : {}) })
      const unverified = chosen.filter((id) => library.getReport(id).summary.status !== 'verified')
      if (unverified.length) process.stderr.write(`提示：报告 ${unverified.join('、')} 尚未核验，底稿已标注“未核验”\n`)
      process.stdout.write(`已导出 ${n} 份核验底稿 → ${path}\n`)
      return 0
    },
    { readOnly: true }
  )
}
