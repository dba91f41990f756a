/**
 * The markup probe every form gets (catalogue F), checked by behaviour: had the page built
 * markup from what was typed, an image named "injected" would exist for the user (and a
 * screen reader); the typed text may show only as text. No id or selector of the mock.
 */
import { expect, type Page } from '@playwright/test';

export const INJECTED_NAME = 'injected';
export const MARKUP_PROBE = `<script>alert(1)</script><img src=x onerror=alert(2) alt=${INJECTED_NAME}>`;

/** No element was built from the typed markup (an injected script is caught by the dialog recorder). */
export async function expectNoInjectedElement(page: Page, message = 'an element built from typed markup') {
  await expect(page.getByRole('img', { name: INJECTED_NAME }), message).toHaveCount(0);
}
