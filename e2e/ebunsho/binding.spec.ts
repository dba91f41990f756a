/**
 * Binding both ways (issue 10 §6): the certificate bound at signup identifies its one user.
 * IM12 §3 / TJK ② bind the certificate presented at サインアップ to the user; EG 2-2 53
 * (「証明書のサインアップが完了していません。」) is what a login gets whose certificate is not
 * the user's. So a certificate bound to user B opens neither user A's login nor A's signup,
 * and A's own certificate does not open B's — while each user's own certificate still works
 * (the positive control that makes the refusals mean something).
 */
import { test as base, expect, type OnboardingUser, type SignedUpUser } from '../../fixtures';
import { ebunsho as t } from '../../messages';
import { LoginPage } from '../../pages/ebunsho/login-page';
import { ServiceErrorPage } from '../../pages/ebunsho/error-page';
import { ServiceTopPage } from '../../pages/ebunsho/service-top-page';
import { SignupPage } from '../../pages/ebunsho/signup-page';

/** User B beside the signed-up user A: provisioned (not signed up), with a certificate of its own in a browser of its own. */
interface UserB {
  user: OnboardingUser;
  certificate: SignedUpUser['certificate'];
  page: SignedUpUser['page'];
}

/** Both tests arrange A and B the same way; B is provisioned after A, as the tests read. */
const test = base.extend<{ userB: UserB }>({
  userB: async ({ provisionUser, mintCertificate, openWithCertificate }, use) => {
    const user = await provisionUser();
    const certificate = await mintCertificate();
    await use({ user, certificate, page: await openWithCertificate(certificate) });
  },
});

test.describe('certificate ↔ user, both ways', () => {
  test("a certificate bound to one user opens no other user's login, either way @EG-2-2-53 @LOGIN-OK @destructive", async ({
    signedUpUser: a,
    userB,
    admin,
  }) => {
    const { user: b, page: bPage } = userB;
    await test.step('B signs up with a certificate of its own', async () => {
      const signup = new SignupPage(bPage);
      await signup.open(b.registration.signupUrl);
      await signup.signUp(b.userId, b.passwords.loginPassword);
      await signup.expectCompleted();
    });

    await test.step("B's certificate with A's ID and password", async () => {
      const login = new LoginPage(bPage);
      await login.open(a.user.registration.loginUrl);
      await login.logIn(a.user.userId, a.user.passwords.loginPassword);
      await new ServiceErrorPage(bPage).expectErrorCode(53);
      expect((await admin.user(a.user.userId)).lastLoginAt, 'A was not logged in').toBeNull();
    });

    await test.step("A's certificate with B's ID and password", async () => {
      const login = new LoginPage(a.page);
      await login.open(b.registration.loginUrl);
      await login.logIn(b.userId, b.passwords.loginPassword);
      await new ServiceErrorPage(a.page).expectErrorCode(53);
      expect((await admin.user(b.userId)).lastLoginAt, 'B was not logged in').toBeNull();
    });

    await test.step('each certificate still opens its own user', async () => {
      for (const [page, user] of [[a.page, a.user], [bPage, b]] as const) {
        const login = new LoginPage(page);
        await login.open(user.registration.loginUrl);
        await login.logIn(user.userId, user.passwords.loginPassword);
        await new ServiceTopPage(page).expectShown();
      }
      expect((await admin.user(a.user.userId)).boundCertFingerprint).toBe(a.certificate.issued.fingerprint256);
    });
  });

  test("at signup, a certificate bound to one user cannot be bound to another, and the other's own certificate still can @SIGNUP-OK @destructive", async ({
    signedUpUser: a,
    userB,
    admin,
  }) => {
    const { user: b, page: bPage, certificate: own } = userB;
    await test.step("A's bound certificate on B's signup URL with B's ID and password", async () => {
      const signup = new SignupPage(a.page);
      await signup.open(b.registration.signupUrl);
      await signup.signUp(b.userId, b.passwords.loginPassword);
      await signup.expectError(t.certificateInUse);
      expect(await admin.user(b.userId)).toMatchObject({ signedUp: false, boundCertFingerprint: null });
    });
    await test.step("B's own certificate on A's signup URL with A's ID: A stays bound to A's certificate", async () => {
      const signup = new SignupPage(bPage);
      await signup.open(a.user.registration.signupUrl);
      await signup.signUp(a.user.userId, a.user.passwords.loginPassword);
      await signup.expectError(t.alreadySignedUp);
      expect((await admin.user(a.user.userId)).boundCertFingerprint).toBe(a.certificate.issued.fingerprint256);
    });
    await test.step("B's own certificate on B's signup URL binds B", async () => {
      const signup = new SignupPage(bPage);
      await signup.open(b.registration.signupUrl);
      await signup.signUp(b.userId, b.passwords.loginPassword);
      await signup.expectCompleted();
      expect((await admin.user(b.userId)).boundCertFingerprint).toBe(own.issued.fingerprint256);
    });
  });
});
