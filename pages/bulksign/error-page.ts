/** 一括電子署名 エラー画面 with an error code (BS10 1-2: 「エラーコードとともに管理者へご連絡ください。」). */
import { expect, type Locator, type Page } from '@playwright/test';
import { bulkSign as t, ebunsho } from '../../messages';
import { checkStep } from '../step';

export class BulkSignErrorPage {
  readonly heading: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.errorTitle, exact: true });
    this.alert = page.getByRole('alert');
  }

  async expectErrorCode(code: number, message: string) {
    await checkStep(`エラー画面（${ebunsho.errorCode(code)}）を確認`, async () => {
    await expect(this.heading).toBeVisible();
    await expect(this.alert).toContainText(message);
    await expect(this.alert).toContainText(ebunsho.errorCode(code));
    await expect(this.alert).toContainText(t.contactAdmin);
    });
  }
}
