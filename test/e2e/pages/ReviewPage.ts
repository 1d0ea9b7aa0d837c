// Page object for the review screen: the source pane, the form grids, the inspector and the findings.

import { expect, type Locator, type Page } from '@playwright/test'
import { tableLayout } from '../../../src/renderer/src/review/layout'
import type { TableName, TemplateId } from '../../../src/core/template/cells'

export class ReviewPage {
  readonly screen: Locator
  readonly header: Locator
  readonly status: Locator
  readonly verifyButton: Locator
  readonly verifiedBy: Locator
  readonly backButton: Locator
  readonly sourcePane: Locator
  readonly sourceHighlight: Locator
  readonly findings: Locator
  readonly openFindings: Locator
  readonly inspector: Locator
  readonly historyToggle: Locator
  readonly history: Locator
  readonly reviewerDialog: Locator
  readonly helpPanel: Locator
  readonly banner: Locator
  /** Corrected cells a newer extraction read differently. */
  readonly reextractionConflicts: Locator
  /** Why the report cannot be verified yet (shown while anything is open). */
  readonly verifyBlocked: Locator
  /** The offer to record every blocking blank cell as 原文空白 at once. */
  readonly settleBlanks: Locator
  /** The headline's count of flagged cells (需核对) not yet corrected or confirmed, one per doubt. */
  readonly doubtCount: Locator
  /** 导出核验底稿 ▾, which reads 正在导出底稿… (and is disabled) while a paper is being written. */
  readonly paperMenu: Locator

  constructor(
    readonly page: Page,
    /** The form layout the report is shown in (the seeds used here are 2021). */
    readonly template: TemplateId = '2021'
  ) {
    this.screen = page.getByTestId('review-screen')
    this.header = page.getByTestId('review-header')
    this.status = page.getByTestId('report-status')
    this.verifyButton = page.getByRole('button', { name: '标记为已核验' })
    this.verifiedBy = page.getByTestId('verified-by')
    this.backButton = page.getByRole('button', { name: '← 资料库' })
    this.sourcePane = page.getByTestId('source-pane')
    this.sourceHighlight = this.sourcePane.locator('.rd-src-hl')
    this.findings = page.getByTestId('findings-panel').getByTestId('finding')
    this.openFindings = page.getByTestId('open-findings')
    this.inspector = page.getByTestId('cell-inspector')
    this.reextractionConflicts = page.getByTestId('reextraction-conflicts')
    this.historyToggle = page.getByTestId('history-toggle')
    this.history = page.getByTestId('cell-history')
    this.reviewerDialog = page.getByTestId('reviewer-dialog')
    this.helpPanel = page.getByTestId('help-panel')
    this.banner = page.locator('.review > .banner')
    this.verifyBlocked = page.getByTestId('verify-blocked')
    this.settleBlanks = page.getByTestId('settle-blanks')
    this.doubtCount = page.getByTestId('count-doubt')
    this.paperMenu = this.header.getByRole('button', { name: /^(导出核验底稿 ▾|正在导出底稿…)$/ })
  }

  /**
   * Exports the working paper in one format (opening the menu unless it is open) and waits, as a
   * user does, while the button says 正在导出底稿…: printing a PDF takes seconds, more on a busy machine.
   */
  async exportPaper(format: 'Excel 底稿（.xlsx）' | 'PDF 底稿（可打印签字）'): Promise<void> {
    if ((await this.paperMenu.getAttribute('aria-expanded')) !== 'true') await this.paperMenu.click()
    await this.page.getByRole('menuitem', { name: format }).click()
    // Choosing closes the menu and marks the button busy in the same render; the export has ended
    // when the button can be used again (timeout 0: however long that takes within the test's time).
    await expect(this.page.getByRole('menu')).toBeHidden()
    await expect(this.paperMenu).toBeEnabled({ timeout: 0 })
  }

  /** Answers the one-time reviewer question if it is shown. */
  async enterReviewer(name: string): Promise<void> {
    await expect(this.reviewerDialog).toBeVisible()
    await this.reviewerDialog.getByLabel('核验人姓名').fill(name)
    await this.reviewerDialog.getByRole('button', { name: '开始核验' }).click()
    await expect(this.reviewerDialog).toBeHidden()
  }

  /** Tables shown in a form other than the report's (set by setTableForm). */
  private readonly forms: Partial<Record<TableName, TemplateId>> = {}

  /** A table's form switch (表二格式, 表三格式) in its title. */
  formSwitch(table: 'active' | 'requests'): Locator {
    return this.page.getByTestId(`form-${table}`)
  }

  /** Sets a table's form from its title, as a reviewer of a mixed report does; cells are then found in that form. */
  async setTableForm(table: 'active' | 'requests', form: TemplateId): Promise<void> {
    await this.formSwitch(table).selectOption(form)
    this.forms[table] = form
    await expect(this.formSwitch(table)).toHaveValue(form)
  }

  /** The grid cell of a cell key, located through the same layout the app draws. */
  cell(key: string): Locator {
    const table = key.split('.')[0] as TableName
    const template = this.forms[table] ?? this.template
    const layout = tableLayout(table, template)
    const row = layout.rows.find((r) => r.kind === 'leaf' && r.keys.includes(key))
    if (!row) throw new Error(`no cell ${key} in the ${template} layout`)
    const col = `c${row.keys.indexOf(key)}`
    return this.page.locator(`[data-testid="grid-${table}"] .ag-row[row-id="${row.id}"] .ag-cell[col-id="${col}"]`)
  }

