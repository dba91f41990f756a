/** 本人情報 → パスワード変更 (TJK: 現在のパスワード / 新しいパスワード / 確認用パスワード, 「変更」「戻る」). */
import { expect, type Locator, type Page } from '@playwright/test';
import { ebunsho as t } from '../../messages';
import type { Secret } from '../../fixtures/secret';
import { checkStep, manualStep } from '../step';
import { fillSecret } from '../secret-input';

export class PasswordChangePage {
  readonly heading: Locator;
  readonly userId: Locator;
  readonly currentPassword: Locator;
  readonly newPassword: Locator;
  readonly confirmPassword: Locator;
  readonly changeButton: Locator;
  readonly backLink: Locator;
  readonly policy: Locator;
  readonly error: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.passwordChange, exact: true });
    // The form's first line as the user reads it: 「ユーザID 1234567」.
    this.userId = page.getByRole('main').getByText(new RegExp(`^\\s*${t.userIdLabel}\\s*[:：]?\\s*\\S`));
    this.currentPassword = page.getByLabel(t.currentPassword);
    this.newPassword = page.getByLabel(t.newPassword);
    this.confirmPassword = page.getByLabel(t.confirmPassword);
    this.changeButton = page.getByRole('button', { name: t.change, exact: true });
    this.backLink = page.getByRole('main').getByRole('link', { name: t.back, exact: true });
    this.policy = page.getByRole('table', { name: t.policyTitle });
    this.error = page.getByRole('alert');
    this.done = page.getByRole('status').filter({ hasText: t.passwordChanged });
  }

  async change(current: Secret, next: Secret, confirm: Secret = next) {
    await manualStep('現在のパスワード、新しいパスワード、確認用パスワードを入力して「変更」をクリック', async () => {
      await fillSecret(this.currentPassword, current);
      await fillSecret(this.newPassword, next);
      await fillSecret(this.confirmPassword, confirm);
      await this.changeButton.click();
    }, { target: this.changeButton });
  }

  async goBack() {
    await manualStep('「戻る」をクリック', () => this.backLink.click(), { target: this.backLink });
  }

  async expectShown(userId: string) {
    await expect(this.heading).toBeVisible();
    await expect(this.userId).toHaveText(new RegExp(`^\\s*${t.userIdLabel}\\s*[:：]?\\s*${userId}\\s*$`));
    for (const field of [this.currentPassword, this.newPassword, this.confirmPassword]) {
      await expect(field).toHaveAttribute('type', 'password');
    }
    await expect(this.changeButton).toBeVisible();
    await expect(this.backLink).toBeVisible();
  }

  /** The policy table, row by row: [項目, 値]. */
  async expectPolicy(rows: [string, string][]) {
    await expect(this.policy.getByRole('rowheader')).toHaveText(rows.map(([label]) => label));
    await expect(this.policy.getByRole('cell')).toHaveText(rows.map(([, value]) => value));
  }

  async expectChanged() {
    await expect(this.done).toBeVisible();
  }

  async expectRefused(text: string | RegExp) {
    await checkStep(`パスワード変更で「${String(text)}」を確認`, () => expect(this.error).toHaveText(text));
    // A refusal never writes a password back into the form.
    for (const field of [this.currentPassword, this.newPassword, this.confirmPassword]) await expect(field).toHaveValue('');
  }
}
