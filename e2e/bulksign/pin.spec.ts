/**
 * BS10 2-d: 「※暗証コードは、半角英数字6文字以上20文字以下で入力してください。」 and the
 * confirmation. Too short (5), too long (21), full-width, mismatched — and the rest of
 * catalogue F — are refused with a message and change nothing; 6 is accepted.
 */
import { test, expect } from '../../fixtures';
import { Secret } from '../../fixtures/secret';
import { bulkSign as t, input, signing } from '../../messages';
import { BulkSignPinDonePage } from '../../pages/bulksign/pin-done-page';
import { BAD_INPUT, watchInjectedScript } from '../signing/bad-input';
import { randomPin } from '../signing/pins';
import { reachStep2 } from './journey';
import { PIN_LENGTH } from './rules';

test.describe('署名用暗証コード rules (BS10 2-d)', () => {
  test('too short, too long, full-width, mismatched and other bad PINs are refused; 6 characters are accepted @BS-PIN-BAD @destructive', async ({
    page,
    bulkSignUser: user,
    mailbox,
    admin,
  }) => {
    const step2 = await reachStep2(page, user, mailbox, admin);
    const guard = watchInjectedScript(page);
    const length = signing.pinLength(t.newPin, PIN_LENGTH.min, PIN_LENGTH.max);
    const cases: { name: string; pin: Secret | string; confirm?: Secret | string; message: string }[] = [
      { name: `${PIN_LENGTH.min - 1} characters`, pin: randomPin(PIN_LENGTH.min - 1), message: length },
      { name: `${PIN_LENGTH.max + 1} characters`, pin: randomPin(PIN_LENGTH.max + 1), message: length },
      { name: 'full-width', pin: BAD_INPUT.fullWidth, message: input.halfWidthAlnum(t.newPin) },
      { name: 'half- and full-width mixed', pin: 'abc１２３', message: input.halfWidthAlnum(t.newPin) },
      { name: 'confirmation differs', pin: randomPin(10), confirm: randomPin(10), message: signing.pinMismatch(t.newPin) },
      { name: 'empty', pin: '', message: input.required(t.newPin) },
      { name: 'confirmation empty', pin: randomPin(10), confirm: '', message: input.required(t.confirmPin) },
      { name: '10,000 characters', pin: BAD_INPUT.long, message: length },
      { name: 'markup', pin: BAD_INPUT.markup, message: input.halfWidthAlnum(t.newPin) },
      { name: 'quotes', pin: BAD_INPUT.quotes, message: input.halfWidthAlnum(t.newPin) },
    ];
    for (const c of cases) {
      await test.step(`refused: ${c.name}`, async () => {
        await step2.registerPin(Secret.typed(c.pin), Secret.typed(c.confirm ?? c.pin));
        await step2.expectRefused(c.message);
        expect((await admin.bulkSign(user.userId)).pinRegistered).toBe(false);
      });
    }
    await guard.expectClean();

    await step2.registerPin(randomPin(PIN_LENGTH.min));
    await new BulkSignPinDonePage(page).expectShown();
    expect((await admin.bulkSign(user.userId)).pinRegistered).toBe(true);
  });

  test('20 characters are accepted @BS-PIN-BAD @destructive', async ({ page, bulkSignUser: user, mailbox, admin }) => {
    const step2 = await reachStep2(page, user, mailbox, admin);
    await step2.registerPin(randomPin(PIN_LENGTH.max));
    await new BulkSignPinDonePage(page).expectShown();
    expect((await admin.bulkSign(user.userId)).pinRegistered).toBe(true);
  });
});
