/** 証明書発行サイト 【STEP2】CSPとKey長を選択 (IM12 2-3 ③④, TJK 【STEP2】, EG18 1-3/1-4). */
import { expect, type Locator, type Page } from '@playwright/test';
import { dialogsOf, type DialogAnswer } from '../dialogs';
import { checkStep, manualStep } from '../step';
import { issuanceTexts, type IssuanceLang, type IssuanceTexts } from './texts';

export class IssuanceStep2Page {
  readonly t: IssuanceTexts;
  readonly heading: Locator;
  readonly csp: Locator;
  readonly keyLength: Locator;
  readonly backButton: Locator;
  readonly issueButton: Locator;
  readonly warning: Locator;
  readonly helpIntro: Locator;
  readonly helpToggle: Locator;
  readonly help: Locator;
  readonly error: Locator;

  constructor(
    readonly page: Page,
    readonly lang: IssuanceLang = 'ja',
  ) {
    const t = (this.t = issuanceTexts(lang));
    this.heading = page.getByRole('heading', { name: t.step2Title });
    this.csp = page.getByRole('combobox', { name: new RegExp(`^${t.cspLabel}`) });
    this.keyLength = page.getByRole('combobox', { name: new RegExp(`^${t.keyLengthLabel}`) });
    this.backButton = page.getByRole('button', { name: t.back });
    this.issueButton = page.getByRole('button', { name: t.issue, exact: true });
    this.warning = page.getByText(t.step2Warning);
    this.helpIntro = page.getByText(t.cspEmptyHelp);
    this.helpToggle = page.getByRole('button', { name: t.openHelp });
    this.help = page.getByRole('region', { name: t.openHelp });
    this.error = page.getByRole('region', { name: t.step2Title }).getByRole('alert');
  }

  async chooseKeyLength(bits: 1024 | 2048) {
    await manualStep(`【STEP2】Key長 ${bits} bit を選択`, async () => {
      await this.keyLength.selectOption(String(bits));
    }, { target: this.keyLength });
  }

  /**
   * 「発行」, then the request confirmation (IM12 2-3 ④) gets `confirmation` ('none' when
   * the page cannot get that far: CSP / Key長 empty).
   */
  async issue(confirmation: DialogAnswer | 'none' = 'accept') {
    await manualStep('【STEP2】CSPとKey長を確認し「発行」をクリック', async () => {
      if (confirmation !== 'none') dialogsOf(this.page).plan(confirmation);
      await this.issueButton.click();
    }, { target: this.issueButton });
  }

  /** 「一つ戻る」: the warning says not to press it after 発行 (ISS-INTERRUPT). */
  async goBack() {
    await manualStep('【STEP2】「一つ戻る」をクリック', () => this.backButton.click(), { target: this.backButton });
  }

  /** EG18-1-3: 「対応方法を開く」. */
  async openHelp() {
    await manualStep('【STEP2】「対応方法を開く」をクリック', () => this.helpToggle.click(), { target: this.helpToggle });
  }

  async expectShown() {
    await checkStep(`${this.t.step2Title} の画面を確認`, async () => {
      await expect(this.heading).toBeVisible();
      await expect(this.warning).toBeVisible();
    });
  }

  async expectCspOffered() {
    await expect(this.csp).toHaveValue(this.t.csp);
    await expect(this.keyLength.getByRole('option')).toHaveText(['1024 bit', '2048 bit']);
  }

  /** EG18-1-3 / EG18-1-4: CSP and Key長 without any choice. */
  async expectCspEmpty() {
    await expect(this.csp.getByRole('option')).toHaveCount(0);
    await expect(this.keyLength.getByRole('option')).toHaveCount(0);
    await expect(this.csp).toHaveValue('');
  }

  async expectError(text: string) {
    await checkStep(`${this.t.step2Title} で「${text}」を確認`, () => expect(this.error).toHaveText(text));
  }
}
