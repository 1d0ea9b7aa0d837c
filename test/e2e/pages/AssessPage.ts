// Page object for 评估 (年报质量评估): the library list's column and filter, the review screen's
// scorecard, and the 统计 screen's ranking.

import type { Locator, Page } from '@playwright/test'

export class AssessPage {
  /** The list's 评估 cells, one per row. */
  readonly scoreCells: Locator
  readonly scoreHeader: Locator
  readonly failingFilter: Locator
  readonly scorecard: Locator
  readonly scorecardTotal: Locator
  readonly deductions: Locator
  readonly ranking: Locator
  readonly rankingRows: Locator
  readonly spread: Locator
  /** 及时性: 填写发布日期 / 修改发布日期, its field and the refusal shown beside it. */
  readonly publishedDateEdit: Locator
  readonly publishedDateInput: Locator
  readonly publishedDateError: Locator

  constructor(readonly page: Page) {
    this.scoreCells = page.locator('[data-testid="report-grid"] .ag-row [col-id="assessment"]')
    this.scoreHeader = page.locator('[data-testid="report-grid"] .ag-header-cell[col-id="assessment"]')
    this.failingFilter = page.getByTestId('failing-filter')
    this.scorecard = page.getByTestId('scorecard')
    this.scorecardTotal = page.getByTestId('scorecard-total')
    this.deductions = page.getByTestId('scorecard-deduction')
    this.ranking = page.getByTestId('assess-ranking')
    this.rankingRows = page.getByTestId('assess-row')
    this.spread = page.getByTestId('assess-spread')
    this.publishedDateEdit = page.getByTestId('published-date-edit')
    this.publishedDateInput = page.getByRole('textbox', { name: '发布日期' })
    this.publishedDateError = page.getByTestId('published-date-error')
  }

  /** One indicator of the scorecard (timeliness, completeness…). */
  indicator(id: string): Locator {
    return this.scorecard.locator(`[data-indicator="${id}"]`)
  }

  /** The deductions of one indicator. */
  deductionsOf(id: string): Locator {
    return this.indicator(id).getByTestId('scorecard-deduction')
  }

  /** The scores the list shows, top to bottom (null for a row without one). */
  async scores(): Promise<(number | null)[]> {
    const texts = await this.page
      .locator('[data-testid="report-grid"] .ag-center-cols-container .ag-row')
      .evaluateAll((rows) =>
        rows
          .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
          .map((r) => r.querySelector('[col-id="assessment"] .score-cell__total')?.textContent ?? null)
      )
    return texts.map((t) => (t === null ? null : Number(t)))
  }

  /** Types the publication date from the keyboard: the button, the field, Enter. */
  async typePublishedDate(value: string): Promise<void> {
    await this.publishedDateEdit.focus()
    await this.page.keyboard.press('Enter')
    await this.publishedDateInput.fill(value)
    await this.publishedDateInput.press('Enter')
  }

  async filterFailing(title: string): Promise<void> {
    await this.failingFilter.selectOption({ label: `${title}扣分` })
  }
}
