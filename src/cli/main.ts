// report-desk command line: the same core and library code as the app, headless.
// The engine runs in the extraction child, and the library commands are loaded when one is run:
// `--help` and `extract` evaluate neither in this process, so they start fast.

import { cliHost, withExtractor } from './extractor'
import type { ExtractedFile } from '../library/extractor'
import type { ReportJson } from '../core/report'
import { LIBRARY_ENV } from '../main/library-path'
import { positionals, readInput, unknownFlag } from './args'

const HELP = `report-desk — 年报核验台命令行 (Report Desk command line)

用法 / usage:
  report-desk extract FILE|FOLDER [--json]                         提取一份报告（文件夹：网页连同其图片、扫描图片等一份报告），输出 report-desk/report@1 JSON
  report-desk import FILE… --library PATH [--jobs N] [--json]      把报告导入资料库（相同内容不重复导入）；
                                                                   --jobs N：同时解析 N 个文件（缺省为 CPU 核数 − 1，并按可用内存减少，至少 1），
                                                                   文字报告先于扫描件；每个文件导入后输出一行（--json：每行一个 JSON 对象），
                                                                   在终端上另有一行进度（已导入数、正在读取数、预计剩余时间）
  report-desk list --library PATH [SEARCH] [--json]                列出资料库中的报告
  report-desk export --library PATH --format xlsx|csv|json --out PATH [--all]
                                                                   导出已核验的报告（--all：全部报告及其状态；json：PATH 为文件夹）
  report-desk paper --library PATH (--id N… | --all-verified) --format xlsx|pdf --out PATH
                                                                   导出核验底稿（每份报告按官方表样排版；未核验的报告标注“未核验”；
                                                                   pdf 需要本机 Chromium，可用 REPORT_DESK_CHROMIUM 指定）
  report-desk stats --library PATH [--by year|agency] [--year Y…] [--agency TEXT] [--all] [--json]
                                                                   统计分析：按年度、按机关的汇总与比率，值得关注（离群值、年度间大幅变化）；
                                                                   默认只计已核验的报告（--all：全部，未核验的逐项标出）；
                                                                   --by year|agency 只输出按年度或按机关一表（缺省两表及值得关注都输出）
  report-desk assess --library PATH [--year Y] [--rubric FILE] [--verified] --format xlsx|docx|json --out PATH
                                                                   年报质量评估：及时性、规范性、完整性、准确性、问题与改进、信息处理费；
                                                                   xlsx/json：每份报告一行（各指标得分与理由）；docx：PATH 为文件夹，每个机关一份整改意见；
                                                                   --rubric 选用本单位的评估标准（JSON）；--verified 只评估已核验的报告
  report-desk merge --library PATH --from OTHER [--json]           合并另一位核验人的资料库（有冲突时退出码 3，有拒收时 4）
  report-desk backup --library PATH --out PATH                     备份资料库（运行中也可进行）
  report-desk reextract --library PATH [--all]                     用当前解析程序重新提取（人工修改保留）
  report-desk --help                                               显示本帮助

资料库路径也可由环境变量 ${LIBRARY_ENV} 指定。
制表符分隔的输出中，字段里的制表符、换行和反斜杠写作 \\t、\\n、\\r、\\\\（fields escape tab, newline, CR and backslash）。
`

type Command = (args: string[]) => Promise<number>

type LibraryCommands = typeof import('./library-commands')
/** The exports of library-commands that are commands (it also exports their helper withLibrary). */
type LibraryCommandName = { [K in keyof LibraryCommands]: LibraryCommands[K] extends Command ? K : never }[keyof LibraryCommands]
const libraryCommand =
  (name: LibraryCommandName): Command =>
  async (args) =>
    (await import('./library-commands'))[name](args)

const COMMANDS: Record<string, Command> = {
  extract: extractCommand,
  import: async (args) => {
    // The first child loads the engine while this process loads the library's code (about a third
    // of a second of a core each): the first file is read that much sooner.
    const host = cliHost()
    host.warm()
    try {
      return await (await import('./library-commands')).importCommand(args, host)
    } finally {
      await host.close()
    }
  },
  list: libraryCommand('listCommand'),
  export: libraryCommand('exportCommand'),
  paper: async (args) => (await import('./paper-command')).paperCommand(args),
  stats: async (args) => (await import('./stats-command')).statsCommand(args),
  assess: async (args) => (await import('./assess-command')).assessCommand(args),
  merge: libraryCommand('mergeCommand'),
  backup: libraryCommand('backupCommand'),
  reextract: libraryCommand('reextractCommand')
}

/**
 * `report-desk … | head`: once the reader has closed the pipe nothing more can be shown, so the command
 * ends quietly, as coreutils and git do, instead of dying on an unhandled EPIPE with a stack trace.
 */
export function exitQuietlyOnClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(0)
  })
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP)
    return 0
  }
  const run = COMMANDS[command]
  if (!run) {
    process.stderr.write(`未知命令 / unknown command: ${command}\n\n${HELP}`)
    return 2
  }
  const unknown = unknownFlag(command, rest)
  if (unknown) {
    process.stderr.write(`${unknown}\n`)
    return 2
  }
  try {
    return await run(rest)
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`)
    return 1
  }
}

async function extractCommand(args: string[]): Promise<number> {
  const [file] = positionals(args, [])
  if (!file) {
    process.stderr.write('请指定文件 / a FILE is required\n')
    return 2
  }
  // A folder may hold one report (a saved page with its folder, page photos): extracted as the app imports a drop.
  const input = await readInput(file, { folder: true })
  const result = await withExtractor(({ extract }) => extract(input))
  const extracted = extractedFile(result.value)
  if (!extracted) {
    for (const m of result.messages) process.stderr.write(`${m.message}${m.messageEn ? ' / ' + m.messageEn : ''}\n`)
    return 1
  }
  const json = extracted.json
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify(json, null, 2) + '\n')
  } else {
    const tables = Object.entries(json.tables)
      .map(([t, s]) => `${t}=${s}`)
      .join(' ')
    process.stdout.write(`${json.meta.agency ?? '（未识别机关）'} ${json.meta.year ?? '?'} 年 模板 ${json.meta.template ?? '无'} ${tables}\n`)
    for (const m of json.messages) process.stdout.write(`  [${m.type}] ${m.message}\n`)
  }
  return 0
}

/** The child answers a report, or a report with its document (as library/extractor's asExtractedFile, without loading the engine here). */
function extractedFile(value: ReportJson | ExtractedFile | null): ExtractedFile | null {
  if (!value) return null
  return 'schema' in value ? { json: value } : value
}
