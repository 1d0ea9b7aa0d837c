// The recogniser: walks the token stream, cuts it into value runs, and names each run's row from
// the labels before it. Rows are known by their labels (key phrases), not by position; position is
// only a fallback, and a row placed by position or by a fuzzy label is marked for review.

import type { Message } from '../messages'
import { warning } from '../messages'
import type { TableName, TemplateId } from '../template'
import { normLabel } from './normalize'
import { locationOf, type Token } from './tokens'
import { appealsGroupAt, canFill, holdsNear, labelTail, latestKey, NUMBERING, similarRows, stripParentheticals, TAIL_WINDOW } from './label-match'
import { ACTIVE_2019_WORDS, ACTIVE_2021_WORDS, ANCHORS, APPEALS_ROW, GROUP_KEYS, ROW_SPECS, requestRowIds, type RowSpec } from './vocabulary'

/** Unrecognised-row warnings beyond this many say nothing new. */
const MAX_ROW_MESSAGES = 20

const NEW_RECEIVED_KEY = normLabel('本年新收')

export interface RowHit {
  spec: RowSpec
  /** Value and empty-cell tokens of the run, in column order. */
  values: Token[]
  /** Why the row's identity is a guess (fuzzy label, position), if it is. */
  guess?: string
  /** Which copy of the table this row belongs to (a page may hold a table twice). */
  instance: number
}

export interface Recognised {
  hits: RowHit[]
  /** Template evidence from table 二's header words. */
  activeTemplate: TemplateId | null
  messages: Message[]
}

class Walker {
  hits: RowHit[] = []
  messages: Message[] = []
  private anchors = { active: false, requests: false, appeals: false }
  private votes = { '2021': 0, '2019': 0 }
  private group: string | null = null
  private last: Partial<Record<TableName, RowSpec>> = {}
  private instance: Record<TableName, number> = { active: 0, requests: 0, appeals: 0 }
  private seen: Record<TableName, Set<string>> = { active: new Set(), requests: new Set(), appeals: new Set() }
  private sawRequestsOther2019 = false
  private unrecognised = 0

  constructor(private readonly traditional: boolean) {}

  get activeTemplate(): TemplateId | null {
    if (this.votes['2021'] === this.votes['2019']) return null
    return this.votes['2021'] > this.votes['2019'] ? '2021' : '2019'
  }

  private readonly normCache = new Map<Token, string>()

  /** Normalised text of label tokens; each token is normalised once. */
  private norm(tokens: Token[]): string {
    let out = ''
    for (const t of tokens) {
      let n = this.normCache.get(t)
      if (n === undefined) {
        n = normLabel(t.text, this.traditional)
        this.normCache.set(t, n)
      }
      out += n
    }
    return out
  }

  /** `fromPicture`: the labels were read by OCR, so a header word may have a character misread. */
  private noteContext(label: string, fromPicture: boolean): void {
    const holds = (w: string): boolean => (fromPicture ? holdsNear(label, w) : label.includes(w))
    for (const w of ANCHORS.active) if (holds(w)) this.anchors.active = true
    for (const w of ANCHORS.requests) if (holds(w)) this.anchors.requests = true
    // table 四's header names both; noted before its numbers are read, so a row after them is known to be inside it
    if (label.includes(ANCHORS.appeals[0]) && label.includes(ANCHORS.appeals[1])) this.anchors.appeals = true
    for (const w of ACTIVE_2021_WORDS) if (label.includes(w)) this.votes['2021']++
    for (const w of ACTIVE_2019_WORDS) if (label.includes(w)) this.votes['2019']++
    let groupAt = -1
    for (const [key, group] of GROUP_KEYS) {
      const at = label.lastIndexOf(key)
      if (at > groupAt) {
        groupAt = at
        this.group = group
      }
    }
  }

