/** 一括電子署名 マイページ (BS10 2-g): ■ファイル情報リスト, 該当するデータが存在しません。, the search form. */
import { expect, type Locator, type Page } from '@playwright/test';
import { bulkSign as t, ebunsho } from '../../messages';
import { manualStep } from '../step';

export class BulkSignMyPage {
  readonly heading: Locator;
  readonly tab: Locator;
  readonly fileList: Locator;
  readonly noData: Locator;
  readonly search: Locator;
  readonly folder: Locator;
  readonly fileName: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly searchButton: Locator;
  readonly clearLink: Locator;
  readonly error: Locator;
  readonly logoutLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.myPage, exact: true });
    this.tab = page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: ebunsho.tabs.myPage });
    this.fileList = page.getByRole('heading', { name: `■${t.fileList}` });
    this.noData = page.getByRole('status').filter({ hasText: t.noData });
    this.search = page.getByRole('search', { name: t.fileList });
    this.folder = this.search.getByLabel(t.search.folder, { exact: true });
    this.fileName = this.search.getByLabel(t.search.fileName, { exact: true });
    this.from = this.search.getByLabel(t.search.registeredFrom, { exact: true });
    this.to = this.search.getByLabel(t.search.registeredTo, { exact: true });
    this.searchButton = this.search.getByRole('button', { name: t.search.submit, exact: true });
    this.clearLink = this.search.getByRole('link', { name: t.search.clear, exact: true });
    this.error = page.getByRole('alert');
    this.logoutLink = page.getByRole('link', { name: ebunsho.tabs.logout });
  }

  async searchFiles(criteria: { folder?: string; fileName?: string; from?: string; to?: string }) {
    await manualStep('検索条件を入力し、[検索]をクリック', async () => {
      if (criteria.folder !== undefined) await this.folder.fill(criteria.folder);
      if (criteria.fileName !== undefined) await this.fileName.fill(criteria.fileName);
      if (criteria.from !== undefined) await this.from.fill(criteria.from);
      if (criteria.to !== undefined) await this.to.fill(criteria.to);
      await this.searchButton.click();
    }, { target: this.searchButton });
  }

  async logOut() {
    await manualStep('「ログアウト」をクリック', () => this.logoutLink.click(), { target: this.logoutLink });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.tab).toHaveAttribute('aria-current', 'page');
    await expect(this.fileList).toBeVisible();
    await expect(this.noData).toBeVisible();
    await expect(this.page.getByText(t.noDataHint)).toBeVisible();
    for (const label of [t.search.targetAll, t.search.targetView, t.search.targetSign, t.search.signAll, t.search.unsigned, t.search.signing, t.search.signed]) {
      await expect(this.search.getByRole('radio', { name: label, exact: true })).toBeVisible();
    }
    await expect(this.search.getByRole('radio', { name: t.search.targetAll, exact: true })).toBeChecked();
    await expect(this.search.getByRole('radio', { name: t.search.signAll, exact: true })).toBeChecked();
    await expect(this.folder).toBeEditable();
    await expect(this.fileName).toBeEditable();
    await expect(this.searchButton).toBeVisible();
    await expect(this.clearLink).toBeVisible();
  }
}
