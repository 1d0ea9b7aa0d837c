// The data of one working paper (核验底稿): a report's three tables in the official layout with the
// values as the source has them, what a reviewer corrected, typed or marked, the checks and their
// outcome, the audit trail, the source file and who verified it. Pure: built from what the library
// already gives the review screen (ReportDetail) and its edit log, so the paper shows the same facts.

import type { FindingStatus } from '../../../core/report'
import { TABLE_NAMES, TABLE_SHORT_NAMES, tableOf, type TableName, type TemplateId } from '../../../core/template'
import { reportForm, tableForm } from '../../../core/template/forms'
import { RULES } from '../../../core/validate'
import type { EditRecord, ReportDetail, ReportStatus, ReviewMark } from '../../../shared/types'
import { STATUS_LABELS } from '../../../shared/types'
import { UNSTATED_META } from '../../../shared/open-items'
import { FINDING_STATUS_LABELS, targetLabel } from '../labels'
import { ABSENT_TABLE, BLANK_CELL, TABLE_TARGET_PREFIX } from '../../review/settlement'
import { tableGrid, type TableGrid } from './layout'

export interface PaperCorrection {
  /** What the source (or the engine) had before the reviewer's first change; null where it had nothing. */
  oldRaw: string | null
  reviewer: string
  reason: string | null
  at: string
}

export interface PaperCell {
  key: string
  /** As written: the number's text, "/", "-", or "" for blank. */
  raw: string
  value: number | null
  /** Set when a reviewer changed the cell. */
  correction?: PaperCorrection
  /** Typed by a reviewer where the source had no reading at all (e.g. no table). */
  typed: boolean
  /** 原文空白, recorded by a reviewer. */
  blank?: ReviewMark
  /** Flagged by the engine (需核对) and confirmed by a reviewer as read: why it was flagged, who, when. */
  confirmed?: { reason: string; by: string; at: string }
}

export interface PaperTable {
  table: TableName
  short: string
  grid: TableGrid
  /** found: the source has it; absent: a reviewer recorded 原文无此表; typed: the source had none, a reviewer typed it; missing: none of these. */
  state: 'found' | 'absent' | 'typed' | 'missing'
  /** The form this table is laid out in (a mixed report's table 三 may differ from the report's). */
  template: TemplateId
  absentMark?: ReviewMark
  cells: Record<string, PaperCell>
}

export interface PaperFinding {
  rule: string
  ruleTitle: string
  status: FindingStatus
  statusLabel: string
  message: string
  left?: { label: string; value: number | null }
  right?: { label: string; value: number | null }
  accepted?: { by: string; at: string; comment: string }
  open: boolean
}

export interface PaperCheckSummary {
  rule: string
  ruleTitle: string
  counts: Record<FindingStatus, number>
}

/** One line of the audit trail as the paper prints it: an edit record without its row id. */
export type PaperTrailEntry = Omit<EditRecord, 'id'>

export interface WorkingPaper {
  reportId: number
  agency: string | null
  year: number | null
  /** 原文未载明 recorded by the reviewer for the agency or the year: the comment, who, when. */
  unstated: { agency?: ReviewMark; year?: ReviewMark }
  template: TemplateId
  templateLabel: string
  fileName: string
  sha256: string
  format: string
  statusLabel: string
  verified: boolean
  verifiedBy: string | null
  verifiedAt: string | null
  tables: PaperTable[]
  /** Every finding other than a pass, in the engine's order. */
  findings: PaperFinding[]
  /** Each rule's outcome counted, passes included. */
  checks: PaperCheckSummary[]
  trail: PaperTrailEntry[]
  /** Counts for the summary: what the reviewer changed or recorded, and what is still open. */
  counts: { corrected: number; typed: number; blank: number; confirmed: number; accepted: number; open: number }
}

export const TEMPLATE_LABELS: Record<TemplateId, string> = {
  '2021': '〔2021〕30号 格式',
  '2019': '2019 年试行格式'
}

/** Shown on the paper and in file names where a report has no agency or year. */
export const UNKNOWN_AGENCY = '（机关未填）'

const RULE_TITLES = new Map(RULES.map((r) => [r.id, r.title]))

