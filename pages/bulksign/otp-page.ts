/** 一括電子署名 ワンタイムパスワード (BS10 1-2 d-e): the OTP from the mail + [次へ]. */
import { expect, type Locator, type Page } from '@playwright/test';
import { bulkSign as t } from '../../messages';
import type { Secret } from '../../fixtures/secret';
import { checkStep, manualStep } from '../step';
import { fillSecret } from '../secret-input';

export class BulkSignOtpPage {
  readonly heading: Locator;
  readonly otp: Locator;
  readonly nextButton: Locator;
  readonly sent: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.otpTitle, exact: true });
    this.otp = page.getByLabel(t.otpLabel, { exact: true });
    this.nextButton = page.getByRole('button', { name: t.next, exact: true });
    this.sent = page.getByRole('status');
    this.error = page.getByRole('alert');
  }

  /** The OTP is a Secret; bad input is typed as a Secret too (Secret.typed). */
  async submit(otp: Secret) {
    await manualStep('メールのワンタイムパスワードを入力し、[次へ]をクリック', async () => {
      await fillSecret(this.otp, otp);
      await this.nextButton.click();
    }, { target: this.nextButton });
  }

  async expectShown() {
    await checkStep('ワンタイムパスワード画面の表示を確認', async () => {
      await expect(this.heading).toBeVisible();
      await expect(this.otp).toBeEditable();
    });
  }

  /** Refused, still on this form (the attempt is still valid). */
  async expectError(text: string) {
    await checkStep(`ワンタイムパスワード画面で「${text}」を確認`, async () => {
      await expect(this.error).toHaveText(text);
      await expect(this.heading).toBeVisible();
      await expect(this.otp).toHaveValue('');
    });
  }
}
