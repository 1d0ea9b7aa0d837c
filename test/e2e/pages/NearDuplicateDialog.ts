// Page object for NearDuplicateDialog: two reports of the same agency, year and template side by
// side; from the list (keep one, delete the other) or while verifying (which one stands).

import type { Locator, Page } from '@playwright/test'

export class NearDuplicateDialog {
  readonly dialog: Locator
  readonly confirm: Locator
  readonly verifyActions: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('near-duplicates')
    this.confirm = this.dialog.getByTestId('near-duplicate-confirm')
    this.verifyActions = this.dialog.getByTestId('near-duplicate-verify-actions')
  }

  /** 两份是同一报告: both stay, recorded as one report, and this one is verified. */
  async recordSameReport(): Promise<void> {
    await this.verifyActions.getByRole('button', { name: /两份是同一报告/ }).click()
  }

  /** 保留这一份: the other is deleted (confirmed, with a reason), then this one is verified. */
  async keepThisOne(reason: string): Promise<void> {
    await this.verifyActions.getByRole('button', { name: /保留这一份/ }).click()
    await this.confirm.getByLabel('删除原因').fill(reason)
    await this.confirm.getByRole('button', { name: '确认删除' }).click()
  }

  /** 保留另一份: this one is not verified. */
  async keepTheOther(): Promise<void> {
    await this.verifyActions.getByRole('button', { name: /保留另一份/ }).click()
  }
}
