/**
 * A real paste: the text goes to the browser's clipboard and Ctrl+V (⌘V on a Mac) is
 * pressed in the field, so the page's own paste handling is what decides — exactly what a
 * user copying a PIN from elsewhere meets. The value is revealed only to the clipboard.
 */
import type { Locator } from '@playwright/test';
import type { Secret } from '../../fixtures/secret';

export async function pasteInto(field: Locator, text: Secret): Promise<void> {
  const page = field.page();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate((value) => navigator.clipboard.writeText(value), text.reveal());
  await field.focus();
  await page.keyboard.press('ControlOrMeta+V');
}
