/** 本人情報 → ログイン用証明書管理: the login certificate bound at signup. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ebunsho as t } from '../../messages';
import { cellsOfRow } from '../table-rows';

export class LoginCertificatePage {
  readonly heading: Locator;
  readonly details: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.loginCertManagement, exact: true });
    this.details = page.getByRole('table', { name: t.loginCertManagement });
  }

  row(label: string): Locator {
    return cellsOfRow(this.details, label);
  }

  async expectCertificate(cert: { subjectCN: string; issuerCN: string; fingerprint256: string }) {
    await expect(this.heading).toBeVisible();
    await expect(this.row(t.loginCert.subject)).toHaveText(cert.subjectCN);
    await expect(this.row(t.loginCert.issuer)).toHaveText(cert.issuerCN);
    await expect(this.row(t.loginCert.fingerprint)).toHaveText(cert.fingerprint256);
  }
}
