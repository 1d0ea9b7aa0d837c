// The form of each table. The two official forms differ in table 二 (its rows and columns) and in
// table 三's （六）其他处理 (one row in 2019, three sub-rows in 2021); table 四 is the same in both.
// A report may mix them (a 2021 report printing the 2019 single （六） row): the reviewer can set a
// table's form, and the table's cells are then re-derived from what was read, never guessed silently.

import { CELL_SPECS, type TableName, type TemplateId } from './cells'

/** A reviewer's choice of form, per table (table 二's form is the report's template). */
export type TableForms = Partial<Record<TableName, TemplateId>>

/** The form in force for a report year: 〔2021〕30号 from the 2021 reports on, the 2019 trial format before. */
export function formForYear(year: number | null): TemplateId {
  return year !== null && year <= 2020 ? '2019' : '2021'
}

/** The form a report is laid out in as a whole: its template, else (no standard table) the form of its year. */
export function reportForm(meta: { template: TemplateId | null; year: number | null }): TemplateId {
  return meta.template ?? formForYear(meta.year)
}

const OTHER_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total'] as const
const SPLIT_ROWS = ['no_correction', 'unpaid_fee', 'misc'] as const

/** Keys of the cells one form has in a table and the other has not. */
const OWN_KEYS: Record<TableName, Record<TemplateId, ReadonlySet<string>>> = (() => {
  // A key both forms have (table 二's 行政许可 处理决定数量, under two column names) is the same cell in both.
  const keysOf = (table: TableName, t: TemplateId): Set<string> =>
    new Set(CELL_SPECS.filter((c) => c.template === t && c.key.startsWith(table + '.')).map((c) => c.key))
  const own = (table: TableName, t: TemplateId): ReadonlySet<string> => {
    const other = keysOf(table, t === '2021' ? '2019' : '2021')
    return new Set([...keysOf(table, t)].filter((k) => !other.has(k)))
  }
  const out = {} as Record<TableName, Record<TemplateId, ReadonlySet<string>>>
  for (const table of ['active', 'requests', 'appeals'] as TableName[]) out[table] = { '2021': own(table, '2021'), '2019': own(table, '2019') }
  return out
})()

/** Cell keys of this table that belong to the other form only (hidden while the table has this form). */
export function otherFormKeys(table: TableName, form: TemplateId): ReadonlySet<string> {
  return OWN_KEYS[table][form === '2021' ? '2019' : '2021']
}

/**
 * The form of a table: the reviewer's choice; for table 二 the report's template (the template
 * follows table 二); else the form whose own cells the report holds (table 三's （六） rows: the
 * three sub-rows before the single row, as the checks read them), ties to the report's form.
 */
export function tableForm(
  table: TableName,
  meta: { template: TemplateId | null; year: number | null; forms?: TableForms },
  keys: Iterable<string>
): TemplateId {
  const chosen = meta.forms?.[table]
  if (chosen) return chosen
  if (table === 'active' && meta.template) return meta.template
  const present = new Set(keys)
  const holds = (t: TemplateId): boolean => [...OWN_KEYS[table][t]].some((k) => present.has(k))
  if (table === 'requests') {
    if (holds('2021')) return '2021'
    if (holds('2019')) return '2019'
    return reportForm(meta)
  }
  const s2021 = [...OWN_KEYS[table]['2021']].filter((k) => present.has(k)).length
  const s2019 = [...OWN_KEYS[table]['2019']].filter((k) => present.has(k)).length
  if (s2021 !== s2019) return s2021 > s2019 ? '2021' : '2019'
  return reportForm(meta)
}

/** A cell as read (or typed): its text and number. */
export interface FormCell {
  raw: string
  value: number | null
}

/** A cell of the chosen form worked out from the other form's cells: always marked, with why. */
export interface DerivedCell extends FormCell {
  key: string
  reason: string
}

const isNumber = (c: FormCell | undefined): c is FormCell & { value: number } => !!c && c.raw !== '' && typeof c.value === 'number'

/**
 * The cells of table 三's （六） in the chosen form that the report does not hold, worked out from the
 * other form's cells where the numbers settle it: three sub-rows add up to the single row; a single
 * row of 0 (or of "/", "-": nothing to split) is 0 ("/", "-") in each sub-row. A single row of N > 0
 * cannot be split: the sub-rows stay blank and marked. Every derived cell is marked for review;
 * blank stays blank, and text ("/", "-") is never turned into a number. Table 二's forms share no
 * cell that could be re-read, so nothing is derived there (its shared keys are the same cells).
 */
export function deriveFormCells(table: TableName, form: TemplateId, cells: ReadonlyMap<string, FormCell>): DerivedCell[] {
  if (table !== 'requests') return []
  const out: DerivedCell[] = []
  for (const column of OTHER_COLUMNS) {
    const single = `requests.other.${column}`
    const split = SPLIT_ROWS.map((r) => `requests.other.${r}.${column}`)
    if (form === '2019') {
      if (cells.has(single)) continue
      const parts = split.map((k) => cells.get(k))
      if (parts.every((p) => !p)) continue
      const raws = parts.map((p) => p?.raw ?? '')
      if (parts.every(isNumber)) {
        const sum = parts.reduce((a, p) => a + (p as FormCell & { value: number }).value, 0)
        out.push({ key: single, raw: String(sum), value: sum, reason: `由 2021 版（六）三行相加得出（${raws.join(' + ')}），请对照原件核对` })
      } else if (raws.every((r) => r === raws[0]) && raws[0] === '') {
        continue
      } else if (raws.every((r) => r === raws[0])) {
        out.push({ key: single, raw: raws[0], value: null, reason: `2021 版（六）三行均为“${raws[0]}”，按此填入，请对照原件核对` })
      } else {
        out.push({ key: single, raw: '', value: null, reason: `2021 版（六）三行为“${raws.join('”“')}”，无法合为一行，请对照原件填写` })
      }
    } else {
      const from = cells.get(single)
      if (!from) continue
      for (const key of split) {
        if (cells.has(key)) continue
        if (from.raw === '') continue
        if (from.value === 0 || from.value === null) {
          out.push({ key, raw: from.raw, value: from.value, reason: `2019 版（六）其他处理为“${from.raw}”，三行均按此填入，请对照原件核对` })
        } else {
          out.push({ key, raw: '', value: null, reason: `2019 版（六）其他处理为 ${from.raw}，无法分到三行，请对照原件填写` })
        }
      }
    }
  }
  return out
}

/** What the form label says of a report: its form, and each table set to the other one. */
export function formLabel(meta: { template: TemplateId | null; year: number | null; forms?: TableForms }): string {
  const form = reportForm(meta)
  const base = meta.template ? `${form} 版` : `无标准表 · ${form} 版`
  const odd = meta.forms?.requests && meta.forms.requests !== form ? `（表三 ${meta.forms.requests} 版）` : ''
  return base + odd
}
