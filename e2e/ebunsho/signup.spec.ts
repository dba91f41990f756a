/**
 * エコ文書 サインアップ (IM12 3, TJK 2)): the signup URL from the registration mail, with the
 * client certificate, binds that certificate to the user — and every other outcome is clear
 * and binds nothing.
 */
import { test, expect, Secret } from '../../fixtures';
import { ebunsho as t, input } from '../../messages';
import { LoginPage } from '../../pages/ebunsho/login-page';
import { LoginCertificatePage } from '../../pages/ebunsho/login-cert-page';
import { ProfilePage } from '../../pages/ebunsho/profile-page';
import { ServiceTopPage } from '../../pages/ebunsho/service-top-page';
import { SignupPage } from '../../pages/ebunsho/signup-page';
import { SHORT_MARKUP_PROBE } from '../injected-markup';
import { BAD_ALNUM_VALUES, expectNothingInjected, recordDialogs, signupWithNewCertificate } from './support';

test.describe('サインアップ', () => {
  test('the signup binds the presented certificate to the user @SIGNUP-OK @destructive', async ({ onboardingUser: user, mintCertificate, openWithCertificate, admin }) => {
    const certificate = await mintCertificate();
    const page = await openWithCertificate(certificate);
    const signup = new SignupPage(page);
    await signup.open(user.registration.signupUrl);
    await signup.expectShown();
    await expect(page.getByText(t.signupIntro)).toBeVisible();
    expect((await admin.user(user.userId)).signedUp).toBe(false);

    await signup.signUp(user.userId, user.passwords.loginPassword);
    await signup.expectCompleted();
    const record = await admin.user(user.userId);
    expect(record.signedUp).toBe(true);
    expect(record.boundCertFingerprint).toBe(certificate.issued.fingerprint256);

    await test.step('「ログインへ」 leads to the login page, and 本人情報 shows the bound certificate', async () => {
      await signup.goToLogin();
      const login = new LoginPage(page);
      await login.expectShown();
      await login.logIn(user.userId, user.passwords.loginPassword);
      await new ServiceTopPage(page).expectShown();
      const profile = new ProfilePage(page);
      await profile.open();
      await profile.openLoginCertificate();
      await new LoginCertificatePage(page).expectCertificate(certificate.issued);
    });
  });

  test('a signup URL whose cd names nobody is refused clearly @SIGNUP-OK @destructive', async ({ onboardingUser: user, mintCertificate, openWithCertificate }) => {
    const page = await openWithCertificate(await mintCertificate());
    const dialogs = recordDialogs(page);
    const signup = new SignupPage(page);
    for (const cd of ['000000000000', SHORT_MARKUP_PROBE, `"'><b>x</b>`]) {
      const url = new URL(user.registration.signupUrl);
      url.searchParams.set('cd', cd);
      const response = await page.goto(url.href);
      expect(response?.status()).toBe(404);
      await signup.expectError(input.invalidLink);
      await expect(signup.signupButton).toHaveCount(0);
      await expectNothingInjected(page, dialogs);
    }
  });

  test('a wrong password or another ID binds nothing; the wrong password counts towards the lock @SIGNUP-OK @destructive', async ({
    onboardingUser: user,
    provisionUser,
    mintCertificate,
    openWithCertificate,
    admin,
  }) => {
    const signup = await signupWithNewCertificate({ mintCertificate, openWithCertificate }, user.registration.signupUrl);
    await signup.signUp(user.userId, user.passwords.loginPassword.withSuffix('x'));
    await signup.expectError(input.loginFailed);
    expect(await admin.user(user.userId)).toMatchObject({ signedUp: false, failedLogins: 1 });

    const other = await provisionUser();
    await signup.signUp(other.userId, other.passwords.loginPassword);
    await signup.expectError(input.loginFailed);
    expect(await admin.user(user.userId)).toMatchObject({ signedUp: false });
    expect(await admin.user(other.userId)).toMatchObject({ signedUp: false, failedLogins: 0 });

    await signup.signUp(user.userId, user.passwords.loginPassword);
    await signup.expectCompleted();
    expect(await admin.user(user.userId)).toMatchObject({ signedUp: true, failedLogins: 0 });
  });

  test("a certificate already bound to another user is refused; nothing is rebound @SIGNUP-OK @destructive", async ({ signedUpUser, provisionUser, admin }) => {
    const other = await provisionUser();
    const signup = new SignupPage(signedUpUser.page);
    await signup.open(other.registration.signupUrl);
    await signup.signUp(other.userId, other.passwords.loginPassword);
    await signup.expectError(t.certificateInUse);
    expect(await admin.user(other.userId)).toMatchObject({ signedUp: false });
    expect((await admin.user(signedUpUser.user.userId)).boundCertFingerprint).toBe(signedUpUser.certificate.issued.fingerprint256);
  });

  test('a second signup, with the same or another certificate, is refused and keeps the first binding @SIGNUP-OK @destructive', async ({
    signedUpUser: { user, page, certificate },
    mintCertificate,
    openWithCertificate,
    admin,
  }) => {
    const again = new SignupPage(page);
    await again.open(user.registration.signupUrl);
    await again.signUp(user.userId, user.passwords.loginPassword);
    await again.expectError(t.alreadySignedUp);

    const elsewhere = await signupWithNewCertificate({ mintCertificate, openWithCertificate }, user.registration.signupUrl);
    await elsewhere.signUp(user.userId, user.passwords.loginPassword);
    await elsewhere.expectError(t.alreadySignedUp);
    expect((await admin.user(user.userId)).boundCertFingerprint).toBe(certificate.issued.fingerprint256);
  });

  test('bad input on the signup form gets a clear message and changes nothing @SIGNUP-OK @destructive', async ({
    onboardingUser: user,
    mintCertificate,
    openWithCertificate,
    admin,
  }) => {
    const page = await openWithCertificate(await mintCertificate());
    const dialogs = recordDialogs(page);
    const signup = new SignupPage(page);
    await signup.open(user.registration.signupUrl);
    for (const bad of BAD_ALNUM_VALUES) {
      await test.step(`ユーザID: ${bad.name}`, async () => {
        await signup.signUp(bad.value, user.passwords.loginPassword);
        await signup.expectError(bad.message(t.userIdLabel));
        await expectNothingInjected(page, dialogs, { locator: signup.userId, value: bad.value });
      });
      await test.step(`パスワード: ${bad.name}`, async () => {
        await signup.signUp(user.userId, Secret.typed(bad.value));
        await signup.expectError(bad.message(t.passwordLabel));
        await expectNothingInjected(page, dialogs);
      });
    }
    expect(await admin.user(user.userId)).toMatchObject({ signedUp: false, failedLogins: 0, locked: false });
  });
});
