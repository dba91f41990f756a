/**
 * The certificate check page (webra1 /scira/doc/pfm20pub/index.html): IM12 2-3 ⑭-⑯,
 * TJK 【STEP4】, EG25 §2-1 6. — it answers only a browser that presents the certificate.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { issuance as t } from '../../messages';
import { manualStep } from '../step';

export class CertificateCheckPage {
  readonly status: Locator;
  readonly details: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByRole('status');
    this.details = page.getByRole('table', { name: t.checkPageLink });
  }

  async open(url: string) {
    await manualStep('【STEP4】証明書確認ページにアクセス', async () => {
      await this.page.goto(url);
    });
  }

  /** The row of the certificate table whose header is `label` (発行先, 発行者, ...). */
  row(label: string): Locator {
    return this.details.getByRole('row', { name: new RegExp(`^${label}`) });
  }

  async expectCertificateAccepted(subjectCN: string, issuerCN?: string) {
    await expect(this.status).toHaveText(t.certCheckOk);
    await expect(this.row(t.checkSubject).getByRole('cell')).toHaveText(subjectCN);
    if (issuerCN !== undefined) await expect(this.row(t.checkIssuer).getByRole('cell')).toHaveText(issuerCN);
  }
}
