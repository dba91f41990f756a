/**
 * 「このサービスをご利用できません。」 with エラーコード 42 / 44 / 53 (EG18/EG25 2-2), and the
 * certificate-less entry ds-nc where 44 comes from. (46, the lock: lockout.spec.ts.)
 */
import { test, expect } from '../../fixtures';
import { input } from '../../messages';
import { ServiceErrorPage } from '../../pages/ebunsho/error-page';
import { LoginPage } from '../../pages/ebunsho/login-page';
import { ServiceTopPage } from '../../pages/ebunsho/service-top-page';
import { ProfilePage } from '../../pages/ebunsho/profile-page';
import { SigningMenuPage } from '../../pages/signing/signing-menu-page';

test.describe('エラーコード', () => {
  test('a user whose status the administrator set to invalid gets 42, with the right password too @EG-2-2-42 @destructive', async ({
    signedUpUser: { user, page },
    admin,
  }) => {
    await admin.update(user.userId, { status: 'invalid' });
    const login = new LoginPage(page);
    const error = new ServiceErrorPage(page);
    await login.open(user.registration.loginUrl);
    await login.logIn(user.userId, user.passwords.loginPassword);
    await error.expectErrorCode(42);
    await login.open(user.registration.loginUrl);
    await login.logIn(user.userId, user.passwords.loginPassword.withSuffix('x'));
    await error.expectErrorCode(42);
    expect(await admin.user(user.userId)).toMatchObject({ failedLogins: 0, lastLoginAt: null });

    await test.step('the administrator sets the status back: the login works', async () => {
      await admin.update(user.userId, { status: 'active' });
      await login.open(user.registration.loginUrl);
      await login.logIn(user.userId, user.passwords.loginPassword);
      await new ServiceTopPage(page).expectShown();
    });
  });

  test('a login before the certificate signup gets 53 @EG-2-2-53', async ({ onboardingUser: user, mintCertificate, openWithCertificate, admin }) => {
    const page = await openWithCertificate(await mintCertificate());
    const login = new LoginPage(page);
    await login.open(user.registration.loginUrl);
    await login.logIn(user.userId, user.passwords.loginPassword);
    await new ServiceErrorPage(page).expectErrorCode(53);
    expect(await admin.user(user.userId)).toMatchObject({ signedUp: false, lastLoginAt: null });
  });

  test('a signed-up user presenting another certificate than the one signed up gets 53 @EG-2-2-53', async ({
    signedUpUser: { user },
    mintCertificate,
    openWithCertificate,
    admin,
  }) => {
    const page = await openWithCertificate(await mintCertificate());
    const login = new LoginPage(page);
    await login.open(user.registration.loginUrl);
    await login.logIn(user.userId, user.passwords.loginPassword);
    await new ServiceErrorPage(page).expectErrorCode(53);
    expect((await admin.user(user.userId)).lastLoginAt).toBeNull();
  });

  test('a certificate-less user who opens the certificate login URL gets 44; at the ds-nc entry the login works @EG-2-2-44 @LOGIN-OK @destructive', async ({
    provisionUser,
    signedUpUser: colleague,
    page,
    admin,
  }) => {
    const user = await provisionUser({ kind: 'certless' });
    expect(new URL(user.registration.loginUrl).origin, 'the mail gives a certificate-less user the ds-nc entry').not.toBe(
      new URL(colleague.user.registration.loginUrl).origin,
    );

    await test.step('on a shared PC, the colleague\'s certificate opens the certificate login URL', async () => {
      const login = new LoginPage(colleague.page);
      await login.open(colleague.user.registration.loginUrl);
      await login.logIn(user.userId, user.passwords.loginPassword);
      await new ServiceErrorPage(colleague.page).expectErrorCode(44);
      expect((await admin.user(user.userId)).lastLoginAt).toBeNull();
    });

    await test.step('the login URL of the user\'s own mail (ds-nc), without any certificate', async () => {
      const login = new LoginPage(page);
      await login.open(user.registration.loginUrl);
      await login.logIn(user.userId, user.passwords.loginPassword.withSuffix('x'));
      await login.expectError(input.loginFailed);
      await login.logIn(user.userId, user.passwords.loginPassword);
      await new ServiceTopPage(page).expectShown();
      expect(await admin.user(user.userId)).toMatchObject({ failedLogins: 0, signedUp: false });
    });

    await test.step('at the certificate-less entry too, 本人情報 → 署名用証明書管理 opens the menu (not a 404)', async () => {
      const profile = new ProfilePage(page);
      await profile.open();
      await profile.openSigningCertificateMenu();
      await new SigningMenuPage(page).expectNoCertificate();
    });
  });

  test('a certificate user at the certificate-less entry gets 53, never 44 (44 is for certificate-less users only) @EG-2-2-44 @EG-2-2-53', async ({
    provisionUser,
    signedUpUser: { user },
    page,
    admin,
  }) => {
    const certless = await provisionUser({ kind: 'certless' });
    const login = new LoginPage(page);
    await login.open(certless.registration.loginUrl);
    await login.logIn(user.userId, user.passwords.loginPassword);
    await new ServiceErrorPage(page).expectErrorCode(53);
    expect((await admin.user(user.userId)).lastLoginAt).toBeNull();
  });
});
