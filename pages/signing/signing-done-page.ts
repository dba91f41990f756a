/** エコ文書 ■ 署名管理 完了 「完了しました。」 (TJK, after 新規発行 / 再発行 / 登録). */
import { expect, type Locator, type Page } from '@playwright/test';
import { signing as t } from '../../messages';
import { manualStep } from '../step';

export class SigningDonePage {
  readonly heading: Locator;
  readonly message: Locator;
  readonly menuLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.doneTitle, exact: true });
    this.message = page.getByRole('status');
    this.menuLink = page.getByRole('link', { name: t.menuTitle });
  }

  async backToMenu() {
    await manualStep('署名用証明書管理メニューへ戻る', () => this.menuLink.click(), { target: this.menuLink });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.message).toHaveText(t.done);
  }
}
