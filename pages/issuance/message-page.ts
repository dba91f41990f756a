/**
 * The issuance site's message screen (EG18-1-5 screenshot: "ログイン画面", the message,
 * 「閉じる」), also used for EG18-1-1 and a broken link.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { issuanceTexts, type IssuanceLang, type IssuanceTexts } from './texts';
import { checkStep } from '../step';

export class IssuanceMessagePage {
  readonly t: IssuanceTexts;
  readonly heading: Locator;
  readonly message: Locator;
  readonly closeButton: Locator;

  constructor(
    readonly page: Page,
    readonly lang: IssuanceLang = 'ja',
  ) {
    this.t = issuanceTexts(lang);
    this.heading = page.getByRole('heading', { name: this.t.messageTitle });
    this.message = page.getByRole('alert');
    this.closeButton = page.getByRole('button', { name: this.t.close });
  }

  async expectMessage(text: string) {
    await checkStep(`「${text}」の表示を確認`, async () => {
      await expect(this.heading).toBeVisible();
      await expect(this.message).toHaveText(text);
      await expect(this.closeButton).toBeVisible();
    });
  }
}
