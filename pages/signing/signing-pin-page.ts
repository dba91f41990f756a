/**
 * エコ文書 署名用暗証コードの初期設定 (TJK 初期暗証コード登録): user and certificate tables,
 * 新しい暗証コード + 確認入力 (paste refused), 登録 / 戻る.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { bulkSign, signing as t } from '../../messages';
import type { Secret } from '../../fixtures/secret';
import { fillSecret } from '../secret-input';
import { manualStep } from '../step';
import { cellsOfRow } from '../table-rows';
import { CertificateTable } from './certificate-table';
import { pasteInto } from './clipboard';

export class SigningPinPage {
  readonly heading: Locator;
  readonly userInfo: Locator;
  readonly certificate: CertificateTable;
  readonly pin: Locator;
  readonly confirmPin: Locator;
  readonly registerButton: Locator;
  readonly backLink: Locator;
  readonly error: Locator;
  readonly pasteRefused: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.pinTitle, exact: true });
    this.userInfo = page.getByRole('table', { name: t.userInfo });
    this.certificate = new CertificateTable(page.getByRole('table', { name: bulkSign.certInfo }), t);
    this.pin = page.getByLabel(t.newPin, { exact: true });
    this.confirmPin = page.getByLabel(t.confirmPin, { exact: true });
    this.registerButton = page.getByRole('button', { name: t.register, exact: true });
    this.backLink = page.getByRole('link', { name: t.back, exact: true });
    this.error = page.getByRole('alert');
    this.pasteRefused = page.getByRole('status').filter({ hasText: t.pasteRefused });
  }

  /** PINs are Secrets; so is bad input typed into the field (Secret.typed): a secret field is only ever typed from one. */
  async registerPin(pin: Secret, confirmation: Secret = pin) {
    await manualStep('「新しい暗証コード」と「新しい暗証コードの確認入力」を入力', async () => {
      await fillSecret(this.pin, pin);
      await fillSecret(this.confirmPin, confirmation);
    }, { target: this.pin });
    await manualStep('「登録」ボタンで完了', () => this.registerButton.click(), { target: this.registerButton });
  }

  async pasteConfirmation(pin: Secret) {
    await manualStep('確認入力欄に貼り付ける (Ctrl+V)', () => pasteInto(this.confirmPin, pin), { target: this.confirmPin });
  }

  async pastePin(pin: Secret) {
    await manualStep('新しい暗証コード欄に貼り付ける (Ctrl+V)', () => pasteInto(this.pin, pin), { target: this.pin });
  }

  async back() {
    await manualStep('「戻る」をクリック', () => this.backLink.click(), { target: this.backLink });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.userInfo).toBeVisible();
    await expect(this.certificate.table).toBeVisible();
    await expect(this.pin).toBeEditable();
    await expect(this.confirmPin).toBeEditable();
  }

  /** The user table shows these values (ユーザID, 氏名, ローマ字氏名, 会社名, ローマ字会社名). */
  async expectUser(user: { userId: string; nameRomaji: string; companyRomaji: string }) {
    const row = (label: string) => cellsOfRow(this.userInfo, label);
    await expect(row(t.userIdLabel)).toHaveText(user.userId);
    await expect(row(t.nameRomajiLabel)).toHaveText(user.nameRomaji);
    await expect(row(t.companyRomajiLabel)).toHaveText(user.companyRomaji);
  }

  /** Refused: still this form, the message shown, both fields emptied (a PIN is never echoed). */
  async expectRefused(message: string) {
    await expect(this.error).toHaveText(message);
    await expect(this.heading).toBeVisible();
    await expect(this.pin).toHaveValue('');
    await expect(this.confirmPin).toHaveValue('');
  }
}
