/**
 * STEP2 署名用暗証コードの初期設定 (BS10 2-d/e): ユーザ情報 and 署名用証明書情報 tables,
 * 新しい署名用暗証コード + 確認入力 (paste refused), [登録] / [戻る].
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { bulkSign as t, signing } from '../../messages';
import type { Secret } from '../../fixtures/secret';
import { checkStep, manualStep } from '../step';
import { fillSecret } from '../secret-input';
import { cellsOfRow } from '../table-rows';
import { CertificateTable } from '../signing/certificate-table';
import { pasteInto } from '../signing/clipboard';

export class BulkSignPinPage {
  readonly heading: Locator;
  readonly intro: Locator;
  readonly userInfo: Locator;
  readonly certificate: CertificateTable;
  readonly pin: Locator;
  readonly confirmPin: Locator;
  readonly rule: Locator;
  readonly registerButton: Locator;
  readonly backLink: Locator;
  readonly error: Locator;
  readonly pasteRefused: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.step2Title, exact: true });
    this.intro = page.getByText(t.step2Intro);
    this.userInfo = page.getByRole('table', { name: t.userInfo });
    this.certificate = new CertificateTable(page.getByRole('table', { name: t.certInfo }), t);
    this.pin = page.getByLabel(t.newPin, { exact: true });
    this.confirmPin = page.getByLabel(t.confirmPin, { exact: true });
    this.rule = page.getByText(t.pinRule);
    this.registerButton = page.getByRole('button', { name: t.register, exact: true });
    this.backLink = page.getByRole('link', { name: t.back, exact: true });
    this.error = page.getByRole('alert');
    this.pasteRefused = page.getByRole('status').filter({ hasText: signing.pasteRefused });
  }

  userRow(label: string): Locator {
    return cellsOfRow(this.userInfo, label);
  }

  /** PINs are Secrets; so is bad input typed into the field (Secret.typed): a secret field is only ever typed from one. */
  async enterPin(pin: Secret, confirmation: Secret = pin) {
    await manualStep('「新しい署名用暗証コード」と「新しい署名用暗証コードの確認入力」に同じ暗証コードを入力', async () => {
      await fillSecret(this.pin, pin);
      await fillSecret(this.confirmPin, confirmation);
    }, { target: this.pin });
  }

  async register() {
    await manualStep('[登録]をクリック', () => this.registerButton.click(), { target: this.registerButton });
  }

  async registerPin(pin: Secret, confirmation: Secret = pin) {
    await this.enterPin(pin, confirmation);
    await this.register();
  }

  async pasteConfirmation(pin: Secret) {
    await manualStep('確認入力欄に貼り付ける (Ctrl+V)', () => pasteInto(this.confirmPin, pin), { target: this.confirmPin });
  }

  async pastePin(pin: Secret) {
    await manualStep('新しい署名用暗証コード欄に貼り付ける (Ctrl+V)', () => pasteInto(this.pin, pin), { target: this.pin });
  }

  async back() {
    await manualStep('[戻る]をクリック', () => this.backLink.click(), { target: this.backLink });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.intro).toBeVisible();
    await expect(this.userInfo).toBeVisible();
    await expect(this.certificate.table).toBeVisible();
    await expect(this.rule).toBeVisible();
    await expect(this.pin).toBeEditable();
    await expect(this.confirmPin).toBeEditable();
    await expect(this.registerButton).toBeVisible();
    await expect(this.backLink).toBeVisible();
  }

  async expectUser(user: { name: string; company: string; nameRomaji: string; companyRomaji: string }) {
    await expect(this.userRow(t.userNameLabel)).toHaveText(user.name);
    await expect(this.userRow(t.companyLabel)).toHaveText(user.company);
    await expect(this.userRow(t.nameRomajiLabel)).toHaveText(user.nameRomaji);
    await expect(this.userRow(t.companyRomajiLabel)).toHaveText(user.companyRomaji);
  }

  /** Refused: still STEP2, the message shown, both fields emptied (a PIN is never echoed). */
  async expectRefused(message: string) {
    await checkStep(`暗証コード登録で「${message}」を確認`, () => expect(this.error).toHaveText(message));
    await expect(this.heading).toBeVisible();
    await expect(this.pin).toHaveValue('');
    await expect(this.confirmPin).toHaveValue('');
  }
}
