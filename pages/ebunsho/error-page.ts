/** エコ文書 「このサービスをご利用できません。」 with an error code (EG18/EG25 2-2). */
import { expect, type Locator, type Page } from '@playwright/test';
import { ebunsho as t } from '../../messages';
import { checkStep } from '../step';

export type ServiceErrorCode = 42 | 44 | 46 | 53;

export class ServiceErrorPage {
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.alert = page.getByRole('alert');
  }

  async expectErrorCode(code: ServiceErrorCode) {
    await checkStep(`「${t.serviceUnavailable}」${t.errorCode(code)} を確認`, async () => {
      await expect(this.alert.getByText(t.serviceUnavailable, { exact: true })).toBeVisible();
      // Exact: "エラーコード：46" must not pass for 42, nor "エラーコード：460" for 46.
      await expect(this.alert.getByText(t.errorCode(code), { exact: true })).toBeVisible();
    });
  }
}
