/** 署名用暗証コードの登録 完了 (BS10 2-f): 「署名用証明書のセットアップが完了しました。」 + [次の処理へ]. */
import { expect, type Locator, type Page } from '@playwright/test';
import { bulkSign as t } from '../../messages';
import { manualStep } from '../step';

export class BulkSignPinDonePage {
  readonly heading: Locator;
  readonly message: Locator;
  readonly nextButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.pinDoneTitle, exact: true });
    this.message = page.getByRole('status');
    this.nextButton = page.getByRole('button', { name: t.nextProcess, exact: true });
  }

  async next() {
    await manualStep('[次の処理へ]をクリック', () => this.nextButton.click(), { target: this.nextButton });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.message).toHaveText(t.setupDone);
    await expect(this.nextButton).toBeVisible();
  }
}
