/**
 * エラーコード 46 (EG18/EG25 2-2): "パスワードを6回続けて間違えますと、ユーザ ID がロックして"
 * (IM12 1; TJK 3): 連続6回). Exactly the 6th consecutive wrong password locks; a success before it
 * starts the count again; a locked ID stays locked with the right password until the
 * administrator unlocks it. The count is the documented one (lockout-rule.ts), not the mock's.
 */
import { test, expect, Secret, type MockAdmin } from '../../fixtures';
import { ebunsho as t, input } from '../../messages';
import { ServiceErrorPage } from '../../pages/ebunsho/error-page';
import { LoginPage } from '../../pages/ebunsho/login-page';
import { PasswordChangePage } from '../../pages/ebunsho/password-change-page';
import { ProfilePage } from '../../pages/ebunsho/profile-page';
import { ServiceTopPage } from '../../pages/ebunsho/service-top-page';
import { DOCUMENTED_LOCK_AFTER } from './lockout-rule';
import { signupWithNewCertificate } from './support';

/** Wrong passwords `from`..`to` (consecutive numbers, all before the documented lock): each refused. */
async function refusedLogins(login: LoginPage, admin: MockAdmin, userId: string, password: Secret, from: number, to: number) {
  for (let attempt = from; attempt <= to; attempt++) {
    await test.step(`wrong password ${attempt}`, async () => {
      await login.logIn(userId, password.withSuffix('x'));
      await login.expectError(input.loginFailed);
      expect(await admin.user(userId)).toMatchObject({ failedLogins: attempt, locked: false });
    });
  }
}

/** Wrong passwords from the first: refused up to the documented count, which locks (46). */
async function failLoginsUntilLocked(login: LoginPage, admin: MockAdmin, userId: string, password: Secret) {
  await refusedLogins(login, admin, userId, password, 1, DOCUMENTED_LOCK_AFTER - 1);
  await test.step(`wrong password ${DOCUMENTED_LOCK_AFTER}`, async () => {
    await login.logIn(userId, password.withSuffix('x'));
    await new ServiceErrorPage(login.page).expectErrorCode(46);
    expect(await admin.user(userId)).toMatchObject({ locked: true });
    await login.open(login.page.url());
  });
}

test.describe('ロック (エラーコード 46)', () => {
  test('exactly the 6th consecutive wrong password locks; then the right password gets 46 too @EG-2-2-46 @destructive', async ({
    signedUpUser: { user, page },
    admin,
  }) => {
    const login = new LoginPage(page);
    await login.open(user.registration.loginUrl);
    const password = user.passwords.loginPassword;
    await refusedLogins(login, admin, user.userId, password, 1, DOCUMENTED_LOCK_AFTER - 1);
    await test.step(`wrong password ${DOCUMENTED_LOCK_AFTER}`, async () => {
      await login.logIn(user.userId, password.withSuffix('x'));
      await new ServiceErrorPage(page).expectErrorCode(46);
      expect(await admin.user(user.userId)).toMatchObject({ locked: true });
    });
    await test.step('the right password on a locked ID', async () => {
      await login.open(user.registration.loginUrl);
      await login.logIn(user.userId, user.passwords.loginPassword);
      await new ServiceErrorPage(page).expectErrorCode(46);
      expect((await admin.user(user.userId)).lastLoginAt).toBeNull();
    });
  });

  test('a successful login before the 6th starts the count again @EG-2-2-46 @destructive', async ({ signedUpUser: { user, page }, admin }) => {
    const login = new LoginPage(page);
    const top = new ServiceTopPage(page);
    const password = user.passwords.loginPassword;
    await login.open(user.registration.loginUrl);
    await refusedLogins(login, admin, user.userId, password, 1, DOCUMENTED_LOCK_AFTER - 1);
    await login.logIn(user.userId, user.passwords.loginPassword);
    await top.expectShown();
    expect((await admin.user(user.userId)).failedLogins).toBe(0);
    await top.logOut();
    // Counted from 1 again: five more are refused, the sixth of these locks.
    await failLoginsUntilLocked(login, admin, user.userId, password);
  });

  test('the administrator unlocks the ID: the right password logs in again @EG-2-2-46 @destructive', async ({ signedUpUser: { user, page }, admin }) => {
    const login = new LoginPage(page);
    await login.open(user.registration.loginUrl);
    await failLoginsUntilLocked(login, admin, user.userId, user.passwords.loginPassword);
    expect(await admin.update(user.userId, { locked: false })).toMatchObject({ locked: false, failedLogins: 0 });
    await login.logIn(user.userId, user.passwords.loginPassword);
    await new ServiceTopPage(page).expectShown();
  });

  test('wrong passwords at signup count too (IM12 1: サインアップ uses the password) @EG-2-2-46 @SIGNUP-OK @destructive', async ({
    onboardingUser: user,
    mintCertificate,
    openWithCertificate,
    admin,
  }) => {
    const signup = await signupWithNewCertificate({ mintCertificate, openWithCertificate }, user.registration.signupUrl);
    const page = signup.page;
    for (let attempt = 1; attempt < DOCUMENTED_LOCK_AFTER; attempt++) {
      await signup.signUp(user.userId, user.passwords.loginPassword.withSuffix('x'));
      await signup.expectError(input.loginFailed);
    }
    await signup.signUp(user.userId, user.passwords.loginPassword.withSuffix('x'));
    await new ServiceErrorPage(page).expectErrorCode(46);
    await signup.open(user.registration.signupUrl);
    await signup.signUp(user.userId, user.passwords.loginPassword);
    await new ServiceErrorPage(page).expectErrorCode(46);
    expect(await admin.user(user.userId)).toMatchObject({ locked: true, signedUp: false });
  });

  test('wrong current passwords at パスワード変更 count too: the 6th locks and ends the session @EG-2-2-46 @PW-CHANGE @destructive', async ({
    loggedInUser: { user, page },
    admin,
  }) => {
    const profile = new ProfilePage(page);
    await profile.open();
    await profile.openPasswordChange();
    const change = new PasswordChangePage(page);
    for (let attempt = 1; attempt < DOCUMENTED_LOCK_AFTER; attempt++) {
      await change.change(user.passwords.loginPassword.withSuffix('x'), Secret.typed('abcd1234'));
      await change.expectRefused(t.currentPasswordWrong);
    }
    await change.change(user.passwords.loginPassword.withSuffix('x'), Secret.typed('abcd1234'));
    await new ServiceErrorPage(page).expectErrorCode(46);
    expect(await admin.user(user.userId)).toMatchObject({ locked: true, mustChangePassword: true });
    // The session is gone with the lock.
    await page.goto(new URL('/ebunsho/ServiceTop.do', page.url()).href);
    await new LoginPage(page).expectShown();
  });
});
