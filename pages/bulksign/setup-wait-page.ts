/**
 * 署名用証明書セットアップ: 「次の画面が表示されるまでお待ちください。」 (BS10 2-c). The page
 * moves on by itself when the certificate is ready; the preparation runs on the user's
 * mock clock, so a spec moves that clock instead of waiting.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { bulkSign as t } from '../../messages';
import { manualStep } from '../step';

export class SetupWaitPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: t.setupTitle, exact: true });
    this.status = page.getByRole('status');
    this.progress = page.getByRole('progressbar', { name: t.preparing });
  }

  /** The visible progress state while the certificate is prepared. */
  async expectPreparing() {
    await manualStep('次の画面が表示されるまでお待ちください (署名用証明書を準備中)', async () => {
      await expect(this.heading).toBeVisible();
      await expect(this.status).toContainText(t.waitNotice);
      await expect(this.status).toContainText(t.waitNoticeDetail);
      await expect(this.status).toHaveAttribute('aria-busy', 'true');
      await expect(this.progress).toBeVisible();
    }, { target: this.progress });
  }
}