/** The paper of a report: its detail as the review screen has it, and its whole edit log (oldest first). */
export function workingPaper(detail: ReportDetail, history: readonly EditRecord[]): WorkingPaper {
  // Each table is laid out in its form, as the review shows it; a report without a template in the
  // form of its year (reportForm), as the review, the list and the header say.
  const template: TemplateId = reportForm(detail.meta)
  const keys = Object.keys(detail.cells)
  const firstEdit = new Map<string, EditRecord>()
  const lastEdit = new Map<string, EditRecord>()
  for (const e of history) {
    if (!firstEdit.has(e.target)) firstEdit.set(e.target, e)
    lastEdit.set(e.target, e)
  }
  const blankMarks = new Map(detail.marks.cells.map((m) => [m.target, m]))
  const absentMarks = new Map(detail.marks.tables.map((m) => [m.target.slice(TABLE_TARGET_PREFIX.length), m]))

  const tables = TABLE_NAMES.map((table): PaperTable => {
    const form = tableForm(table, detail.meta, keys)
    const grid = tableGrid(table, form)
    const cells: Record<string, PaperCell> = {}
    let anyExtracted = false
    let anyTyped = false
    for (const g of grid.cells) {
      if (!g.key) continue
      const c = detail.cells[g.key]
      const blank = blankMarks.get(g.key)
      if (!c && !blank) continue
      const raw = c?.raw ?? ''
      const corrected = c?.corrected === true
      const typed = corrected && !c?.extracted
      if (c && !corrected) anyExtracted = true
      if (corrected && c?.extracted) anyExtracted = true
      if (typed) anyTyped = true
      const first = firstEdit.get(g.key)
      const last = lastEdit.get(g.key)
      const correction: PaperCorrection | undefined =
        corrected && last ? { oldRaw: c?.extracted?.raw ?? first?.oldRaw ?? null, reviewer: last.reviewer, reason: last.reason, at: last.at } : undefined
      const confirmed = c?.review && c.confirmed ? { reason: c.reviewReason ?? '提取时有推断', ...c.confirmed } : undefined
      cells[g.key] = {
        key: g.key,
        raw,
        value: c?.value ?? null,
        typed,
        ...(correction ? { correction } : {}),
        ...(blank ? { blank } : {}),
        ...(confirmed ? { confirmed } : {})
      }
    }
    const absentMark = absentMarks.get(table)
    const state: PaperTable['state'] = absentMark
      ? 'absent'
      : anyExtracted
        ? 'found'
        : anyTyped
          ? 'typed'
          : detail.tables[table] === 'found'
            ? 'found'
            : 'missing'
    return { table, short: TABLE_SHORT_NAMES[table], template: form, grid, state, ...(absentMark ? { absentMark } : {}), cells }
  })

  const checkCounts = new Map<string, PaperCheckSummary>()
  const findings: PaperFinding[] = []
  for (const f of detail.findings) {
    const ruleTitle = RULE_TITLES.get(f.rule) ?? f.rule
    let summary = checkCounts.get(f.rule)
    if (!summary) {
      summary = { rule: f.rule, ruleTitle, counts: { pass: 0, fail: 0, uncertain: 0, not_assessable: 0 } }
      checkCounts.set(f.rule, summary)
    }
    summary.counts[f.status]++
    if (f.status === 'pass') continue
    findings.push({
      rule: f.rule,
      ruleTitle,
      status: f.status,
      statusLabel: f.accepted ? `${FINDING_STATUS_LABELS[f.status]}（已接受）` : FINDING_STATUS_LABELS[f.status],
      message: f.message,
      ...(f.left ? { left: f.left } : {}),
      ...(f.right ? { right: f.right } : {}),
      ...(f.accepted ? { accepted: f.accepted } : {}),
      open: f.open
    })
  }

  const statusText = (v: string | null) => (v === null ? null : (STATUS_LABELS[v as ReportStatus] ?? v))
  const trail = history.map((e) => ({
    target: trailTarget(e.target, template),
    oldRaw: e.target === 'status' ? statusText(e.oldRaw) : e.oldRaw,
    newRaw: e.target === 'status' ? statusText(e.newRaw) : e.newRaw,
    reviewer: e.reviewer,
    reason: e.reason,
    at: e.at
  }))

  const cells = tables.flatMap((t) => Object.values(t.cells))
  const counts = {
    corrected: cells.filter((c) => c.correction && !c.typed).length,
    typed: cells.filter((c) => c.typed).length,
    blank: cells.filter((c) => c.blank).length,
    confirmed: cells.filter((c) => c.confirmed).length,
    accepted: findings.filter((f) => f.accepted).length,
    open: detail.open.total
  }

  return {
    reportId: detail.summary.id,
    agency: detail.meta.agency,
    year: detail.meta.year,
    unstated: Object.fromEntries(detail.marks.meta.map((m) => [m.target.slice('meta.'.length), m])),
    template,
    templateLabel: templateLabelOf(detail.meta.template !== null, template, tables),
    fileName: detail.summary.fileName,
    sha256: detail.summary.sha256,
    format: detail.summary.format,
    statusLabel: STATUS_LABELS[detail.summary.status],
    verified: detail.summary.status === 'verified',
    verifiedBy: detail.verifiedBy,
    verifiedAt: detail.verifiedAt,
    tables,
    findings,
    checks: [...checkCounts.values()],
    trail,
    counts
  }
}

/** The paper's 表格格式: the report's form, whether the source had standard tables, and any table laid out in the other form. */
function templateLabelOf(hasTemplate: boolean, template: TemplateId, tables: readonly PaperTable[]): string {
  const base = hasTemplate ? TEMPLATE_LABELS[template] : `${TEMPLATE_LABELS[template]}（无标准表，按年度格式排列）`
  const odd = tables.filter((t) => t.template !== template).map((t) => `${t.short}按${TEMPLATE_LABELS[t.template]}`)
  return odd.length ? `${base}；${odd.join('，')}` : base
}

