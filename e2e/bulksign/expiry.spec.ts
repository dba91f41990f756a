/** BS10 1-1 ログイン有効期限: before it the login works; after it (user clock) it is refused. */
import { test, expect } from '../../fixtures';
import { expectRightPasswordRefused, logIn, REFUSALS } from './journey';

test.describe('ログイン有効期限 (BS10 1-1)', () => {
  test('a login a minute before the expiry works, a minute after it is refused @BS-EXPIRED @destructive', async ({ page, bulkSignUser: user, admin, mailbox }) => {
    const { loginExpiresAt } = await admin.bulkSign(user.userId);
    await admin.advanceClockTo(user.userId, loginExpiresAt, -60_000);
    await logIn(page, user, mailbox);

    await admin.clock(user.userId, { advanceMs: 2 * 60_000 });
    await expectRightPasswordRefused(page, user, mailbox, admin, REFUSALS.expired);
    expect((await admin.bulkSign(user.userId)).locked).toBe(false);
  });
});