  private expectedCount(spec: RowSpec): number {
    if (spec.table === 'requests') return 7
    if (spec.table === 'appeals') return 15
    const t = this.activeTemplate
    const id = spec.id.slice('active.'.length)
    const counts2021: Record<string, number> = { regulations: 3, normative_documents: 3, licensing: 1, punishment: 1, coercion: 1, fees: 1 }
    const counts2019: Record<string, number> = {
      regulations: 3,
      normative_documents: 3,
      licensing: 3,
      other_services: 3,
      punishment: 3,
      coercion: 3,
      fees: 2,
      procurement: 2
    }
    if (t === '2019' || counts2021[id] === undefined) return counts2019[id] ?? 1
    return counts2021[id]
  }

  /** Whether a weak key ("其他", "总计") really names its row here. */
  private weakKeyHolds(spec: RowSpec, label: string): boolean {
    const lastRequest = this.last.requests
    if (spec.id === 'requests.other.misc') {
      if (/(?:3|三)[.、)]?其他$/.test(label) && (this.group === 'other' || lastRequest?.group === 'other')) return true
      return label === '其他' && lastRequest?.group === 'other'
    }
    if (spec.id === 'requests.total') {
      if (/(?:\(七\)|七、|七\.|\(7\)|7\.)总计$/.test(label)) return true
      return label === '总计' && !!lastRequest && (lastRequest.group === 'other' || lastRequest.group === 'not_processed')
    }
    return false
  }

  private allowed(spec: RowSpec): boolean {
    if (spec.table === 'active') return this.anchors.active
    if (spec.table === 'requests') return this.anchors.requests || spec.id === 'requests.new_received'
    return true
  }

  /** Names the row of a value run from its labels: exact key, then fuzzy label, then position. */
  private identify(rowLabel: string, allLabel: string, fromCells: boolean): { spec: RowSpec; guess?: string } | null {
    // before any table's header only table 三's first row can start a table
    if (!this.anchors.active && !this.anchors.requests && !allLabel.includes(NEW_RECEIVED_KEY)) return null
    const tryLabel = (whole: string, tailOnly: boolean): RowSpec | null => {
      // a row label ends its text (bar a parenthetical note): only the tail can hold it
      const label = tailOnly && whole.length > TAIL_WINDOW ? whole.slice(-TAIL_WINDOW) : whole
      const m = latestKey(label, (s) => this.allowed(s) && (!s.weak || this.weakKeyHolds(s, stripParentheticals(label))))
      if (!m) return null
      if ((tailOnly || m.spec.atEnd) && stripParentheticals(label.slice(m.end)).replace(/[:,.、;]/g, '').length > 2) return null
      return m.spec
    }
    if (rowLabel) {
      const spec = tryLabel(rowLabel, !fromCells)
      if (spec) return { spec }
    }
    if (allLabel && allLabel !== rowLabel) {
      const spec = tryLabel(allLabel, true)
      if (spec) return { spec }
    }
    const fuzzy = this.fuzzy(rowLabel || allLabel)
    if (fuzzy) return fuzzy
    return null
  }

  /** A label with a character lost or misprinted, or a fragment of a label broken over lines. */
  private fuzzy(label: string): { spec: RowSpec; guess?: string } | null {
    const table: TableName | null = this.anchors.requests ? 'requests' : this.anchors.active ? 'active' : null
    if (!table) return null
    const tail = labelTail(label)
    if (tail.length < 3 || tail.length > 60) return null
    const partial = similarRows(tail, table)
    if (!partial.length) return null
    const lastOrder = this.last[table]?.order ?? -1
    const spec = partial.find((s) => s.order > lastOrder && !this.seen[table].has(s.id)) ?? partial[0]
    if (tail === spec.full) return { spec, guess: '' }
    return { spec, guess: `行标签“${tail}”与标准标签不完全一致，按近似匹配认定为“${spec.full}”` }
  }

  /** An unlabelled run inside table 三: the next row of the form after the last one read. */
  private byPosition(): { spec: RowSpec; guess: string } | null {
    const last = this.last.requests
    if (!last || !this.anchors.requests) return null
    const ids = requestRowIds(this.sawRequestsOther2019 ? '2019' : '2021')
    const next = ids.slice(ids.indexOf(last.id) + 1).find((id) => !this.seen.requests.has(id))
    const spec = ROW_SPECS.find((s) => s.id === next)
    return spec ? { spec, guess: '该行没有可识别的行标签，按表格行序推断' } : null
  }

  run(labels: Token[], run: Token[]): boolean {
    const line = run[0].line
    const rowTokens = labels.filter((t) => t.line === line)
    const allLabel = this.norm(labels)
    const rowLabel = this.norm(rowTokens)
    const fromCells = rowTokens.length > 0 && rowTokens.every((t) => t.cell)
    const fromPicture = labels.some((t) => t.imageIndex !== undefined)
    this.noteContext(allLabel, fromPicture)
    const hasValue = run.some((t) => t.kind === 'value')

    // Table 四 has no row labels: its 15 numbers follow the 行政复议/行政诉讼 header.
    const appealsHeader = appealsHeaderIn(allLabel, fromPicture)
    if (appealsHeader && hasValue && canFill(run, 15)) {
      const digits = run.reduce((s, t) => s + t.text.length, 0)
      if (run.length >= 10 || (!run.some((t) => t.cell) && digits >= 15)) {
        this.group = null
        this.add(APPEALS_ROW, run, appealsHeader === 'near' ? '表四表头为图片识别的近似文字，按表四的位置读取' : undefined)
        return true
      }
    }
    const group = this.anchors.appeals && hasValue ? appealsGroupAt(rowLabel || allLabel) : null
    if (group && canFill(run, 5)) {
      this.group = null
      this.add(group, run)
      return true
    }
    let found = this.identify(rowLabel, allLabel, fromCells)
    // only a row with no label of its own (or bare numbering) is placed by position
    const unlabelled = rowLabel.replace(NUMBERING, '').replace(/[.、:,()]/g, '').length < 2
    if (!found && unlabelled && hasValue && canFill(run, 7) && run.length >= (run.every((t) => t.cell) ? 7 : 1)) found = this.byPosition()
    // a label read from a picture as nothing of the form (小年影收政助位您L开中量), on a row of seven
    // cells inside table 三: the next row of the form, marked, as an unlabelled row is
    if (!found && hasValue && run.length === 7 && run.every((t) => t.cell && t.imageIndex !== undefined)) {
      const next = this.byPosition()
      if (next) found = { spec: next.spec, guess: `行标签“${rowTokens.map((t) => t.text).join('')}”未能识别（图片识别），按表格行序推断` }
    }
    if (!found) {
      if (hasValue && rowLabel) this.noteUnrecognised(rowTokens, run)
      return false
    }
    const n = this.expectedCount(found.spec)
    if (!hasValue && run.length < n) return false
    if (!canFill(run, n)) return false
    if (found.spec.id === 'requests.other') this.sawRequestsOther2019 = true
    this.add(found.spec, run, found.guess)
    return true
  }

  /** Once any of the three tables has begun, a labelled grid row of values that names no row is worth a word. */
  private noteUnrecognised(rowTokens: Token[], run: Token[]): void {
    const inTables = this.anchors.active || this.anchors.requests || this.anchors.appeals
    // prose and crawler text carry numbers in sentences; only whole table cells make a row
    if (!inTables || !run.every((t) => t.cell) || this.unrecognised++ >= MAX_ROW_MESSAGES) return
    const label = rowTokens.map((t) => t.text).join('')
    const values = run.map((t) => t.text || '（空）').join(' / ')
    this.messages.push({
      ...warning('extract.row_unrecognised', `未能识别的表格行：“${label}”（${values}），其数值未采用`, locationOf(run[0])),
      messageEn: `Unrecognised table row "${label}" (${values}); its values are not used`
    })
  }

  private add(spec: RowSpec, values: Token[], guess?: string): void {
    const table = spec.table
    // a row seen again starts another copy of its table; extractReport compares the copies and says so
    if (this.seen[table].has(spec.id)) {
      this.instance[table]++
      this.seen[table].clear()
    }
    this.seen[table].add(spec.id)
    this.last[table] = spec
    if (spec.group) this.group = spec.group
    this.hits.push({ spec, values, guess, instance: this.instance[table] })
  }
}

