/** パスワード再通知 (login page → 「パスワードを忘れた方」; EG18/EG25 2-3). */
import { expect, type Locator, type Page } from '@playwright/test';
import { ebunsho as t } from '../../messages';
import { manualStep } from '../step';

export class PasswordReissuePage {
  readonly heading: Locator;
  readonly intro: Locator;
  readonly userId: Locator;
  readonly mailAddress: Locator;
  readonly notifyButton: Locator;
  readonly backLink: Locator;
  /** The EG-2-3 warning or a refusal. */
  readonly alert: Locator;
  readonly sent: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.reissueTitle, exact: true });
    this.intro = page.getByText(t.reissueIntro);
    this.userId = page.getByLabel(t.userIdLabel);
    this.mailAddress = page.getByLabel(t.mailAddressLabel);
    this.notifyButton = page.getByRole('button', { name: t.notify, exact: true });
    this.backLink = page.getByRole('link', { name: t.back, exact: true });
    this.alert = page.getByRole('alert');
    this.sent = page.getByRole('status').filter({ hasText: t.reissueSent });
  }

  async notify(userId: string, mailAddress: string) {
    await manualStep('ユーザID、メールアドレスを入力して「通知」をクリック', async () => {
      await this.userId.fill(userId);
      await this.mailAddress.fill(mailAddress);
      await this.notifyButton.click();
    }, { target: this.notifyButton });
  }

  async goBack() {
    await manualStep('「戻る」をクリック', () => this.backLink.click(), { target: this.backLink });
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.intro).toBeVisible();
    await expect(this.page.getByText(t.reissueIntro2)).toBeVisible();
    await expect(this.userId).toBeEditable();
    await expect(this.mailAddress).toBeEditable();
    await expect(this.notifyButton).toBeVisible();
    await expect(this.backLink).toBeVisible();
  }

  /** EG-2-3: the warning above the form, as on the guides' screenshot. */
  async expectNotLoggedInForAYear() {
    await expect(this.alert).toHaveText(t.notLoggedInForAYear);
    await expect(this.notifyButton).toBeVisible();
  }

  async expectSent() {
    await expect(this.sent).toBeVisible();
  }

  async expectRefused(text: string | RegExp) {
    await expect(this.alert).toHaveText(text);
    await expect(this.sent).toHaveCount(0);
  }
}
