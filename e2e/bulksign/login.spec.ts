/**
 * BS10 1-2: ID + password → the one-time password mail → OTP + [次へ] →
 * 署名用証明書セットアップ. No client certificate is involved.
 */
import { test, expect } from '../../fixtures';
import { bulkSign as t, mailSubjects } from '../../messages';
import { BulkSignOtpPage } from '../../pages/bulksign/otp-page';
import { SetupChoicePage } from '../../pages/bulksign/setup-choice-page';
import { logIn } from './journey';

test.describe('bulk e-signature login (BS10 1-2)', () => {
  test('ID and password, then the mailed one-time password, open 署名用証明書セットアップ @BS-LOGIN @MAIL-OTP @destructive', async ({ page, bulkSignUser: user, mailbox, admin }) => {
    const { otp, hasIntro, mail } = await logIn(page, user, mailbox);
    const otpPage = new BulkSignOtpPage(page);
    await expect(otpPage.sent).toHaveText(t.otpSent);

    await test.step('the OTP mail: sender domain, wording, a 6-digit one-time password', async () => {
      expect(mail.subject).toMatch(mailSubjects.otp);
      expect(mail.from).toMatch(/@pa\.e-kakushin\.com$/);
      expect(mail.to).toEqual([user.email]);
      expect(hasIntro).toBe(true);
      expect(/^\d{6}$/.test(otp.reveal()), 'six half-width digits').toBe(true);
    });

    await otpPage.submit(otp);
    await new SetupChoicePage(page).expectShown();
    const account = await admin.bulkSign(user.userId);
    expect(account).toMatchObject({ locked: false, passwordFailures: 0, otpFailures: 0 });
    expect((await admin.user(user.userId)).lastLoginAt).not.toBeNull();
  });
});
