/** 証明書発行サイト 【STEP4】証明書の確認 (IM12 2-3 ⑭, TJK 【STEP4】). */
import { expect, type Locator, type Page } from '@playwright/test';
import { issuanceTexts, type IssuanceLang, type IssuanceTexts } from './texts';

export { CertificateCheckPage } from './check-page';

export class IssuanceStep4Page {
  readonly t: IssuanceTexts;
  readonly heading: Locator;
  readonly checkPageLink: Locator;

  constructor(
    readonly page: Page,
    readonly lang: IssuanceLang = 'ja',
  ) {
    this.t = issuanceTexts(lang);
    this.heading = page.getByRole('heading', { name: this.t.step4Title });
    this.checkPageLink = page.getByRole('link', { name: /pfm20pub\/index\.html$/ });
  }

  async checkPageUrl(): Promise<string> {
    await expect(this.checkPageLink).toBeVisible();
    return (await this.checkPageLink.getAttribute('href'))!;
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByText(this.t.step4Intro)).toBeVisible();
  }
}
