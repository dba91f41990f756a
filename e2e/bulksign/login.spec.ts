/**
 * BS10 1-2: ID + password → the one-time password mail → OTP + [次へ] →
 * 署名用証明書セットアップ. No client certificate is involved.
 */
import { test, expect } from '../../fixtures';
import { bulkSign as t } from '../../messages';
import { BulkSignOtpPage } from '../../pages/bulksign/otp-page';
import { SetupChoicePage } from '../../pages/bulksign/setup-choice-page';
import { ebunshoRegistrationSentinel, mailsBeforeSentinel } from '../mail-sentinel';
import { BULK_SIGN_SENDER } from '../mail-rules';
import { logIn } from './journey';

test.describe('bulk e-signature login (BS10 1-2)', () => {
  test('ID and password, then the mailed one-time password, open 署名用証明書セットアップ @BS-LOGIN @MAIL-OTP @destructive', async ({ page, bulkSignUser: user, mailbox, admin }) => {
    const before = await mailbox.lastId(user.email);
    const { otp, hasIntro, mail } = await logIn(page, user, mailbox);
    const otpPage = new BulkSignOtpPage(page);
    await expect(otpPage.sent).toHaveText(t.otpSent);

    await test.step('the OTP mail: sender domain, wording, a 6-digit one-time password', async () => {
      // Found by subject and recipient: what is asserted is what that does not imply.
      expect(mail.from).toMatch(BULK_SIGN_SENDER);
      expect(hasIntro).toBe(true);
      expect(/^\d{6}$/.test(otp.reveal()), 'six half-width digits').toBe(true);
    });

    await test.step('one login, one OTP mail', async () => {
      const sent = await mailsBeforeSentinel(mailbox, user.email, before, ebunshoRegistrationSentinel(admin, user.email));
      expect(sent.map((s) => s.id)).toEqual([mail.id]);
    });

    await otpPage.submit(otp);
    await new SetupChoicePage(page).expectShown();
    const account = await admin.bulkSign(user.userId);
    expect(account).toMatchObject({ locked: false, passwordFailures: 0, otpFailures: 0 });
    expect((await admin.user(user.userId)).lastLoginAt).not.toBeNull();
  });
});
