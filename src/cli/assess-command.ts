// report-desk assess: 年报质量评估 of the library's reports — 评估结果 as XLSX or JSON, or one
// 整改意见 .docx per body into a folder — against the default rubric or an organisation's own.

import { resolve } from 'node:path'
import { DEFAULT_RUBRIC, loadRubric } from '../library/assess'
import { flagValue, requiredFlag } from './args'
import { withLibrary } from './library-commands'

const FORMATS = ['xlsx', 'docx', 'json'] as const
type AssessFormat = (typeof FORMATS)[number]

export async function assessCommand(args: string[]): Promise<number> {
  const format = requiredFlag(args, '--format', '格式 xlsx|docx|json') as AssessFormat
  if (!FORMATS.includes(format)) {
    process.stderr.write('格式只能是 xlsx、docx 或 json / --format must be xlsx, docx or json\n')
    return 2
  }
  const out = resolve(requiredFlag(args, '--out', format === 'docx' ? '输出文件夹（每个机关一份整改意见）' : '输出文件'))
  const yearText = flagValue(args, '--year')
  if (yearText !== undefined && !/^(?:19|20)\d\d$/.test(yearText)) {
    process.stderr.write(`--year 应为四位年份，而不是“${yearText}” / --year takes a year such as 2023\n`)
    return 2
  }
  const rubricPath = flagValue(args, '--rubric')
  // the rubric is checked before the library is opened: a bad one changes nothing
  const rubric = rubricPath ? loadRubric(rubricPath) : DEFAULT_RUBRIC
  return withLibrary(
    args,
    async (library) => {
      const filter = { ...(yearText ? { year: Number(yearText) } : {}), verifiedOnly: args.includes('--verified') }
      const n = await library.exportAssessment(format, out, filter, rubric)
      const unverified = library.assessments(filter, rubric).filter((r) => r.assessment.unverified).length
      if (unverified) process.stderr.write(`提示：其中 ${unverified} 份报告尚未核验，其得分可能依据误读的数字（已在结果中标注）\n`)
      process.stdout.write(format === 'docx' ? `已写出 ${n} 份整改意见 → ${out}\n` : `已评估 ${n} 份报告 → ${out}\n`)
      return 0
    },
    { readOnly: true }
  )
}
