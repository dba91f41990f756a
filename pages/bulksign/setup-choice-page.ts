/** 署名用証明書セットアップ (BS10 1-2 f, 2-a): 電子署名の実施要否 → “電子署名を行う” + [次へ]. */
import { expect, type Locator, type Page } from '@playwright/test';
import { bulkSign as t } from '../../messages';
import { checkStep, manualStep } from '../step';

export class SetupChoicePage {
  readonly heading: Locator;
  readonly choice: Locator;
  readonly doSign: Locator;
  readonly doNotSign: Locator;
  readonly nextButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.setupTitle, exact: true });
    this.choice = page.getByRole('group', { name: t.signChoice });
    this.doSign = this.choice.getByRole('radio', { name: t.doSign, exact: true });
    this.doNotSign = this.choice.getByRole('radio', { name: t.doNotSign, exact: true });
    this.nextButton = page.getByRole('button', { name: t.next, exact: true });
    this.error = page.getByRole('alert');
  }

  async chooseSigning() {
    await manualStep('電子署名の実施要否で“電子署名を行う”を選択し、[次へ]をクリック', async () => {
      await this.doSign.check();
      await this.nextButton.click();
    }, { target: this.choice });
  }

  /** [次へ] without a choice. */
  async next() {
    await manualStep('[次へ]をクリック', () => this.nextButton.click(), { target: this.nextButton });
  }

  async expectShown() {
    await checkStep(`「${t.setupTitle}」の表示を確認`, async () => {
      await expect(this.heading).toBeVisible();
      await expect(this.doSign).toBeVisible();
      await expect(this.nextButton).toBeVisible();
    });
  }
}
