/** エコ文書 本人情報 (TJK: ①本人情報のタグを選択 ②設定はこちらから). */
import { expect, type Locator, type Page } from '@playwright/test';
import { ebunsho as t } from '../../messages';
import { manualStep } from '../step';
import { cellsOfRow } from '../table-rows';

export class ProfilePage {
  readonly tab: Locator;
  readonly heading: Locator;
  readonly details: Locator;
  readonly passwordChangeLink: Locator;
  readonly loginCertLink: Locator;
  readonly signingCertLink: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: t.tabs.profile });
    this.heading = page.getByRole('heading', { name: t.tabs.profile, exact: true });
    this.details = page.getByRole('table', { name: t.tabs.profile });
    this.passwordChangeLink = page.getByRole('link', { name: t.passwordChange });
    this.loginCertLink = page.getByRole('link', { name: t.loginCertManagement });
    this.signingCertLink = page.getByRole('link', { name: t.signingCertManagement });
  }

  /** The value cell of the 本人情報 row headed `label`. */
  row(label: string): Locator {
    return cellsOfRow(this.details, label);
  }

  async open() {
    await manualStep('「本人情報」のタブを選択', () => this.tab.click(), { target: this.tab });
  }

  async openSigningCertificateMenu() {
    await manualStep('「署名用証明書管理」をクリック', () => this.signingCertLink.click(), { target: this.signingCertLink });
  }

  async openPasswordChange() {
    await manualStep('「パスワード変更」をクリック', () => this.passwordChangeLink.click(), { target: this.passwordChangeLink });
  }

  async openLoginCertificate() {
    await manualStep('「ログイン用証明書管理」をクリック', () => this.loginCertLink.click(), { target: this.loginCertLink });
  }

  async expectShown(userId: string) {
    await expect(this.heading).toBeVisible();
    await expect(this.details.getByRole('row', { name: new RegExp(t.userIdLabel) })).toContainText(userId);
  }

  /** TJK 本人情報 before the signing certificate exists: a notice whose legible start is 「署名用証明書情報を取得で」. */
  async expectSigningCertificateNotice() {
    await expect(this.page.getByText(new RegExp(`^\\s*${t.profileSigningNotice}`))).toBeVisible();
  }

  /** Every row of TJK's 本人情報 table, in its order, with the value shown. */
  async expectRecord(rows: [string, string][]) {
    await expect(this.details.getByRole('rowheader')).toHaveText(rows.map(([label]) => label));
    await expect(this.details.getByRole('cell')).toHaveText(rows.map(([, value]) => value));
  }
}
