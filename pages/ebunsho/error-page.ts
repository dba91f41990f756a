/** エコ文書 「このサービスをご利用できません。」 with an error code (EG18/EG25 2-2). */
import { expect, type Locator, type Page } from '@playwright/test';
import { ebunsho as t } from '../../messages';

export class ServiceErrorPage {
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.alert = page.getByRole('alert');
  }

  async expectErrorCode(code: 42 | 44 | 46 | 53) {
    await expect(this.alert).toContainText(t.serviceUnavailable);
    await expect(this.alert).toContainText(t.errorCode(code));
  }
}
