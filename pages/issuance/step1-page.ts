/** 証明書発行サイト 【STEP1】認証情報(パスワード)を入力 (IM12 2-3 ②, TJK 【STEP1】). */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Secret } from '../../fixtures/secret';
import { dialogsOf, type DialogAnswer } from '../dialogs';
import { checkStep, manualStep } from '../step';
import { fillSecret } from '../secret-input';
import { issuanceTexts, type IssuanceLang, type IssuanceTexts } from './texts';

export class IssuanceStep1Page {
  readonly t: IssuanceTexts;
  readonly heading: Locator;
  readonly password: Locator;
  readonly nextButton: Locator;
  readonly error: Locator;
  readonly englishLink: Locator;

  constructor(
    readonly page: Page,
    readonly lang: IssuanceLang = 'ja',
  ) {
    this.t = issuanceTexts(lang);
    this.heading = page.getByRole('heading', { name: this.t.step1Title });
    this.password = page.getByLabel(this.t.passwordLabel);
    this.nextButton = page.getByRole('button', { name: this.t.next });
    this.error = page.getByRole('alert');
    const languages = page.getByRole('navigation', { name: this.t.languageNav });
    this.englishLink = languages.getByRole('link', { name: this.t.english, exact: true });
  }

  async open(issuanceUrl: string) {
    await manualStep('発行サイトURLにアクセス', async () => {
      await this.page.goto(issuanceUrl);
    });
  }

  /** The `English` link in the header; returns STEP1 in English. */
  async switchToEnglish(): Promise<IssuanceStep1Page> {
    await manualStep('「English」をクリック', () => this.englishLink.click(), { target: this.englishLink });
    return new IssuanceStep1Page(this.page, 'en');
  }

  /**
   * 認証情報パスワードを入力して「次へ」; the web-access confirmation that follows gets
   * `webAccess` ('none' when the password is expected to be refused: no confirmation comes).
   */
  async submitPassword(password: Secret, webAccess: DialogAnswer | 'none' = 'accept') {
    await manualStep('【STEP1】認証情報パスワードを入力して「次へ」をクリック', async () => {
      if (webAccess !== 'none') dialogsOf(this.page).plan(webAccess);
      await fillSecret(this.password, password);
      await this.nextButton.click();
    }, { target: this.nextButton });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.password).toBeEditable();
  }

  async expectError(text: string) {
    await checkStep(`【STEP1】で「${text}」を確認`, () => expect(this.error).toHaveText(text));
  }
}
