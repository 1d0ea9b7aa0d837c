// 评估结果 out of the library: XLSX (one row per report, every indicator with its points and reasons),
// JSON, and per body a 整改意见 in Word listing each problem with its evidence, ready to send.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import type { Assessment, Deduction, Rubric } from '../../core/assess'
import { cellLabel } from '../../core/validate/labels'
import { RULES } from '../../core/validate/rules'
import { STATUS_LABELS, type ReportStatus } from '../../shared/types'
import { sql, type Db } from '../db'
import { neutralise } from '../export/safe-text'
import { WorkbookWriter, type CellValue } from '../export/workbook'
import { STAGING_PREFIX, removePartialOutputs } from '../leftovers'
import { safeFileName } from '../paths'
import { writeWhole } from '../write-whole'
import type { AssessCache } from './compute'

export interface AssessFilter {
  year?: number
  /** Only reports verified by a person. */
  verifiedOnly?: boolean
}

export interface AssessedReport {
  id: number
  fileName: string
  agency: string | null
  agencyKey: string | null
  year: number | null
  status: ReportStatus
  assessment: Assessment
}

/** The reports chosen, agency then year, each assessed (from the cache when unchanged). */
export function assessedReports(db: Db, cache: AssessCache, rubric: Rubric, filter: AssessFilter = {}): AssessedReport[] {
  const rows = sql(
    db,
    `SELECT r.id, f.name AS fileName, r.agency, r.agency_key AS agencyKey, r.year, r.status FROM reports r JOIN files f ON f.id = r.file_id
     WHERE (@year IS NULL OR r.year = @year) AND (@verified = 0 OR r.status = 'verified')
     ORDER BY r.agency_key IS NULL, r.agency_key, r.year, r.id`
  ).all({ year: Number.isInteger(filter.year) ? filter.year : null, verified: filter.verifiedOnly ? 1 : 0 }) as Omit<AssessedReport, 'assessment'>[]
  return rows.map((r) => ({ ...r, assessment: cache.get(r.id, rubric) }))
}

const text = (s: string | null | undefined): string | null => (s ? neutralise(s) : null)

/** The reasons of an indicator: its deductions, or what it found. */
function reasonsOf(i: Assessment['indicators'][number]): string {
  const taken = i.deductions.filter((d) => d.points > 0)
  if (taken.length) return taken.map((d) => `${d.reason}（扣 ${d.points} 分）`).join('；')
  return i.reason
}

const STATE_LABELS = { pass: '满分', deducted: '扣分', unknown: '无法判断' } as const

