/**
 * BS10 1-2 d-e and its lock rule: a one-time password is refused when wrong, when used
 * again, when it belongs to an earlier login, and once OTP_TTL_MS have passed on the user's
 * clock; OTP_FAILURES_TO_LOCK wrong ones in a row lock the account with an error code.
 * The thresholds are the suite's named decisions (BS10: 一定回数), written in ./rules.ts.
 */
import { test, expect, Secret } from '../../fixtures';
import { bulkSign as t, input } from '../../messages';
import { BULK_SIGN_ERROR, OTP_FAILURES_TO_LOCK, OTP_TTL_MS } from './rules';
import { BulkSignErrorPage } from '../../pages/bulksign/error-page';
import { BulkSignLoginPage } from '../../pages/bulksign/login-page';
import { BulkSignOtpPage } from '../../pages/bulksign/otp-page';
import { SetupChoicePage } from '../../pages/bulksign/setup-choice-page';
import { BAD_INPUT, watchInjectedScript } from '../signing/bad-input';
import { expectRightPasswordRefused, logIn, REFUSALS } from './journey';

/** A well-formed OTP that is not `otp`. */
const otherThan = (otp: Secret) => new Secret(otp.reveal() === '000000' ? '000001' : '000000', 'wrong OTP');

test.describe('one-time password (BS10 1-2)', () => {
  test('a wrong OTP is refused and counted; the right one still works and resets the count @BS-OTP-BAD @destructive', async ({ page, bulkSignUser: user, mailbox, admin }) => {
    const { otp } = await logIn(page, user, mailbox);
    const otpPage = new BulkSignOtpPage(page);
    await otpPage.submit(otherThan(otp));
    await otpPage.expectError(t.otpWrong);
    expect((await admin.bulkSign(user.userId)).otpFailures).toBe(1);
    await otpPage.submit(otp);
    await new SetupChoicePage(page).expectShown();
    expect((await admin.bulkSign(user.userId)).otpFailures).toBe(0);
  });

  test('a used OTP is refused, also through the browser\'s Back @BS-OTP-BAD @destructive', async ({ page, bulkSignUser: user, mailbox }) => {
    const { otp } = await logIn(page, user, mailbox);
    const otpPage = new BulkSignOtpPage(page);
    await otpPage.submit(otp);
    await new SetupChoicePage(page).expectShown();
    await test.step('ブラウザの「戻る」で同じワンタイムパスワードをもう一度入力', async () => {
      await page.goBack();
      await otpPage.expectShown();
    });
    await otpPage.submit(otp);
    await new BulkSignLoginPage(page).expectError(t.otpUsed);
  });

  test("an earlier login's OTP is refused for the next login @BS-OTP-BAD @destructive", async ({ page, bulkSignUser: user, mailbox }) => {
    const first = await logIn(page, user, mailbox);
    const second = await logIn(page, user, mailbox);
    expect(second.otp.reveal() === first.otp.reveal(), 'each login gets its own OTP').toBe(false);
    const otpPage = new BulkSignOtpPage(page);
    await otpPage.submit(first.otp);
    await otpPage.expectError(t.otpWrong);
    await otpPage.submit(second.otp);
    await new SetupChoicePage(page).expectShown();
  });

  test(`an OTP ${OTP_TTL_MS / 60_000} minutes old (user clock) is refused; a second earlier it is accepted @BS-OTP-BAD @destructive`, async ({
    page,
    bulkSignUser: user,
    mailbox,
    admin,
  }) => {
    // A stopped clock makes "exactly ten minutes" exact.
    await admin.clock(user.userId, { set: (await admin.user(user.userId)).clock.now, freeze: true });
    const late = await logIn(page, user, mailbox);
    await admin.clock(user.userId, { advanceMs: OTP_TTL_MS });
    await new BulkSignOtpPage(page).submit(late.otp);
    await new BulkSignLoginPage(page).expectError(t.otpExpired);
    expect((await admin.bulkSign(user.userId)).otpFailures, 'an expired OTP is not a guess').toBe(0);

    const inTime = await logIn(page, user, mailbox);
    await admin.clock(user.userId, { advanceMs: OTP_TTL_MS - 1_000 });
    await new BulkSignOtpPage(page).submit(inTime.otp);
    await new SetupChoicePage(page).expectShown();
  });

  test(`${OTP_FAILURES_TO_LOCK} wrong OTPs in a row lock the account with an error code @BS-OTP-BAD @destructive`, async ({ page, bulkSignUser: user, mailbox, admin }) => {
    const { otp } = await logIn(page, user, mailbox);
    const otpPage = new BulkSignOtpPage(page);
    for (let i = 1; i < OTP_FAILURES_TO_LOCK; i++) {
      await otpPage.submit(otherThan(otp));
      await otpPage.expectError(t.otpWrong);
    }
    expect((await admin.bulkSign(user.userId)).locked).toBe(false);
    await otpPage.submit(otherThan(otp));
    const error = new BulkSignErrorPage(page);
    await error.expectErrorCode(BULK_SIGN_ERROR.locked, t.accountLocked);
    expect((await admin.bulkSign(user.userId)).locked).toBe(true);

    await test.step('the right password does not get past the lock', () => expectRightPasswordRefused(page, user, mailbox, admin, REFUSALS.locked));
  });

  test('malformed OTPs get a clear message and count for nothing @BS-OTP-BAD @destructive', async ({ page, bulkSignUser: user, mailbox, admin }) => {
    const { otp } = await logIn(page, user, mailbox);
    const guard = watchInjectedScript(page);
    const otpPage = new BulkSignOtpPage(page);
    for (const [name, value, message] of [
      ['empty', '', input.required(t.otpLabel)],
      ['full-width digits', '１２３４５６', t.otpFormat],
      ['five digits', '12345', t.otpFormat],
      ['10,000 characters', BAD_INPUT.long, t.otpFormat],
      ['markup', BAD_INPUT.markup, t.otpFormat],
      ['quotes', BAD_INPUT.quotes, t.otpFormat],
    ] as const) {
      await test.step(`refused: ${name}`, async () => {
        await otpPage.submit(Secret.typed(value));
        await otpPage.expectError(message);
      });
    }
    await guard.expectClean();
    expect(await admin.bulkSign(user.userId)).toMatchObject({ otpFailures: 0, locked: false });
    await otpPage.submit(otp);
    await new SetupChoicePage(page).expectShown();
  });
});
