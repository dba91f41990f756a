/** 証明書発行サイト 【STEP2】CSPとKey長を選択 (IM12 2-3 ③④, TJK 【STEP2】, EG18 1-3/1-4). */
import { expect, type Locator, type Page } from '@playwright/test';
import { issuance as t } from '../../messages';
import { manualStep } from '../step';

export class IssuanceStep2Page {
  readonly heading: Locator;
  readonly csp: Locator;
  readonly keyLength: Locator;
  readonly backButton: Locator;
  readonly issueButton: Locator;
  readonly warning: Locator;
  readonly helpToggle: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.step2Title });
    this.csp = page.getByRole('combobox', { name: new RegExp(`^${t.cspLabel}`) });
    this.keyLength = page.getByRole('combobox', { name: new RegExp(`^${t.keyLengthLabel}`) });
    this.backButton = page.getByRole('button', { name: t.back });
    this.issueButton = page.getByRole('button', { name: t.issue, exact: true });
    this.warning = page.getByText(t.step2Warning);
    this.helpToggle = page.getByText(t.openHelp);
    this.error = page.locator('#step2').getByRole('alert');
  }

  async chooseKeyLength(bits: 1024 | 2048) {
    await manualStep(`【STEP2】Key長 ${bits} bit を選択`, async () => {
      await this.keyLength.selectOption(String(bits));
    });
  }

  async issue() {
    await manualStep('【STEP2】CSPとKey長を確認し「発行」をクリック', async () => {
      await this.issueButton.click();
    });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.warning).toBeVisible();
  }

  async expectCspOffered() {
    await expect(this.csp).toHaveValue(t.csp);
    await expect(this.keyLength.locator('option')).toHaveText(['1024 bit', '2048 bit']);
  }
}
