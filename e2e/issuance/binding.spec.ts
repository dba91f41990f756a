/**
 * Issuance URL ↔ user, both ways (issue 10 §6): each registration mail's p1/p2/p3 and each
 * password mail's 認証情報パスワード belong to one application (TJK メール①②, IM12 2-3 ①②).
 * User A's URL with user B's 認証情報パスワード — and B's URL with A's — is
 * `認証に失敗したか、申請が承認されていません。` (EG18-1-2) and uses neither application up;
 * each pair that belongs together still reaches STEP2 (the positive control).
 */
import { test, expect } from '../../fixtures';
import { issuance as t } from '../../messages';
import { IssuanceStep1Page } from '../../pages/issuance/step1-page';
import { walkToStep2 } from '../../pages/issuance/walk';

test("one user's issuance URL with another user's 認証情報パスワード is refused, either way, and uses nothing up @EG18-1-2 @destructive", async ({
  page,
  onboardingUser: a,
  provisionUser,
  admin,
}) => {
  const b = await provisionUser();
  const step1 = new IssuanceStep1Page(page);
  for (const [url, owner, password, name] of [
    [a.registration.issuanceUrl, a, b.passwords.issuancePassword, "A's URL, B's password"],
    [b.registration.issuanceUrl, b, a.passwords.issuancePassword, "B's URL, A's password"],
  ] as const) {
    await test.step(name, async () => {
      await step1.open(url);
      await step1.submitPassword(password, 'none');
      await step1.expectError(t.authFailed);
      expect((await admin.user(owner.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });
    });
  }
  await walkToStep2(page, a.registration.issuanceUrl, a.passwords.issuancePassword);
  await walkToStep2(page, b.registration.issuanceUrl, b.passwords.issuancePassword);
});
