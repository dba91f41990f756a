/**
 * EG18-1-2 `認証に失敗したか、申請が承認されていません。`: a wrong 認証情報パスワード, or an
 * application that is not approved. Neither uses the application up: with the right password
 * (or after approval) the issuance goes on, as the guide's 【ご案内】 says.
 */
import { test, expect } from '../../fixtures';
import { issuance as t } from '../../messages';
import { IssuanceStep1Page } from '../../pages/issuance/step1-page';
import { walkToStep2 } from '../../pages/issuance/walk';

test('a wrong 認証情報パスワード is refused and changes nothing @EG18-1-2 @destructive', async ({ page, onboardingUser: user, admin }) => {
  const step1 = new IssuanceStep1Page(page);
  await step1.open(user.registration.issuanceUrl);
  // Wrong values made from the real one stay Secrets: they share all but one character of it.
  await step1.submitPassword(user.passwords.issuancePassword.withSuffix('x'), 'none');
  await step1.expectError(t.authFailed);
  await step1.expectShown();
  // A different password of the right shape: one changed character.
  await step1.submitPassword(user.passwords.issuancePassword.lastCharacterChanged(), 'none');
  await step1.expectError(t.authFailed);

  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });
  await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
});

test('the サインアップ・ログインパスワード is not the 認証情報パスワード @EG18-1-2 @destructive', async ({ page, onboardingUser: user, admin }) => {
  const step1 = new IssuanceStep1Page(page);
  await step1.open(user.registration.issuanceUrl);
  await step1.submitPassword(user.passwords.loginPassword, 'none');
  await step1.expectError(t.authFailed);
  expect((await admin.user(user.userId)).application.state).toBe('approved');
});

test('an application that is not approved is refused even with the right password, until it is approved @EG18-1-2 @destructive', async ({
  page,
  provisionUser,
  admin,
}) => {
  const user = await provisionUser({ approved: false });
  const step1 = new IssuanceStep1Page(page);
  await step1.open(user.registration.issuanceUrl);
  await step1.expectShown();
  await step1.submitPassword(user.passwords.issuancePassword, 'none');
  await step1.expectError(t.authFailed);
  expect((await admin.user(user.userId)).application.state).toBe('unapproved');

  await admin.update(user.userId, { approved: true });
  await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
});
