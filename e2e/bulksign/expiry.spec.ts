/** BS10 1-1 ログイン有効期限: before it the login works; after it (user clock) it is refused. */
import { test, expect } from '../../fixtures';
import { bulkSign as t } from '../../messages';
import { ebunshoRegistrationSentinel, mailsBeforeSentinel } from '../mail-sentinel';
import { BULK_SIGN_ERROR } from './rules';
import { BulkSignErrorPage } from '../../pages/bulksign/error-page';
import { BulkSignLoginPage } from '../../pages/bulksign/login-page';
import { logIn } from './journey';

test.describe('ログイン有効期限 (BS10 1-1)', () => {
  test('a login a minute before the expiry works, a minute after it is refused @BS-EXPIRED @destructive', async ({ page, bulkSignUser: user, admin, mailbox }) => {
    const { loginExpiresAt } = await admin.bulkSign(user.userId);
    await admin.advanceClockTo(user.userId, loginExpiresAt, -60_000);
    await logIn(page, user, mailbox);

    await admin.clock(user.userId, { advanceMs: 2 * 60_000 });
    const login = new BulkSignLoginPage(page);
    await login.open(user.userMail.loginUrl);
    const before = await mailbox.lastId(user.email);
    await login.logIn(user.userId, user.adminMail.password);
    await new BulkSignErrorPage(page).expectErrorCode(BULK_SIGN_ERROR.expired, t.loginExpired);
    const sent = await mailsBeforeSentinel(mailbox, user.email, before, ebunshoRegistrationSentinel(admin, user.email));
    expect(sent.map((mail) => mail.subject), 'no OTP mail after the expiry').toEqual([]);
    expect((await admin.bulkSign(user.userId)).locked).toBe(false);
  });
});
