/** エコ文書 サービスTOP (IM12 4 ④, TJK) and its header. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ebunsho as t } from '../../messages';
import { manualStep } from '../step';
import { EbunshoHeader } from './header';

export class ServiceTopPage {
  readonly header: EbunshoHeader;
  readonly heading: Locator;
  readonly notices: Locator;
  readonly noticeSection: Locator;
  readonly diskTable: Locator;
  readonly diskWarning: Locator;
  readonly changePasswordNotice: Locator;
  readonly changePasswordLink: Locator;
  readonly tabs: Locator;
  readonly logoutLink: Locator;
  readonly lastLogin: Locator;

  constructor(readonly page: Page) {
    this.header = new EbunshoHeader(page);
    this.heading = page.getByRole('heading', { name: t.serviceTop, exact: true });
    this.notices = page.getByRole('heading', { name: t.notices });
    this.noticeSection = page.getByRole('region', { name: t.notices });
    this.diskTable = page.getByRole('table', { name: t.diskContract });
    this.diskWarning = page.getByText(t.diskWarning);
    this.changePasswordNotice = page.getByRole('status').filter({ hasText: t.changeInitialPassword });
    this.changePasswordLink = this.changePasswordNotice.getByRole('link', { name: t.passwordChange });
    this.tabs = this.header.tabs;
    this.logoutLink = this.header.tab('logout');
    this.lastLogin = this.header.lastLogin;
  }

  async logOut() {
    await this.header.logOut();
  }

  /** LOGIN-FIRST: the notice's link to パスワード変更. */
  async followChangePasswordPrompt() {
    await manualStep('お知らせの「パスワード変更」をクリック', () => this.changePasswordLink.click(), { target: this.changePasswordLink });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.notices).toBeVisible();
    await expect(this.diskTable.getByRole('columnheader')).toHaveText([t.diskContract, t.diskUsed, t.diskRate]);
    await expect(this.tabs).toHaveText(Object.values(t.tabs));
  }

  /** IM12 4 ④: the disk table's one row and the warning under it. */
  async expectDiskUsage(row: { contract: string; used: string; rate: string }, warned: boolean) {
    await expect(this.diskTable.getByRole('row').nth(1).getByRole('cell')).toHaveText([row.contract, row.used, row.rate]);
    if (warned) await expect(this.diskWarning).toBeVisible();
    else await expect(this.diskWarning).toHaveCount(0);
  }

  async expectChangePasswordPrompt(shown: boolean) {
    if (shown) await expect(this.changePasswordNotice).toBeVisible();
    else await expect(this.changePasswordNotice).toHaveCount(0);
  }
}
