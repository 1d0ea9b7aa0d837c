// The library commands: import, list, export, merge, backup, reextract.

import { resolve } from 'node:path'
import { EMPTY_FILE_NOTICE, Library } from '../library/library'
import { withExtractor } from './extractor'
import { STATUS_LABELS, type ExportFormat } from '../shared/types'
import { flagValue, libraryPathFrom, positionals, readInput, requiredFlag } from './args'
import { stat } from 'node:fs/promises'
import { costByName } from '../core/ingest/cost-by-name'
import { etaText, remainingSeconds } from '../shared/import-eta'
import { createImportTracker, type ImportTracker } from '../main/import-tracker'
import { defaultLanes, maxLanes, type ExtractionHost } from '../main/extraction-host'
import { tsvLine } from './tsv'
import type { ImportOutcome } from '../shared/types'

const out = (line: string): void => void process.stdout.write(line + '\n')

/**
 * Runs a command on the library. `readOnly` commands (list, export) open it read-only: they work on
 * a library nobody may write to, and never create one at a mistyped path.
 */
export async function withLibrary<T>(args: string[], fn: (library: Library) => Promise<T> | T, options: { readOnly?: boolean } = {}): Promise<T> {
  const library = new Library(libraryPathFrom(args), options)
  if (library.created === 'new_file') process.stderr.write(`已新建资料库：${library.path}\n`)
  if (library.created === 'empty_file') process.stderr.write(`提示：${EMPTY_FILE_NOTICE}：${library.path}\n`)
  try {
    return await fn(library)
  } finally {
    library.close()
  }
}

/** Files read and handed to the lanes at once, per lane: enough to keep them busy, few enough to bound memory. */
const IN_FLIGHT_PER_LANE = 4

/**
 * import: every file goes to the extraction host, quick ones first (by name and size, before reading;
 * the host refines the order from the bytes), `--jobs N` at once (default: cores − 1, as memory allows).
 * One line per file as it lands — TSV, or with --json one JSON object per line; on a terminal a
 * progress line on stderr (count, files being read, time left), nothing extra when piped.
 */
export async function importCommand(args: string[], warmed?: ExtractionHost): Promise<number> {
  const files = positionals(args, ['--library', '--jobs'])
  if (files.length === 0) {
    process.stderr.write('请指定要导入的文件 / FILE… is required\n')
    return 2
  }
  const jobs = jobsFrom(args)
  const json = args.includes('--json')
  // The first child loads its modules (if it is not already) while the files are sized and the library is opened.
  return withExtractor(
    async ({ extract, host }) => {
      host.warm()
      const plan = (
        await Promise.all(files.map(async (path, index) => ({ path, index, cost: costByName(path, (await stat(path).catch(() => null))?.size ?? 0).cost })))
      ).sort((a, b) => a.cost - b.cost || a.index - b.index)
      return withLibrary(args, async (library) => {
        const tracker = createImportTracker(extract)
        const line = process.stderr.isTTY ? progressLine(plan, tracker) : null
        let failed = false
        const land = (path: string, index: number, outcome: ImportOutcome): void => {
          failed ||= outcome.status === 'failed'
          line?.clear()
          if (json) out(JSON.stringify({ path, ...outcome }))
          else out(tsvLine([outcome.name, outcomeText(outcome)]))
          line?.landed(index)
        }
        const importOne = async ({ path, index }: (typeof plan)[number]): Promise<void> => {
          // A file that cannot be read fails alone; the others are still imported.
          const input = await readInput(path).catch((e: Error) => e)
          if (input instanceof Error) return land(path, index, { name: path, status: 'failed', error: input.message })
          const [outcome] = await tracker.importFiles(library, [input], [String(index)])
          land(path, index, outcome)
        }
        const waiting = [...plan]
        const lane = async (): Promise<void> => {
          for (let next = waiting.shift(); next; next = waiting.shift()) await importOne(next)
        }
        await Promise.all(Array.from({ length: Math.min(waiting.length, jobs * IN_FLIGHT_PER_LANE) }, lane))
        line?.clear()
        return failed ? 1 : 0
      })
    },
    { lanes: jobs, ...(warmed ? { host: warmed } : {}) }
  )
}

/** --jobs N: a whole number from 1 to the machine's cores; absent, the machine's default. */
function jobsFrom(args: string[]): number {
  const raw = flagValue(args, '--jobs')
  if (raw === undefined) return defaultLanes()
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > maxLanes())
    throw new Error(`--jobs 须为 1 至 ${maxLanes()} 之间的整数 / --jobs must be a whole number from 1 to ${maxLanes()}`)
  return n
}

function outcomeText(outcome: ImportOutcome): string {
  switch (outcome.status) {
    case 'failed':
      return `导入失败：${outcome.error}`
    case 'duplicate':
      return '已在资料库中'
    case 'cancelled':
      return '已取消'
    case 'imported':
      // A saved page that came again with more of its pictures: say the richer copy replaced the stored one.
      return outcome.morePictures ? outcome.warnings[0] : '已导入'
  }
}

