/**
 * BS10 1-2: 「ユーザID・パスワードを一定回数間違えると、アカウントがロックされます。エラー画面が
 * 表示された場合はエラーコードとともに管理者へご連絡ください。」 The 一定回数 is the suite's named
 * decision PASSWORD_FAILURES_TO_LOCK (./rules.ts), not read from the mock.
 */
import { test, expect, Secret } from '../../fixtures';
import { bulkSign as t, input } from '../../messages';
import { BULK_SIGN_ERROR, PASSWORD_FAILURES_TO_LOCK } from './rules';
import { expectRightPasswordRefused, REFUSALS } from './journey';
import { BulkSignErrorPage } from '../../pages/bulksign/error-page';
import { BulkSignLoginPage } from '../../pages/bulksign/login-page';
import { BulkSignOtpPage } from '../../pages/bulksign/otp-page';

const WRONG = Secret.typed('wrong0Password', 'a wrong password');

test.describe('account lock (BS10 1-2)', () => {
  test(`${PASSWORD_FAILURES_TO_LOCK - 1} wrong passwords do not lock, and a success resets the count @BS-LOCK @destructive`, async ({ page, bulkSignUser: user, admin }) => {
    const login = new BulkSignLoginPage(page);
    await login.open(user.userMail.loginUrl);
    for (let i = 1; i < PASSWORD_FAILURES_TO_LOCK; i++) {
      await login.logIn(user.userId, WRONG);
      await login.expectError(input.loginFailed);
    }
    expect(await admin.bulkSign(user.userId)).toMatchObject({ locked: false, passwordFailures: PASSWORD_FAILURES_TO_LOCK - 1 });
    await login.logIn(user.userId, user.adminMail.password);
    await new BulkSignOtpPage(page).expectShown();
    expect(await admin.bulkSign(user.userId)).toMatchObject({ locked: false, passwordFailures: 0 });
  });

  test(`the ${PASSWORD_FAILURES_TO_LOCK}th wrong password in a row locks the account with an error code @BS-LOCK @destructive`, async ({ page, bulkSignUser: user, admin, mailbox }) => {
    const login = new BulkSignLoginPage(page);
    await login.open(user.userMail.loginUrl);
    for (let i = 1; i < PASSWORD_FAILURES_TO_LOCK; i++) {
      await login.logIn(user.userId, WRONG);
      // Each answer before the next try: five quick clicks could overtake each other.
      await login.expectError(input.loginFailed);
    }
    await login.logIn(user.userId, WRONG);
    const error = new BulkSignErrorPage(page);
    await error.expectErrorCode(BULK_SIGN_ERROR.locked, t.accountLocked);
    expect((await admin.bulkSign(user.userId)).locked).toBe(true);

    await expectRightPasswordRefused(page, user, mailbox, admin, REFUSALS.locked);
  });
});
