/** エコ文書 サービスTOP (IM12 4 ④, TJK) and its header. */
import { expect, type Locator, type Page } from '@playwright/test';
import { anyOf, ebunsho as t, forms } from '../../messages';
import { EbunshoHeader } from './header';
import { ProfilePage } from './profile-page';
import { checkStep } from '../step';

export class ServiceTopPage {
  readonly header: EbunshoHeader;
  readonly heading: Locator;
  readonly notices: Locator;
  readonly diskTable: Locator;
  readonly diskWarning: Locator;
  readonly guideCallout: Locator;
  readonly tabs: Locator;
  readonly logoutLink: Locator;
  readonly lastLogin: Locator;

  constructor(readonly page: Page) {
    this.header = new EbunshoHeader(page);
    // IM12 4 ④ titles the page 「サービス TOP」, TJK's tab says 「サービスTOP」: either is the service's.
    this.heading = page.getByRole('heading', { name: anyOf(forms.serviceTop) });
    this.notices = page.getByRole('heading', { name: t.notices });
    this.diskTable = page.getByRole('table', { name: t.diskContract });
    this.diskWarning = page.getByText(t.diskWarning);
    // TJK's 「本人情報画面よりログインパスワードの変更をして下さい。」 is the guide's call-out, not screen text.
    this.guideCallout = page.getByText(t.changeInitialPassword);
    this.tabs = this.header.tabs;
    this.logoutLink = this.header.tab('logout');
    this.lastLogin = this.header.lastLogin;
  }

  async logOut() {
    await this.header.logOut();
  }

  /**
   * LOGIN-FIRST, the documented route: the service shows no prompt; the user changes the initial
   * password from 本人情報 → パスワード変更 (IM12 1 「初期パスワード変更」, TJK 本人情報).
   */
  async goToInitialPasswordChange() {
    await this.header.openTab('profile');
    await new ProfilePage(this.page).openPasswordChange();
  }

  async expectShown() {
    await checkStep('サービスTOPの表示を確認', async () => {
      await expect(this.heading).toBeVisible();
      await expect(this.notices).toBeVisible();
      await checkStep(`「${t.diskContract}」の表を確認`, () =>
        expect(this.diskTable.getByRole('columnheader')).toHaveText([t.diskContract, t.diskUsed, t.diskRate]),
      );
      await expect(this.tabs).toHaveText(Object.values(t.tabs));
    });
  }

  /** IM12 4 ④: the disk table's one row and the warning under it. */
  async expectDiskUsage(row: { contract: string; used: string; rate: string }, warned: boolean) {
    await expect(this.diskTable.getByRole('row').nth(1).getByRole('cell')).toHaveText([row.contract, row.used, row.rate]);
    if (warned) await expect(this.diskWarning).toBeVisible();
    else await expect(this.diskWarning).toHaveCount(0);
  }

  /** The guide's call-out is not written on the screen as if it were the service's. */
  async expectNoGuideCallout() {
    await expect(this.heading).toBeVisible();
    await expect(this.guideCallout).toHaveCount(0);
  }
}