export async function writeAssessXlsx(reports: AssessedReport[], rubric: Rubric, path: string): Promise<void> {
  const staging = mkdtempSync(join(tmpdir(), `${STAGING_PREFIX}${process.pid}-`))
  const workbook = new WorkbookWriter(staging, '年报核验台')
  try {
    const indicators = rubric.indicators
    const sheet = workbook.addSheet('评估结果', {
      widths: [28, 8, 30, 10, 8, 8, ...indicators.flatMap(() => [8, 10, 48]), 30],
      frozen: { rows: 1, columns: 2 },
      autoFilter: true
    })
    sheet.row(
      [
        '机关',
        '年度',
        '文件',
        '核验状态',
        '总分',
        '满分',
        ...indicators.flatMap((i) => [`${i.title}（${i.points}）`, `${i.title}·结论`, `${i.title}·理由`]),
        '评估标准'
      ],
      'header'
    )
    for (const r of reports) {
      const a = r.assessment
      const row: CellValue[] = [
        text(r.agency),
        r.year,
        text(r.fileName),
        r.status === 'verified' ? STATUS_LABELS.verified : `${STATUS_LABELS[r.status]}（未核验，得分可能依据误读的数字）`,
        a.total,
        a.max
      ]
      for (const def of indicators) {
        const i = a.indicators.find((x) => x.id === def.id)
        row.push(i ? i.points : null, i ? STATE_LABELS[i.state] : null, i ? text(reasonsOf(i)) : null)
      }
      row.push(text(`${a.rubric.name} ${a.rubric.version}`))
      sheet.row(row)
      await workbook.settle()
    }
    await writeWhole(path, (temp) => workbook.commit(temp))
  } catch (e) {
    workbook.abort()
    throw e
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

export interface AssessJson {
  schema: 'report-desk/assessment@1'
  assessedAt: string
  rubric: { id: string; version: string; name: string }
  reports: { id: number; fileName: string; agency: string | null; year: number | null; status: ReportStatus; assessment: Assessment }[]
}

export function assessJson(reports: AssessedReport[], rubric: Rubric): AssessJson {
  return {
    schema: 'report-desk/assessment@1',
    assessedAt: new Date().toISOString(),
    rubric: { id: rubric.id, version: rubric.version, name: rubric.name },
    reports: reports.map(({ agencyKey: _key, ...r }) => {
      void _key
      return r
    })
  }
}

export function writeAssessJson(reports: AssessedReport[], rubric: Rubric, path: string): void {
  writeWhole(path, (temp) => writeFileSync(temp, JSON.stringify(assessJson(reports, rubric), null, 2) + '\n'))
}

const RULE_TITLES = new Map(RULES.map((r) => [r.id, r.title]))

/** The evidence of a deduction in words: the cells, the quote with its place, the checks. */
export function evidenceLines(d: Deduction): string[] {
  const lines: string[] = []
  const e = d.evidence
  if (e.cells?.length) lines.push(`涉及单元格：${e.cells.map(cellLabel).join('、')}`)
  if (e.quote && e.quote.text) lines.push(`原文：“${e.quote.text}”${e.quote.start >= 0 ? `（正文第 ${e.quote.start + 1} 字起）` : ''}`)
  if (e.findings?.length) {
    const rules = [...new Set(e.findings.map((f) => f.slice(0, f.indexOf('|'))))]
    lines.push(`依据核对规则：${rules.map((r) => RULE_TITLES.get(r) ?? r).join('、')}`)
  }
  return lines
}

function bodyName(reports: AssessedReport[]): string {
  return reports.find((r) => r.agency)?.agency ?? '（机关不明）'
}

/** One body's 整改意见 as a Word document. */
export function rectificationDocument(reports: AssessedReport[], rubric: Rubric, date = new Date()): Document {
  const body = bodyName(reports)
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(`关于${body}政府信息公开工作年度报告的整改意见`)] }),
    new Paragraph({
      children: [
        new TextRun(
          `${body}：经对照《中华人民共和国政府信息公开条例》和年度报告格式要求，按“${rubric.name}”（${rubric.version}）评估，贵单位年度报告存在以下问题，请逐项整改，并在今后的年度报告中避免。`
        )
      ]
    })
  ]
  for (const r of reports) {
    const a = r.assessment
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun(`${r.year ?? '年度不明'}年度报告（${a.total} / ${a.max} 分）`)]
      })
    )
    if (a.unverified)
      children.push(new Paragraph({ children: [new TextRun({ text: '注意：此报告尚未经人工核验，以下依据的数字可能有误读，发出前请核对。', bold: true })] }))
    const problems = a.indicators.flatMap((i) => i.deductions.filter((d) => d.points > 0).map((d) => ({ indicator: i.title, d })))
    if (!problems.length) children.push(new Paragraph({ children: [new TextRun('未发现需要整改的问题。')] }))
    problems.forEach(({ indicator, d }, n) => {
      children.push(new Paragraph({ children: [new TextRun({ text: `${n + 1}. 【${indicator}】${d.reason}（扣 ${d.points} 分）`, bold: true })] }))
      for (const line of evidenceLines(d)) children.push(new Paragraph({ indent: { left: 480 }, children: [new TextRun(line)] }))
    })
    const unknown = a.indicators.filter((i) => i.state === 'unknown')
    for (const i of unknown) children.push(new Paragraph({ children: [new TextRun(`【${i.title}】无法判断：${i.reason}`)] }))
  }
  children.push(
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(`${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`)] })
  )
  return new Document({ creator: '年报核验台', title: `${body}整改意见`, sections: [{ children }] })
}

/** Groups reports by body (agency as matched across the library). */
export function byBody(reports: AssessedReport[]): AssessedReport[][] {
  const groups = new Map<string, AssessedReport[]>()
  for (const r of reports) {
    const key = r.agencyKey ?? `#${r.id}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  return [...groups.values()]
}

/** Writes one 整改意见 .docx per body into a folder; returns the files written. */
export async function writeRectifications(reports: AssessedReport[], rubric: Rubric, folder: string): Promise<string[]> {
  mkdirSync(folder, { recursive: true })
  removePartialOutputs(folder)
  const written: string[] = []
  const used = new Set<string>()
  for (const group of byBody(reports)) {
    let name = safeFileName(`${bodyName(group)}-整改意见`).slice(0, 100)
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${safeFileName(`${bodyName(group)}-整改意见`).slice(0, 100)}-${n}`
    used.add(name.toLowerCase())
    const path = join(folder, `${name}.docx`)
    const bytes = await Packer.toBuffer(rectificationDocument(group, rubric))
    writeWhole(path, (temp) => writeFileSync(temp, bytes), { sweep: false })
    written.push(path)
  }
  return written
}
