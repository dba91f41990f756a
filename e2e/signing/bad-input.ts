/**
 * Catalogue F for the signing forms: the bad values every form gets, and the checks that
 * the page answered clearly — nothing the user typed became markup (no server error: the
 * failure guard, fixtures/guard.ts).
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

/**
 * From now on: no dialog opened by injected script, no injected element. (Server errors are
 * the failure guard's, for every test: fixtures/guard.ts.)
 */
export function watchInjectedScript(page: Page) {
  // The recorder answers dialogs too: an injected alert() would show up there.
  dialogsOf(page);
  return {
    async expectClean() {
      expect(dialogsOf(page).seen, 'dialogs opened by injected script').toEqual([]);
      await expectNoInjectedElement(page);
    },
  };
}
