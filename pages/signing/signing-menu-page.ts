/**
 * エコ文書 本人情報 → 署名用証明書管理メニュー (TJK): the state message, 新規発行 / 再発行,
 * 初期暗証コード登録, the certificate table and the certificate as a file.
 */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { bulkSign, signing as t } from '../../messages';
import { manualStep } from '../step';
import { CertificateTable } from './certificate-table';

export class SigningMenuPage {
  readonly heading: Locator;
  readonly stateMessage: Locator;
  readonly validMessage: Locator;
  readonly actions: Locator;
  readonly newIssueButton: Locator;
  readonly reissueButton: Locator;
  readonly registerPinButton: Locator;
  readonly certificate: CertificateTable;
  readonly downloadLink: Locator;
  readonly backLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.menuTitle, exact: true });
    this.stateMessage = page.getByRole('alert');
    this.validMessage = page.getByRole('status');
    this.actions = page.getByRole('table', { name: t.menuTitle });
    this.newIssueButton = this.actions.getByRole('button', { name: t.newIssue, exact: true });
    this.reissueButton = this.actions.getByRole('button', { name: t.reissue, exact: true });
    this.registerPinButton = this.actions.getByRole('button', { name: t.register, exact: true });
    this.certificate = new CertificateTable(page.getByRole('table', { name: bulkSign.certInfo }), t);
    this.downloadLink = page.getByRole('link', { name: t.download });
    this.backLink = page.getByRole('link', { name: t.back, exact: true });
  }

  async issueNew() {
    await manualStep('「新規発行」ボタンを押下', () => this.newIssueButton.click(), { target: this.newIssueButton });
  }

  async reissue() {
    await manualStep('「再発行」ボタンを押下', () => this.reissueButton.click(), { target: this.reissueButton });
  }

  async openPinRegistration() {
    await manualStep('初期暗証コード登録の「登録」ボタンを押下', () => this.registerPinButton.click(), { target: this.registerPinButton });
  }

  /** The certificate file (public data), to compare the table with what was issued. */
  async downloadCertificate(): Promise<Download> {
    return manualStep(
      '署名用証明書をダウンロード',
      async () => {
        const download = this.page.waitForEvent('download');
        await this.downloadLink.click();
        return download;
      },
      { target: this.downloadLink },
    );
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.actions).toBeVisible();
  }

  /** SIGN-NONE */
  async expectNoCertificate() {
    await this.expectShown();
    await expect(this.stateMessage).toHaveText(t.notValid);
    await expect(this.newIssueButton).toBeVisible();
    await expect(this.reissueButton).toBeHidden();
    await expect(this.registerPinButton).toBeHidden();
    await expect(this.certificate.table).toBeHidden();
  }

  /** SIGN-PENDING: nothing to press and no certificate yet. */
  async expectPending() {
    await this.expectShown();
    await expect(this.stateMessage).toHaveText(t.pending);
    await expect(this.actions.getByRole('button')).toHaveCount(0);
    await expect(this.certificate.table).toBeHidden();
    await expect(this.downloadLink).toBeHidden();
  }

  /** SIGN-PIN-DUE */
  async expectPinDue() {
    await this.expectShown();
    await expect(this.stateMessage).toHaveText(t.pinDue);
    await expect(this.registerPinButton).toBeVisible();
    await expect(this.reissueButton).toBeVisible();
    await expect(this.newIssueButton).toBeHidden();
    await expect(this.certificate.table).toBeVisible();
  }

  /** After 初期暗証コード登録: valid, PIN registered, 再発行 still offered. */
  async expectRegistered() {
    await this.expectShown();
    await expect(this.stateMessage).toBeHidden();
    await expect(this.validMessage).toHaveText(t.valid);
    await expect(this.actions.getByRole('row').filter({ hasText: t.registerInitialPin })).toContainText(t.pinRegistered);
    await expect(this.registerPinButton).toBeHidden();
    await expect(this.reissueButton).toBeVisible();
  }
}
