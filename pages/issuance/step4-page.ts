/** 証明書発行サイト 【STEP4】証明書の確認 and the certificate check page (IM12 2-3 ⑭-⑯). */
import { expect, type Locator, type Page } from '@playwright/test';
import { issuance as t } from '../../messages';
import { manualStep } from '../step';

export class IssuanceStep4Page {
  readonly heading: Locator;
  readonly checkPageLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.step4Title });
    this.checkPageLink = page.getByRole('link', { name: /pfm20pub\/index\.html$/ });
  }

  async checkPageUrl(): Promise<string> {
    await expect(this.checkPageLink).toBeVisible();
    return (await this.checkPageLink.getAttribute('href'))!;
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
  }
}

export class CertificateCheckPage {
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByRole('status');
  }

  async open(url: string) {
    await manualStep('【STEP4】証明書確認ページにアクセス', async () => {
      await this.page.goto(url);
    });
  }

  async expectCertificateAccepted(subjectCN: string) {
    await expect(this.status).toHaveText(t.certCheckOk);
    await expect(this.page.getByRole('row', { name: /発行先/ })).toContainText(subjectCN);
  }
}
