/**
 * BS10 2-d: 「※暗証コードは、半角英数字6文字以上20文字以下で入力してください。」 and the
 * confirmation. Too short (5), too long (21), full-width, mismatched — and the rest of
 * catalogue F — are refused with a message and change nothing; 6 is accepted.
 */
import { test, expect, Secret } from '../../fixtures';
import { bulkSign as t, input } from '../../messages';
import { BulkSignPinDonePage } from '../../pages/bulksign/pin-done-page';
import { refusedPins, watchInjectedScript } from '../signing/bad-input';
import { randomPin } from '../signing/pins';
import { walkToPinRegistration } from './journey';
import { PIN_LENGTH } from './rules';

test.describe('署名用暗証コード rules (BS10 2-d)', () => {
  test('too short, too long, full-width, mismatched and other bad PINs are refused; 6 characters are accepted @BS-PIN-BAD @destructive', async ({
    page,
    bulkSignUser: user,
    mailbox,
    admin,
  }) => {
    const step2 = await walkToPinRegistration(page, user, mailbox, admin);
    const guard = watchInjectedScript(page);
    const mixed = Secret.typed('abc１２３');
    const cases = [
      ...refusedPins(t, PIN_LENGTH),
      { name: 'half- and full-width mixed', pin: mixed, confirm: mixed, message: input.halfWidthAlnum(t.newPin) },
    ];
    for (const c of cases) {
      await test.step(`refused: ${c.name}`, async () => {
        await step2.registerPin(c.pin, c.confirm);
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
    const step2 = await walkToPinRegistration(page, user, mailbox, admin);
    await step2.registerPin(randomPin(PIN_LENGTH.max));
    await new BulkSignPinDonePage(page).expectShown();
    expect((await admin.bulkSign(user.userId)).pinRegistered).toBe(true);
  });
});
