/**
 * The header of every logged-in エコ文書 page (TJK screenshots): ユーザ名 with the company, the
 * tabs サービスTOP / マイページ / 本人情報 / 処理結果 / ログアウト, and 最終ログイン日時.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { ebunsho as t, forms } from '../../messages';
import { manualStep } from '../step';

export type TabName = keyof typeof t.tabs;

export class EbunshoHeader {
  readonly userName: Locator;
  readonly tabs: Locator;
  readonly lastLogin: Locator;

  constructor(readonly page: Page) {
    // TJK shows the label as ユーザ名 and as ユーザー名: either is the service's.
    this.userName = page.getByRole('banner').getByText(new RegExp(`^\\s*(?:${forms.userNameLabel.join('|')})\\s*[:：]`));
    this.tabs = page.getByRole('navigation', { name: 'メニュー' }).getByRole('link');
    // The line as the user reads it: 「最終ログイン日時: 2026/04/01 10:02」.
    this.lastLogin = page.getByText(new RegExp(`^\\s*${t.lastLogin}\\s*[:：]`));
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
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(this.userName).toHaveText(
      new RegExp(`^\\s*(?:${forms.userNameLabel.join('|')})\\s*[:：]\\s*${escape(user.name)}\\s*[(（]${escape(user.company)}[)）]\\s*$`),
    );
    await expect(this.tabs).toHaveText(Object.values(t.tabs));
    // TJK's header: ご契約先, the quick search (対象 / 条件 / 検索), 全エリア and 詳細検索.
    const banner = this.page.getByRole('banner');
    await expect(banner.getByText(new RegExp(`^\\s*${t.header.contractLabel}\\s*[:：]\\s*\\S`))).toBeVisible();
    await expect(banner.getByRole('search').getByRole('button', { name: t.header.search, exact: true })).toBeVisible();
    await expect(banner.getByText(t.header.allAreas, { exact: true })).toBeVisible();
    await expect(banner.getByRole('link', { name: t.header.advancedSearch, exact: true })).toBeVisible();
    if (current) await expect(this.tab(current)).toHaveAttribute('aria-current', 'page');
  }

  async expectLastLogin(text: string) {
    await expect(this.lastLogin).toBeVisible();
    await expect(this.lastLogin).toHaveText(new RegExp(`^\\s*${t.lastLogin}\\s*[:：]\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`));
  }
}
