/** エコ文書 ログイン (UrlExclusive.do; IM12 4, TJK ③ログインサイト). */
import { expect, type Locator, type Page } from '@playwright/test';
import { anyOf, ebunsho as t, forms } from '../../messages';
import type { Secret } from '../../fixtures/secret';
import { checkStep, manualStep } from '../step';
import { fillSecret } from '../secret-input';

export class LoginPage {
  readonly heading: Locator;
  readonly intro: Locator;
  readonly userId: Locator;
  readonly password: Locator;
  readonly loginButton: Locator;
  readonly forgotPasswordLink: Locator;
  readonly certSealLink: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.loginTitle, exact: true });
    // IM12 4 shows the intro with ユーザID and (its screenshot) ユーザーID; EG25 calls the link 「パスワードを忘れた方はこちら」.
    this.intro = page.getByText(anyOf(forms.loginIntro));
    this.userId = page.getByLabel(t.userIdLabel);
    this.password = page.getByLabel(t.passwordLabel);
    this.loginButton = page.getByRole('button', { name: t.loginButton });
    this.forgotPasswordLink = page.getByRole('link', { name: anyOf(forms.forgotPassword) });
    this.certSealLink = page.getByRole('link', { name: t.certSeal });
    this.error = page.getByRole('alert');
  }

  async open(loginUrl: string) {
    await manualStep('ログインURLにアクセス', async () => {
      await this.page.goto(loginUrl);
    });
  }

  async logIn(userId: string, password: Secret) {
    await manualStep('ユーザIDとパスワードを入力し「ログイン」をクリック', async () => {
      await this.userId.fill(userId);
      await fillSecret(this.password, password);
      await this.loginButton.click();
    }, { target: this.loginButton });
  }

  async openForgotPassword() {
    await manualStep('「パスワードを忘れた方」をクリック', () => this.forgotPasswordLink.click(), { target: this.forgotPasswordLink });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.forgotPasswordLink).toBeVisible();
  }

  /** IM12 4 ②: the documented form. */
  async expectDocumentedForm() {
    await this.expectShown();
    await expect(this.intro).toBeVisible();
    await expect(this.userId).toBeEditable();
    await expect(this.password).toHaveAttribute('type', 'password');
    await expect(this.loginButton).toBeVisible();
    await expect(this.certSealLink).toBeVisible();
  }

  async expectError(text: string | RegExp) {
    await checkStep(`ログイン画面で「${String(text)}」を確認`, () => expect(this.error).toHaveText(text));
  }
}
