/** 一括電子署名 ログイン (BS10 1-2 a-c): ID + password, no client certificate. */
import { expect, type Locator, type Page } from '@playwright/test';
import { bulkSign as t } from '../../messages';
import type { Secret } from '../../fixtures/secret';
import { checkStep, manualStep } from '../step';
import { fillSecret } from '../secret-input';

export class BulkSignLoginPage {
  readonly heading: Locator;
  readonly userId: Locator;
  readonly password: Locator;
  readonly loginButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.loginTitle, exact: true });
    this.userId = page.getByLabel(t.userIdLabel, { exact: true });
    this.password = page.getByLabel(t.passwordLabel, { exact: true });
    this.loginButton = page.getByRole('button', { name: t.loginButton, exact: true });
    this.error = page.getByRole('alert');
  }

  async open(loginUrl: string) {
    await manualStep('通知メールの「ログインサイト」のURLにアクセス', async () => {
      await this.page.goto(loginUrl);
    });
  }

  /** The password is the administrator's Secret; bad input is typed as a Secret too (Secret.typed). */
  async logIn(userId: string, password: Secret) {
    await manualStep('ユーザIDとパスワードを入力し、[ログイン]をクリック', async () => {
      await this.userId.fill(userId);
      await fillSecret(this.password, password);
      await this.loginButton.click();
    }, { target: this.loginButton });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.userId).toBeEditable();
    await expect(this.password).toBeEditable();
  }

  async expectError(text: string) {
    await checkStep(`ログイン画面で「${text}」を確認`, async () => {
      await expect(this.error).toHaveText(text);
      await expect(this.heading).toBeVisible();
    });
  }
}