/** Table 四's header words; from a picture, one of them read with a character or two wrong (blur: 政复议, 未经复议直接越诉). */
const APPEALS_HEADER_WORDS = ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'].map((w) => normLabel(w))

/**
 * Whether the labels before a run hold table 四's header: 'exact' as typed text has it, 'near' when
 * only a picture's misread words come close (the numbers after it are then marked for review).
 */
export function appealsHeaderIn(label: string, fromPicture: boolean): 'exact' | 'near' | null {
  if (label.includes(ANCHORS.appeals[0]) || label.includes(ANCHORS.appeals[1])) return 'exact'
  return fromPicture && APPEALS_HEADER_WORDS.some((w) => holdsNear(label, w)) ? 'near' : null
}

/**
 * Labels kept across runs of blank cells that name no row. Real headers carry a few (the corpus
 * and seeds: 20 at most); every run rereads all it carries, so a table of label + blank rows
 * (16 000 rows) cost 6 s, growing with the square. Past this many the oldest are let go, once
 * the run has noted them (the table anchors they set stay set), and the reader is told.
 */
export const MAX_CARRIED_LABELS = 200

/** Counts the labels reread for the runs, for tests that the work stays in proportion to the stream. */
export interface RecogniseWork {
  labelsRead: number
}

/** Cuts the token stream into value runs and names their rows. */
export function recognise(tokens: Token[], traditional: boolean, work: RecogniseWork = { labelsRead: 0 }): Recognised {
  const walker = new Walker(traditional)
  const lineHasLabel = new Set<number>()
  for (const t of tokens) if (t.kind === 'label') lineHasLabel.add(t.line)
  let labels: Token[] = []
  let run: Token[] = []
  let labelsLetGo = false
  const flush = (): void => {
    if (!run.length) return
    const allEmpty = run.every((t) => t.kind === 'empty')
    work.labelsRead += labels.length
    const used = walker.run(labels, run)
    // A run of empty cells that names no row (padding under a header) keeps the labels gathered so far.
    if (used || !allEmpty) labels = []
    else if (labels.length > MAX_CARRIED_LABELS) {
      if (!labelsLetGo) walker.messages.push(labelsLetGoWarning(labels[0]))
      labelsLetGo = true
      labels = labels.slice(-MAX_CARRIED_LABELS)
    }
    run = []
  }
  let prev: Token | null = null
  for (const t of tokens) {
    if (t.kind === 'label') {
      flush()
      labels.push(t)
    } else {
      if (run.length && run[0].line !== t.line) flush()
      const leadingPlaceholder = t.kind === 'empty' && !run.length && lineHasLabel.has(t.line) && !(prev && prev.line === t.line && prev.kind === 'label')
      if (!leadingPlaceholder) run.push(t)
    }
    prev = t
  }
  flush()
  return { hits: walker.hits, activeTemplate: walker.activeTemplate, messages: walker.messages }
}

function labelsLetGoWarning(first: Token): Message {
  return {
    ...warning(
      'extract.labels_let_go',
      `此处起连续 ${MAX_CARRIED_LABELS} 个以上的标签之后只有空白单元格、没有数值（可能是异常文件）；识别其后的行时只参考最近的 ${MAX_CARRIED_LABELS} 个标签`,
      locationOf(first)
    ),
    messageEn: `More than ${MAX_CARRIED_LABELS} labels in a row are followed only by blank cells, no values (a malformed file?); rows after them are named from the latest ${MAX_CARRIED_LABELS} labels only`
  }
}