  async select(key: string): Promise<void> {
    await this.cell(key).click()
    await expect(this.cell(key)).toHaveClass(/ag-cell-focus/)
  }

  /** Types a value over the selected cell and confirms it with Enter, as a reviewer does. */
  async type(key: string, value: string): Promise<void> {
    await this.select(key)
    await this.page.keyboard.type(value)
    await this.page.keyboard.press('Enter')
  }

  /** A paste event carrying tab-separated text, as copied from Excel or WPS. */
  async paste(key: string, text: string): Promise<void> {
    await this.select(key)
    await this.page.evaluate((t) => {
      const dt = new DataTransfer()
      dt.setData('text/plain', t)
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
    }, text)
  }

  /** A page of a PDF original, as drawn in the source pane. */
  pdfPage(page: number): Locator {
    return this.sourcePane.locator(`.pdf-page[data-page="${page}"]`)
  }

  async zoom(direction: '放大' | '缩小' | '适合宽度'): Promise<void> {
    await this.sourcePane.getByRole('button', { name: direction, exact: true }).click()
  }

  /** Clicks a point of a PDF page given in page units (the reader's bbox coordinates). */
  async clickPdfPoint(page: number, x: number, y: number): Promise<void> {
    const frame = this.pdfPage(page)
    await frame.scrollIntoViewIfNeeded()
    const scale = Number(await frame.getAttribute('data-scale'))
    await frame.click({ position: { x: x * scale, y: y * scale } })
  }

  sourceCell(key: string): Locator {
    return this.sourcePane.locator(`[data-key="${key}"]`)
  }

  finding(rule: string): Locator {
    return this.findings.and(this.page.locator(`[data-rule="${rule}"]`))
  }

  /** The missing-table finding of 表二/表三/表四 ('active' | 'requests' | 'appeals'). */
  missingTable(title: string): Locator {
    return this.finding('tables.missing').filter({ hasText: title })
  }

  /** Records 原文无此表 for a missing table, with a comment, from its finding. */
  async recordTableAbsent(title: string, comment: string): Promise<void> {
    const finding = this.missingTable(title)
    await finding.getByRole('button', { name: '记为原文无此表…' }).click()
    await finding.getByLabel('原文无此表的说明').fill(comment)
    await finding.getByRole('button', { name: '确认原文无此表' }).click()
  }

  /** The one act: every blocking blank cell recorded 原文空白, with one comment. */
  async settleAllBlanks(comment: string): Promise<void> {
    await this.settleBlanks.getByRole('button', { name: '全部记为原文空白…' }).click()
    await this.settleBlanks.getByLabel('原文空白的说明').fill(comment)
    await this.settleBlanks.getByRole('button', { name: '确认原文空白' }).click()
  }

  /** Records 原文空白 for the selected cell from the inspector. */
  async recordCellBlank(key: string, comment: string): Promise<void> {
    await this.select(key)
    await this.inspector.getByRole('button', { name: '记为原文空白…' }).click()
    await this.inspector.getByLabel('原文空白的说明').fill(comment)
    await this.inspector.getByRole('button', { name: '确认原文空白' }).click()
  }

  /** Records 原文未载明 for the agency or the year, with a comment, from the findings panel. */
  async recordUnstated(field: '机关' | '年度', comment: string): Promise<void> {
    const offer = this.page.getByTestId('unstated-meta')
    await offer.getByRole('button', { name: `${field}记为原文未载明…` }).click()
    await offer.getByLabel(`${field}原文未载明的说明`).fill(comment)
    await offer.getByRole('button', { name: '确认原文未载明' }).click()
  }

  /** 确认 the selected flagged cell with its key (Space), as a reviewer at the keyboard does. */
  async confirmSelected(): Promise<void> {
    await this.page.keyboard.press(' ')
  }

  /** 确认 a flagged cell from the inspector's button. */
  async confirmFromInspector(key: string): Promise<void> {
    await this.select(key)
    await this.inspector.getByTestId('confirm-cell').click()
  }

  /** Accepts the first open doubt (存疑) with a comment, as a failure is accepted. */
  async acceptFirstUncertain(comment: string): Promise<void> {
    const doubt = this.findings.filter({ has: this.page.locator('.badge--uncertain') }).first()
    await doubt.getByRole('button', { name: '接受（原文如此）…' }).click()
    await doubt.getByLabel('接受说明').fill(comment)
    await doubt.getByRole('button', { name: '确认接受' }).click()
  }

  async acceptFirstFailing(comment: string): Promise<void> {
    const failing = this.findings.filter({ has: this.page.locator('.badge--fail') }).first()
    await failing.getByRole('button', { name: '接受（原文如此）…' }).click()
    await failing.getByLabel('接受说明').fill(comment)
    await failing.getByRole('button', { name: '确认接受' }).click()
  }

  /** The label of a header field (机关, 年度, 格式). */
  metaLabel(name: string): Locator {
    return this.header.locator('.meta-field__label').getByText(name, { exact: true })
  }

  /** Opens the report's whole audit trail (修改记录 in the header); the dialog. */
  async openReportHistory(): Promise<Locator> {
    await this.header.getByRole('button', { name: '修改记录' }).click()
    return this.page.getByTestId('report-history')
  }
}
