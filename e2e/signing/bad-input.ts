/**
 * Catalogue F for the signing forms: the bad values every form gets, and the checks that
 * the page answered clearly — no server error, nothing the user typed became markup.
 */
import { expect, type Page } from '@playwright/test';
import { dialogsOf } from '../../pages/dialogs';
import { expectNoInjectedElement, MARKUP_PROBE } from '../injected-markup';

export const BAD_INPUT = {
  fullWidth: 'ＡＢＣ１２３',
  long: 'a1'.repeat(5_000),
  markup: MARKUP_PROBE,
  quotes: `'" \`--`,
} as const;

/** Records the status of every page and form response from now on. */
export function watchServerErrors(page: Page) {
  const seen: { method: string; status: number; path: string }[] = [];
  // The recorder answers dialogs too: an injected alert() would show up there.
  dialogsOf(page);
  page.on('response', (res) => {
    const req = res.request();
    if (req.resourceType() === 'document' || req.method() !== 'GET')
      seen.push({ method: req.method(), status: res.status(), path: new URL(res.url()).pathname });
  });
  return {
    async expectClean() {
      expect(seen.filter((s) => s.status >= 500), 'server errors').toEqual([]);
      expect(dialogsOf(page).seen, 'dialogs opened by injected script').toEqual([]);
      await expectNoInjectedElement(page);
    },
  };
}
