/** 本人情報 → ログイン用証明書管理: the login certificate bound at signup. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ebunsho as t } from '../../messages';

export class LoginCertificatePage {
  readonly heading: Locator;
  readonly details: Locator;
  readonly none: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.loginCertManagement, exact: true });
    this.details = page.getByRole('table', { name: t.loginCertManagement });
    this.none = page.getByRole('status').filter({ hasText: t.loginCert.noCertificate });
  }

  row(label: string): Locator {
    return this.details.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell');
  }

  async expectCertificate(cert: { subjectCN: string; issuerCN: string; fingerprint256: string }) {
    await expect(this.heading).toBeVisible();
    await expect(this.row(t.loginCert.subject)).toHaveText(cert.subjectCN);
    await expect(this.row(t.loginCert.issuer)).toHaveText(cert.issuerCN);
    await expect(this.row(t.loginCert.fingerprint)).toHaveText(cert.fingerprint256);
  }
}
