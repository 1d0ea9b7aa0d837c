// 表格格式: the reviewer sets the form of one table of a mixed report (a 2021 report printing the 2019
// single （六）其他处理 row in table 三). Table 三's choice is kept in table_forms (migration 10); table
// 二's form is the report's template (the template follows table 二), so setting it is the 格式 edit.
// Table 四 is the same in both forms. The trail records old and new form; the table's cells are then
// read in the chosen form (store.formedCells), the other form's kept for a switch back.

import { tableForm, type TableForms } from '../../core/template/forms'
import { TABLE_SHORT_NAMES, type TableName, type TemplateId } from '../../core/template'
import { UserFacingError } from '../../shared/contract'
import { sql, type Db } from '../db'
import { storedCellRows, tableFormsOf } from '../store'
import { reviewerAct } from './act'
import { cleanReason } from './audit'
import { editMeta } from './meta'

/** The trail target of a table's form. */
export const FORM_TARGET_PREFIX = 'form.'

export function setTableForm(db: Db, reportId: number, table: TableName, form: string, reason?: string): void {
  if (form !== '2021' && form !== '2019') throw new UserFacingError('form.bad_form', '表格格式只能是 2021 或 2019')
  if (table === 'active') return editMeta(db, reportId, 'template', form, reason)
  if (table !== 'requests') throw new UserFacingError('form.same_forms', `${TABLE_SHORT_NAMES[table as TableName] ?? '该表'}在两版格式中相同，无需切换`)
  reviewerAct(db, reportId, ({ row, reviewer, at }) => {
    const current = tableForm(
      'requests',
      { template: row.template, year: row.year, forms: tableFormsOf(db, reportId) },
      storedCellRows(db, reportId).map((c) => c.key)
    )
    const chosen = tableFormsOf(db, reportId).requests
    if (chosen === form) return null
    return {
      trail: [{ target: `${FORM_TARGET_PREFIX}requests`, oldRaw: current, newRaw: form, reason: cleanReason(reason) }],
      write: () => writeTableForm(db, reportId, form, reviewer, at)
    }
  })
}

/** A library's table forms of a report; an older library (before migration 10) has none. */
export function formsIn(db: Db, reportId: number): TableForms {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'table_forms'").get()
  return has ? tableFormsOf(db, reportId) : {}
}

/** Sets (or clears, with null) a report's form of table 三, as a merge takes it over. */
export function writeTableForm(db: Db, reportId: number, form: TemplateId | null, by: string, at: string): void {
  if (form === null) sql(db, "DELETE FROM table_forms WHERE report_id = ? AND table_name = 'requests'").run(reportId)
  else
    sql(
      db,
      `INSERT INTO table_forms (report_id, table_name, form, chosen_by, chosen_at) VALUES (?, 'requests', ?, ?, ?)
       ON CONFLICT(report_id, table_name) DO UPDATE SET form = excluded.form, chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at`
    ).run(reportId, form, by, at)
}

/** Their choices of form for a report, taken over with who and when (a merge taking their report). */
export function copyTableForms(db: Db, other: Db, fromId: number, toId: number): void {
  const has = other.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'table_forms'").get()
  if (!has) return
  const rows = other.prepare("SELECT form, chosen_by, chosen_at FROM table_forms WHERE report_id = ? AND table_name = 'requests'").all(fromId) as {
    form: string
    chosen_by: string
    chosen_at: string
  }[]
  for (const r of rows) if (r.form === '2021' || r.form === '2019') writeTableForm(db, toId, r.form, String(r.chosen_by), String(r.chosen_at))
}
