/**
 * OTP ↔ login attempt, both ways (issue 10 §6): BS10 1-2 d-e send the one-time password
 * for the login just made. One user's OTP does not complete another user's login (and is
 * counted there as a wrong answer), nor the reverse; each attempt's own OTP still works.
 * (An earlier attempt of the same user: otp.spec.ts.)
 */
import { test, expect } from '../../fixtures';
import { bulkSign as t } from '../../messages';
import { BulkSignOtpPage } from '../../pages/bulksign/otp-page';
import { SetupChoicePage } from '../../pages/bulksign/setup-choice-page';
import { logIn } from './journey';

test("one user's OTP does not complete another user's login, either way @BS-OTP-BAD @destructive", async ({
  page,
  browser,
  bulkSignUser: a,
  provisionBulkSignUser,
  mailbox,
  admin,
}) => {
  const b = await provisionBulkSignUser();
  const bContext = await browser.newContext();
  try {
    const bPage = await bContext.newPage();
    const aOtp = (await logIn(page, a, mailbox)).otp;
    const bOtp = (await logIn(bPage, b, mailbox)).otp;
    test.skip(aOtp.reveal() === bOtp.reveal(), 'the two random OTPs happen to be equal (1 in 10^6)');

    await test.step("A's OTP on B's attempt", async () => {
      const otpPage = new BulkSignOtpPage(bPage);
      await otpPage.submit(aOtp);
      await otpPage.expectError(t.otpWrong);
      expect((await admin.bulkSign(b.userId)).otpFailures).toBe(1);
    });
    await test.step("B's OTP on A's attempt", async () => {
      const otpPage = new BulkSignOtpPage(page);
      await otpPage.submit(bOtp);
      await otpPage.expectError(t.otpWrong);
      expect((await admin.bulkSign(a.userId)).otpFailures).toBe(1);
    });
    await test.step('each attempt still takes its own OTP', async () => {
      await new BulkSignOtpPage(page).submit(aOtp);
      await new SetupChoicePage(page).expectShown();
      await new BulkSignOtpPage(bPage).submit(bOtp);
      await new SetupChoicePage(bPage).expectShown();
    });
  } finally {
    await bContext.close();
  }
});
