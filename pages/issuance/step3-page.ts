/** 証明書発行サイト 【STEP3】証明書を受け取る (IM12 2-3 ⑤-⑬, TJK 【STEP3】). */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { dialogsOf } from '../dialogs';
import { manualStep } from '../step';
import { issuanceTexts, type IssuanceLang, type IssuanceTexts } from './texts';

export class IssuanceStep3Page {
  readonly t: IssuanceTexts;
  readonly heading: Locator;
  readonly installRootCaButton: Locator;
  readonly installClientButton: Locator;
  readonly okButton: Locator;

  constructor(
    readonly page: Page,
    readonly lang: IssuanceLang = 'ja',
  ) {
    const t = (this.t = issuanceTexts(lang));
    this.heading = page.getByRole('heading', { name: t.step3Title });
    this.installRootCaButton = page.getByRole('button', { name: t.installRootCa });
    this.installClientButton = page.getByRole('button', { name: t.installClientCert });
    this.okButton = page.getByRole('button', { name: t.ok, exact: true });
  }

  async downloadRootCa(): Promise<Download> {
    return manualStep('【STEP3】「ルートCA証明書のインストール」をクリック', async () => {
      const download = this.page.waitForEvent('download');
      await this.installRootCaButton.click();
      return download;
    }, { target: this.installRootCaButton });
  }

  /** 「クライアント証明書のインストール」→ Webアクセスの確認「はい」→ 完了ダイアログ「OK」. */
  async installClientCertificate(): Promise<Download> {
    return manualStep('【STEP3】「クライアント証明書のインストール」をクリック', async () => {
      const dialogs = dialogsOf(this.page);
      const before = dialogs.seen.length;
      dialogs.plan('accept');
      const download = this.page.waitForEvent('download');
      await this.installClientButton.click();
      const file = await download;
      await dialogs.waitForCount(before + 2);
      return file;
    }, { target: this.installClientButton });
  }

  async confirm() {
    await manualStep('【STEP3】「OK」をクリック', () => this.okButton.click(), { target: this.okButton });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.page).toHaveURL(/\/scira\/Step3\.do$/);
  }

  /** TJK 【STEP3】 with IM12 2-3 ⑧'s headings: 3-1 install (root CA, client), 3-2 the existence check. */
  async expectDocumentedTexts() {
    const t = this.t;
    await expect(this.page.getByRole('heading', { name: t.step3InstallHeading })).toBeVisible();
    await expect(this.page.getByText(t.step3Intro)).toBeVisible();
    await expect(this.page.getByText(t.step3RootCaHint)).toBeVisible();
    await expect(this.page.getByText(t.step3ClientHint)).toBeVisible();
    await expect(this.page.getByRole('link', { name: t.step3InstallGuide })).toBeVisible();
    await expect(this.page.getByRole('heading', { name: t.step3CheckHeading })).toBeVisible();
    await expect(this.page.getByText(t.step3CheckIntro)).toBeVisible();
    await expect(this.page.getByText(t.step3CheckHint)).toBeVisible();
    await expect(this.page.getByRole('link', { name: t.step3CheckGuide })).toBeVisible();
    await expect(this.page.getByText(t.step3Confirm)).toBeVisible();
  }
}
