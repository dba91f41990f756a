/** 証明書発行サイト 【STEP1】認証情報(パスワード)を入力 (IM12 2-3 ②, TJK 【STEP1】). */
import { expect, type Locator, type Page } from '@playwright/test';
import { issuance as t } from '../../messages';
import type { Secret } from '../../fixtures/secret';
import { dialogsOf, type DialogAnswer } from '../dialogs';
import { manualStep } from '../step';

export class IssuanceStep1Page {
  readonly heading: Locator;
  readonly password: Locator;
  readonly nextButton: Locator;
  readonly error: Locator;
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.step1Title });
    this.password = page.getByLabel(t.passwordLabel);
    this.nextButton = page.getByRole('button', { name: t.next });
    this.error = page.getByRole('alert');
    this.message = page.getByRole('alert');
  }

  async open(issuanceUrl: string) {
    await manualStep('発行サイトURLにアクセス', async () => {
      await this.page.goto(issuanceUrl);
    });
  }

  /** 認証情報パスワードを入力して「次へ」; the web-access confirmation that follows gets `webAccess`. */
  async submitPassword(password: Secret | string, webAccess: DialogAnswer = 'accept') {
    await manualStep('【STEP1】認証情報パスワードを入力して「次へ」をクリック', async () => {
      dialogsOf(this.page).plan(webAccess);
      await this.password.fill(typeof password === 'string' ? password : password.reveal());
      await this.nextButton.click();
    });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.password).toBeEditable();
  }

  async expectError(text: string) {
    await expect(this.error).toHaveText(text);
  }
}
