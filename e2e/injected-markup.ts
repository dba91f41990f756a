/**
 * The markup probes every form gets (catalogue F), checked by behaviour: had the page built
 * markup from what was typed, an image named "injected" or a heading "XSS" would exist for
 * the user (and a screen reader), and the script in it would open a dialog (the dialog
 * recorder sees that). The typed text may show only as text. No id or selector of the mock.
 */
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/** For fields that take 64+ characters. */
export const MARKUP_PROBE = '<script>alert(1)</script><img src=x onerror=alert(2) alt=injected>';
/** For fields of 32 characters (ユーザID): a heading and a script in exactly 32. */
export const SHORT_MARKUP_PROBE = '<h6>XSS</h6><svg/onload=alert()>';

/** No element was built from either probe. */
export async function expectNoInjectedElement(page: Page, message = 'an element built from typed markup') {
  await expect(page.getByRole('img', { name: 'injected' }), message).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'XSS' }), message).toHaveCount(0);
}
