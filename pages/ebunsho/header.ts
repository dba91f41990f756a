/**
 * The header of every logged-in エコ文書 page (TJK screenshots): ユーザ名 with the company, the
 * tabs サービスTOP / マイページ / 本人情報 / 処理結果 / ログアウト, and 最終ログイン日時.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { ebunsho as t } from '../../messages';
import { manualStep } from '../step';

export type TabName = keyof typeof t.tabs;

export class EbunshoHeader {
  readonly userName: Locator;
  readonly tabs: Locator;
  readonly lastLogin: Locator;

  constructor(readonly page: Page) {
    this.userName = page.getByRole('banner').getByText(`${t.userNameLabel}:`);
    this.tabs = page.getByRole('navigation', { name: 'メニュー' }).getByRole('link');
    this.lastLogin = page.getByTestId('last-login');
  }

  tab(name: TabName): Locator {
    return this.tabs.filter({ hasText: t.tabs[name] });
  }

  async openTab(name: TabName) {
    const tab = this.tab(name);
    await manualStep(`「${t.tabs[name]}」のタブを選択`, () => tab.click(), { target: tab });
  }

  async logOut() {
    await this.openTab('logout');
  }

  /** ユーザ名: 氏名 (会社名), every tab in the manual's order, and the current tab marked. */
  async expectShown(user: { name: string; company: string }, current?: Exclude<TabName, 'logout'>) {
    await expect(this.userName).toHaveText(`${t.userNameLabel}: ${user.name} (${user.company})`);
    await expect(this.tabs).toHaveText(Object.values(t.tabs));
    if (current) await expect(this.tab(current)).toHaveAttribute('aria-current', 'page');
  }

  async expectLastLogin(text: string | RegExp) {
    await expect(this.page.getByText(t.lastLogin)).toBeVisible();
    await expect(this.lastLogin).toHaveText(text);
  }
}
