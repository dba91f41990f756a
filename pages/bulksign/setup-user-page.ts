/** 署名用証明書セットアップ: ユーザ情報の確認 (BS10 2-b) + [次へ]. */
import { expect, type Locator, type Page } from '@playwright/test';
import { bulkSign as t } from '../../messages';
import { manualStep } from '../step';
import { cellsOfRow } from '../table-rows';

export class SetupUserPage {
  readonly heading: Locator;
  readonly userInfo: Locator;
  readonly nextButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.setupTitle, exact: true });
    this.userInfo = page.getByRole('table', { name: t.userInfo });
    this.nextButton = page.getByRole('button', { name: t.next, exact: true });
  }

  row(label: string): Locator {
    return cellsOfRow(this.userInfo, label);
  }

  async confirm() {
    await manualStep('ユーザ情報が正しいことを確認し、[次へ]をクリック', () => this.nextButton.click(), { target: this.nextButton });
  }

  async expectUser(user: { name: string; company: string; nameRomaji: string; companyRomaji: string }) {
    await expect(this.heading).toBeVisible();
    await expect(this.row(t.userNameLabel)).toHaveText(user.name);
    await expect(this.row(t.companyLabel)).toHaveText(user.company);
    await expect(this.row(t.nameRomajiLabel)).toHaveText(user.nameRomaji);
    await expect(this.row(t.companyRomajiLabel)).toHaveText(user.companyRomaji);
  }
}
