/**
 * Catalogue F for the signing forms: the bad values every form gets, and the checks that
 * the page answered clearly — nothing the user typed became markup (no server error: the
 * failure guard, fixtures/guard.ts).
 */
import type { Page } from '@playwright/test';
import { expect, Secret } from '../../fixtures';
import { input, signing } from '../../messages';
import { dialogsOf } from '../../pages/dialogs';
import { expectNoInjectedElement, MARKUP_PROBE } from '../injected-markup';
import { randomPin } from './pins';

export const BAD_INPUT = {
  fullWidth: 'ＡＢＣ１２３',
  long: 'a1'.repeat(5_000),
  markup: MARKUP_PROBE,
  quotes: `'" \`--`,
} as const;

/** A PIN and its confirmation that a 暗証コード form must refuse, with the message it must give. */
export interface RefusedPin {
  name: string;
  pin: Secret;
  confirm: Secret;
  message: string;
}

/**
 * Catalogue F for a 暗証コード form whose rule is `min`–`max` half-width alphanumerics,
 * confirmed: one character too few and too many, full-width, a confirmation that differs or
 * is empty, empty, 10,000 characters, markup, quotes. `labels` are the form's own field names.
 * Bad input is typed as a Secret too (Secret.typed): a PIN field is only ever typed from one.
 */
export function refusedPins(labels: { newPin: string; confirmPin: string }, length: { min: number; max: number }): RefusedPin[] {
  const wrongLength = signing.pinLength(labels.newPin, length.min, length.max);
  const notAlnum = input.halfWidthAlnum(labels.newPin);
  const valid = () => randomPin(length.min + 2);
  const cases: { name: string; pin: Secret | string; confirm?: Secret | string; message: string }[] = [
    { name: `${length.min - 1} characters`, pin: randomPin(length.min - 1), message: wrongLength },
    { name: `${length.max + 1} characters`, pin: randomPin(length.max + 1), message: wrongLength },
    { name: 'full-width', pin: BAD_INPUT.fullWidth, message: notAlnum },
    { name: 'confirmation differs', pin: valid(), confirm: valid(), message: signing.pinMismatch(labels.newPin) },
    { name: 'empty', pin: '', message: input.required(labels.newPin) },
    { name: 'confirmation empty', pin: valid(), confirm: '', message: input.required(labels.confirmPin) },
    { name: '10,000 characters', pin: BAD_INPUT.long, message: wrongLength },
    { name: 'markup', pin: BAD_INPUT.markup, message: notAlnum },
    { name: 'quotes', pin: BAD_INPUT.quotes, message: notAlnum },
  ];
  return cases.map(({ name, pin, confirm = pin, message }) => ({ name, pin: Secret.typed(pin), confirm: Secret.typed(confirm), message }));
}

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
