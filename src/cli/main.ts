// report-desk command line: the same core and library code as the app, headless.

import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { analyse } from '../core/analyse'
import { Library, type Extractor } from '../library/library'
import { flagValue, LIBRARY_ENV } from '../main/library-path'
import { STATUS_LABELS } from '../shared/types'

const HELP = `report-desk — 年报核验台命令行 (Report Desk command line)

用法 / usage:
  report-desk extract FILE [--json]              提取一份报告，输出 report-desk/report@1 JSON
  report-desk import FILE… --library PATH        把报告导入资料库（相同内容不重复导入）
  report-desk list --library PATH [--json]       列出资料库中的报告
  report-desk --help                             显示本帮助

资料库路径也可由环境变量 ${LIBRARY_ENV} 指定。
`

type Command = (args: string[]) => Promise<number>

const COMMANDS: Record<string, Command> = {
  extract: extractCommand,
  import: importCommand,
  list: listCommand
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
  try {
    return await run(rest)
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`)
    return 1
  }
}

/** Positional arguments: everything that is neither a flag nor a flag's value. */
function positionals(args: string[], flagsWithValue: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (flagsWithValue.includes(a)) i++
    else if (!a.startsWith('--')) out.push(a)
  }
  return out
}

function libraryPathFrom(args: string[]): string {
  const path = flagValue(args, '--library') ?? process.env[LIBRARY_ENV]
  if (!path) throw new Error(`请用 --library PATH 指定资料库 / --library PATH is required`)
  return path
}

const extractInProcess: Extractor = async (file) => {
  const result = await analyse(file)
  return { value: result.value?.json ?? null, messages: result.messages }
}

async function readInput(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  return { name: basename(path), bytes: new Uint8Array(await readFile(path)) }
}

async function extractCommand(args: string[]): Promise<number> {
  const [file] = positionals(args, [])
  if (!file) {
    process.stderr.write('请指定文件 / a FILE is required\n')
    return 2
  }
  const result = await extractInProcess(await readInput(file))
  if (!result.value) {
    for (const m of result.messages) process.stderr.write(`${m.message}${m.messageEn ? ' / ' + m.messageEn : ''}\n`)
    return 1
  }
  const json = result.value
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify(json, null, 2) + '\n')
  } else {
    const tables = Object.entries(json.tables).map(([t, s]) => `${t}=${s}`).join(' ')
    process.stdout.write(`${json.meta.agency ?? '（未识别机关）'} ${json.meta.year ?? '?'} 年 模板 ${json.meta.template ?? '无'} ${tables}\n`)
    for (const m of json.messages) process.stdout.write(`  [${m.type}] ${m.message}\n`)
  }
  return 0
}

async function importCommand(args: string[]): Promise<number> {
  const files = positionals(args, ['--library'])
  if (files.length === 0) {
    process.stderr.write('请指定要导入的文件 / FILE… is required\n')
    return 2
  }
  const library = new Library(libraryPathFrom(args))
  let failed = 0
  try {
    for (const path of files) {
      const outcome = await library.importFile(await readInput(path), extractInProcess)
      if (outcome.status === 'failed') failed++
      const detail = outcome.status === 'failed' ? `导入失败：${outcome.error}` : outcome.status === 'duplicate' ? '已在资料库中' : '已导入'
      process.stdout.write(`${outcome.name}\t${detail}\n`)
    }
  } finally {
    library.close()
  }
  return failed ? 1 : 0
}

async function listCommand(args: string[]): Promise<number> {
  const library = new Library(libraryPathFrom(args))
  try {
    const reports = library.listReports()
    if (args.includes('--json')) {
      process.stdout.write(JSON.stringify(reports, null, 2) + '\n')
      return 0
    }
    for (const r of reports) {
      process.stdout.write(
        [r.id, r.agency ?? '（未识别）', r.year ?? '', r.template ?? '', r.format, STATUS_LABELS[r.status], r.fileName].join('\t') + '\n'
      )
    }
  } finally {
    library.close()
  }
  return 0
}