/** The terminal's progress line on stderr: files landed of all, how many are being read, time left. */
function progressLine(plan: { index: number; cost: number }[], tracker: ImportTracker): { landed(index: number): void; clear(): void } {
  const started = Date.now()
  const landed = new Set<number>()
  const costs = new Map(plan.map((p) => [String(p.index), p.cost]))
  let shown = false
  const draw = (): void => {
    const live = new Map(tracker.progress().map((p) => [p.ticket, p]))
    const reading = [...live.values()].filter((p) => p.state === 'reading').length
    const eta = remainingSeconds(
      plan.map((p) => {
        const now = live.get(String(p.index))
        return { cost: costs.get(String(p.index))!, finished: landed.has(p.index), pagesDone: now?.done, pagesTotal: now?.total }
      }),
      Date.now() - started
    )
    process.stderr.write(
      `\r\x1b[K正在导入 ${landed.size}/${plan.length}${reading ? `（${reading} 个正在读取）` : ''}${eta === null ? '' : `，预计还需${etaText(eta)}`}`
    )
    shown = true
  }
  const timer = setInterval(draw, 500)
  timer.unref()
  return {
    landed: (index) => {
      landed.add(index)
      draw()
    },
    clear: () => {
      if (shown) process.stderr.write('\r\x1b[K')
      shown = false
      if (landed.size >= plan.length) clearInterval(timer)
    }
  }
}

export async function listCommand(args: string[]): Promise<number> {
  return withLibrary(
    args,
    (library) => {
      const reports = library.listReports({ search: positionals(args, ['--library'])[0] })
      if (args.includes('--json')) {
        out(JSON.stringify(reports, null, 2))
        return 0
      }
      for (const r of reports) {
        out(tsvLine([r.id, r.agency ?? '（未识别）', r.year ?? '', r.template ?? '', r.format, STATUS_LABELS[r.status], r.openFindings, r.fileName]))
      }
      return 0
    },
    { readOnly: true }
  )
}

const FORMATS: ExportFormat[] = ['xlsx', 'csv', 'json']

export async function exportCommand(args: string[]): Promise<number> {
  const format = requiredFlag(args, '--format', '导出格式 xlsx|csv|json') as ExportFormat
  if (!FORMATS.includes(format)) {
    process.stderr.write(`导出格式只能是 xlsx、csv 或 json / --format must be xlsx, csv or json\n`)
    return 2
  }
  const path = resolve(requiredFlag(args, '--out', '输出路径'))
  return withLibrary(
    args,
    async (library) => {
      const n = await library.export(format, path, { all: args.includes('--all') })
      out(`已导出 ${n} 份${args.includes('--all') ? '' : '已核验的'}报告 → ${path}`)
      return 0
    },
    { readOnly: true }
  )
}

export async function mergeCommand(args: string[]): Promise<number> {
  const from = resolve(requiredFlag(args, '--from', '要合并的资料库'))
  return withLibrary(args, (library) => {
    const outcome = library.merge(from)
    if (args.includes('--json')) {
      out(JSON.stringify(outcome, null, 2))
    } else {
      const reopened = outcome.reopened ?? []
      out(
        `新增 ${outcome.added}，更新 ${outcome.updated}，未变 ${outcome.unchanged}，冲突 ${outcome.conflicts.length}，拒收 ${outcome.refused.length}，重新打开 ${reopened.length}`
      )
      for (const r of outcome.refused) out(`拒收\t${r.fileName}\t${r.reason}`)
      // Arrived 已核验 but this library's verify gate is not met: back to 待核验 / 有问题, with why.
      for (const r of reopened) out(tsvLine(['重新打开', `#${r.reportId}`, r.agency ?? '（未识别机关）', r.year ?? '', r.reason]))
      for (const c of outcome.conflicts) {
        out(tsvLine(['冲突', c.agency ?? '（未识别）', c.year ?? '', c.reason]))
        for (const d of c.differences ?? []) out(tsvLine(['', d.target, `我方 ${d.ours ?? '（无）'}`, `对方 ${d.theirs ?? '（无）'}`]))
      }
    }
    return outcome.conflicts.length ? 3 : outcome.refused.length ? 4 : 0
  })
}

export async function backupCommand(args: string[]): Promise<number> {
  const to = resolve(requiredFlag(args, '--out', '备份路径'))
  return withLibrary(args, async (library) => {
    out(`已备份 → ${(await library.backup(to)).path}`)
    return 0
  })
}

export async function reextractCommand(args: string[]): Promise<number> {
  return withLibrary(args, (library) =>
    withExtractor(async ({ extract }) => {
      const ids = args.includes('--all') ? library.listReports().map((r) => r.id) : library.staleReports()
      for (const id of ids) {
        const o = await library.reextract(id, extract)
        out(`${id}\t变化 ${o.changed}\t与人工修改不一致 ${o.conflicts}`)
      }
      out(`已重新提取 ${ids.length} 份报告`)
      return 0
    })
  )
}