/** 原文未载明 as the paper says it: with the reviewer's comment, who and when. */
function unstatedText(mark: ReviewMark | undefined): string | undefined {
  return mark ? `${UNSTATED_META}（${mark.comment}；${mark.by}，${mark.at.slice(0, 10)}）` : undefined
}

/** A cell of the paper in words — 表二｜行政规范性文件｜本年制发件数 — as its notes and the trail name it. */
export function cellName(key: string, template: TemplateId): string {
  return trailTarget(key, template)
}

function trailTarget(target: string, template: TemplateId): string {
  if (target.startsWith(TABLE_TARGET_PREFIX)) return `${TABLE_SHORT_NAMES[target.slice(TABLE_TARGET_PREFIX.length) as TableName] ?? target}（整表）`
  const label = targetLabel(target, template)
  // targetLabel names a cell's table by its chapter numeral (二｜…); the paper says 表二｜….
  return /^[二三四]｜/.test(label) ? `${TABLE_SHORT_NAMES[tableOf(target)]}${label.slice(1)}` : label
}

/** What a value cell shows: the text as written ("/", "-", "" for blank), or the reviewer's value. */
export function cellText(cell: PaperCell | undefined): string {
  return cell?.raw ?? ''
}

/** A cell's note: the old value, who changed it and why; or who marked it 原文空白. */
export function cellNote(cell: PaperCell | undefined): string | null {
  if (!cell) return null
  if (cell.correction) {
    const c = cell.correction
    const old = c.oldRaw === null ? '（原文无）' : c.oldRaw === '' ? '（空白）' : c.oldRaw
    return `${cell.typed ? '人工填写' : '已更正'}：原值 ${old}；更正人 ${c.reviewer}；${c.at.slice(0, 10)}${c.reason ? `；理由：${c.reason}` : ''}`
  }
  if (cell.blank) return `${BLANK_CELL}：${cell.blank.comment}（${cell.blank.by}，${cell.blank.at.slice(0, 10)}）`
  if (cell.confirmed) return `需核对（${cell.confirmed.reason}），已确认与原文一致：确认人 ${cell.confirmed.by}；${cell.confirmed.at.slice(0, 10)}`
  return null
}

export function tableStateText(t: PaperTable): string | null {
  if (t.state === 'absent' && t.absentMark) return `${ABSENT_TABLE}：${t.absentMark.comment}（${t.absentMark.by}，${t.absentMark.at.slice(0, 10)}）`
  if (t.state === 'typed') return '原文无此表，表内数值由核验人人工填写'
  if (t.state === 'missing') return '原文未找到此表'
  return null
}

export function paperTitle(p: WorkingPaper): string {
  return `${p.agency ?? UNKNOWN_AGENCY}${p.year ? ` ${p.year} 年度` : ''}政府信息公开工作年度报告`
}

/** A stored ISO time as the reviewer reads it: local date and minute. */
export function stamp(iso: string | null): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The 基本情况 block at the top of a paper: label/value pairs; a pair with `wide` takes the whole row. */
export function summaryPairs(p: WorkingPaper): { label: string; value: string; wide?: boolean }[] {
  const all = p.checks.reduce(
    (sum, c) => ({
      pass: sum.pass + c.counts.pass,
      fail: sum.fail + c.counts.fail,
      uncertain: sum.uncertain + c.counts.uncertain,
      not_assessable: sum.not_assessable + c.counts.not_assessable
    }),
    { pass: 0, fail: 0, uncertain: 0, not_assessable: 0 }
  )
  const total = all.pass + all.fail + all.uncertain + all.not_assessable
  return [
    { label: '报告机关', value: p.agency ?? unstatedText(p.unstated.agency) ?? UNKNOWN_AGENCY },
    { label: '报告年度', value: p.year === null ? (unstatedText(p.unstated.year) ?? '（未识别）') : String(p.year) },
    { label: '表格格式', value: p.templateLabel },
    { label: '核验状态', value: p.statusLabel },
    { label: '核验人', value: p.verifiedBy ?? '—' },
    { label: '核验时间', value: stamp(p.verifiedAt) },
    { label: '来源文件', value: `${p.fileName}（${p.format}）`, wide: true },
    { label: 'SHA-256', value: p.sha256, wide: true },
    {
      label: '勾稽核验',
      value: `共 ${total} 项：通过 ${all.pass}，不一致 ${all.fail}，存疑 ${all.uncertain}，无法判断 ${all.not_assessable}；已接受（原文如此）${p.counts.accepted} 项；未解决 ${p.counts.open} 项`,
      wide: true
    },
    {
      label: '人工处理',
      value: `更正单元格 ${p.counts.corrected} 个，原文无表人工填写 ${p.counts.typed} 个，记为原文空白 ${p.counts.blank} 个，确认需核对单元格 ${p.counts.confirmed} 个；修改留痕 ${p.trail.length} 条`,
      wide: true
    }
  ]
}
