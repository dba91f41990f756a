/** エコ文書 サインアップ (IM12 §3, TJK ②サインアップサイト). */
import { expect, type Locator, type Page } from '@playwright/test';
import { anyOf, ebunsho as t, forms } from '../../messages';
import type { Secret } from '../../fixtures/secret';
import { checkStep, manualStep } from '../step';
import { fillSecret } from '../secret-input';

export class SignupPage {
  readonly heading: Locator;
  readonly userId: Locator;
  readonly password: Locator;
  readonly signupButton: Locator;
  readonly error: Locator;
  readonly done: Locator;
  readonly toLoginLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.signupTitle, exact: true });
    this.userId = page.getByLabel(t.userIdLabel);
    this.password = page.getByLabel(t.passwordLabel);
    this.signupButton = page.getByRole('button', { name: t.signupButton });
    this.error = page.getByRole('alert');
    this.done = page.getByRole('status');
    // The link says 「ログインへ」 (TJK, IM12); TJK's text calls it 「ログイン画面へ」.
    this.toLoginLink = page.getByRole('link', { name: anyOf(forms.toLogin) });
  }

  async open(signupUrl: string) {
    await manualStep('サインアップURLにアクセス', async () => {
      await this.page.goto(signupUrl);
    });
  }

  async signUp(userId: string, password: Secret) {
    await manualStep('ユーザIDと初期パスワードを入力し「サインアップ」をクリック', async () => {
      await this.userId.fill(userId);
      await fillSecret(this.password, password);
      await this.signupButton.click();
    });
  }

  async goToLogin() {
    await manualStep('「ログインへ」をクリック', async () => {
      await this.toLoginLink.click();
    });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
  }

  async expectCompleted() {
    await checkStep(`「${t.signupDone}」の表示を確認`, async () => {
      await expect(this.done).toHaveText(t.signupDone);
      await expect(this.toLoginLink).toBeVisible();
    });
  }

  async expectError(text: string | RegExp) {
    await checkStep(`サインアップ画面で「${String(text)}」を確認`, () => expect(this.error).toHaveText(text));
  }
}
