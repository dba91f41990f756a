/** エコ文書 サービスTOP and the header every logged-in page shares (IM12 4 ④, TJK). */
import { expect, type Locator, type Page } from '@playwright/test';
import { ebunsho as t } from '../../messages';
import { manualStep } from '../step';

export class ServiceTopPage {
  readonly heading: Locator;
  readonly notices: Locator;
  readonly diskTable: Locator;
  readonly changePasswordNotice: Locator;
  readonly tabs: Locator;
  readonly logoutLink: Locator;
  readonly lastLogin: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.serviceTop, exact: true });
    this.notices = page.getByRole('heading', { name: t.notices });
    this.diskTable = page.getByRole('table', { name: t.diskContract });
    this.changePasswordNotice = page.getByRole('status').filter({ hasText: t.changeInitialPassword });
    this.tabs = page.getByRole('navigation', { name: 'メニュー' }).getByRole('link');
    this.logoutLink = page.getByRole('link', { name: t.tabs.logout });
    this.lastLogin = page.getByTestId('last-login');
  }

  async logOut() {
    await manualStep('「ログアウト」をクリック', async () => {
      await this.logoutLink.click();
    });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.notices).toBeVisible();
    await expect(this.diskTable.getByRole('columnheader')).toHaveText([t.diskContract, t.diskUsed, t.diskRate]);
    await expect(this.tabs).toHaveText(Object.values(t.tabs));
  }
}
