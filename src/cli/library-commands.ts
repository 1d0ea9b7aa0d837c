// The library commands: import, list, export, merge, backup, reextract.

import { resolve } from 'node:path'
import { EMPTY_FILE_NOTICE, Library } from '../library/library'
import { withExtractor } from './extractor'
import { STATUS_LABELS, type ExportFormat } from '../shared/types'
import { libraryPathFrom, positionals, readInput, requiredFlag } from './args'
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

export async function importCommand(args: string[]): Promise<number> {
  const files = positionals(args, ['--library'])
  if (files.length === 0) {
    process.stderr.write('请指定要导入的文件 / FILE… is required\n')
    return 2
  }
  const json = args.includes('--json')
  return withLibrary(args, (library) =>
    withExtractor(async ({ extract }) => {
      const results: (ImportOutcome & { path: string })[] = []
      for (const path of files) {
        // A file that cannot be read fails alone; the others are still imported.
        const input = await readInput(path).catch((e: Error) => e)
        const outcome: ImportOutcome =
          input instanceof Error ? { name: path, status: 'failed', error: input.message } : await library.importFile(input, extract)
        results.push({ path, ...outcome })
        if (json) continue
        const detail =
          outcome.status === 'failed'
            ? `导入失败：${outcome.error}`
            : outcome.status === 'duplicate'
              ? '已在资料库中'
              : outcome.morePictures
                ? outcome.warnings[0]
                : '已导入'
        out(tsvLine([input instanceof Error ? path : outcome.name, detail]))
      }
      if (json) out(JSON.stringify(results, null, 2))
      return results.some((r) => r.status === 'failed') ? 1 : 0
    })
  )
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
