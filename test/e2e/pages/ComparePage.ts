// Page object for 机关历年对比 (one agency over the years), opened from an agency row of the 统计 screen.

import type { Locator, Page } from '@playwright/test'

export class ComparePage {
  readonly view: Locator
  /** "N 份报告：2019、2021…" beside the agency's name. */
  readonly years: Locator
  readonly carryLinks: Locator
  readonly onlyChanged: Locator
  readonly cells: Locator
  readonly changedCells: Locator
  readonly error: Locator
  readonly tooFew: Locator
  readonly closeButton: Locator

  constructor(readonly page: Page) {
    this.view = page.getByTestId('agency-compare')
    this.years = this.view.getByTestId('compare-years')
    this.carryLinks = this.view.getByTestId('carry-link')
    this.onlyChanged = this.view.getByTestId('compare-only-changed')
    this.cells = this.view.getByTestId('compare-cell')
    this.changedCells = this.view.locator('[data-testid="compare-cell"][data-changed="true"]')
    this.error = this.view.getByTestId('compare-error')
    this.tooFew = this.view.getByTestId('compare-too-few')
    this.closeButton = this.view.getByRole('button', { name: '返回统计' })
  }

  /** Opens the compare view from the 统计 screen's row of this agency. */
  async openFromStats(agency: string): Promise<void> {
    await this.page.getByTestId('nav-stats').click()
    await this.page.getByTestId('agency-row').filter({ hasText: agency }).first().click()
  }

  /** The 统计 screen's status filter, which the compare view follows. */
  async showUnverifiedToo(): Promise<void> {
    await this.page.getByRole('radio', { name: '全部（含未核验）' }).check()
  }

  /** The cell of `key` in the report of `year`. */
  cell(key: string, year: number): Locator {
    return this.view.locator(`[data-testid="compare-cell"][data-key="${key}"][data-year="${year}"]`)
  }

  /** The column header of a year: a link to its report. */
  yearHeader(year: number): Locator {
    return this.view.locator(`[data-testid="compare-year"][data-year="${year}"]`)
  }

  /** The carry line from `fromYear` to the next report. */
  carryLink(fromYear: number, toYear: number): Locator {
    return this.carryLinks.filter({ hasText: `${fromYear} 年 → ${toYear} 年` })
  }
}
