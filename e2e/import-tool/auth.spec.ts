/**
 * EG25-1-2 `証明書ファイルは取得できませんでした。認証に失敗しました。`: a wrong user ID or
 * password. The tool's password is the 認証情報パスワード (see mock/sites/import-tool.ts);
 * the サインアップ・ログインパスワード and a superseded 認証情報パスワード are wrong ones. Nothing
 * is used up: with the right pair the tool fetches the certificate (【ご案内】).
 */
import { test, expect, Secret, parsePasswordMail } from '../../fixtures';
import { importTool, mail } from '../../messages';

test('wrong password, unknown user ID, the login password: 認証に失敗しました。, then the right pair works @EG25-1-2 @destructive', async ({
  onboardingUser: user,
  provisionUser,
  importToolModel,
  admin,
}) => {
  const other = await provisionUser();
  const attempts: [string, string, Secret][] = [
    ['a wrong password', user.userId, user.passwords.issuancePassword.lastCharacterChanged()],
    ['the サインアップ・ログインパスワード', user.userId, user.passwords.loginPassword],
    ['a user ID that does not exist', `9${user.userId}`, user.passwords.issuancePassword],
    ["another user's ID", other.userId, user.passwords.issuancePassword],
  ];
  for (const [name, userId, password] of attempts) {
    await test.step(name, async () => {
      const outcome = await importToolModel().run(userId, password);
      expect(outcome.message).toBe(importTool.authFailed);
      expect(outcome.exchanges.map((e) => [e.step, e.status])).toEqual([['login', 401]]);
    });
  }
  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });
  expect((await admin.user(other.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });

  const outcome = await importToolModel().run(user.userId, user.passwords.issuancePassword);
  expect(outcome.message).toBeNull();
});

test('after a reissue the old 認証情報パスワード is refused and the new one works @EG25-1-2 @destructive', async ({ onboardingUser: user, importToolModel, admin, mailbox }) => {
  const lastMail = await mailbox.lastId(user.email);
  await admin.reissueCertificate(user.userId);
  const passwords = parsePasswordMail((await mailbox.waitFor(user.email, mail.passwordSubject, { after: lastMail })).text);

  const old = await importToolModel().run(user.userId, user.passwords.issuancePassword);
  expect(old.exchanges.map((e) => [e.step, e.status]), 'webra2 refused the login').toEqual([['login', 401]]);
  expect(old.message).toBe(importTool.authFailed);
  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });

  const fresh = await importToolModel().run(user.userId, passwords.issuancePassword);
  expect(fresh.exchanges.map((e) => [e.step, e.status]).at(-1), 'webra2 issued').toEqual(['certificate', 200]);
  expect(fresh.message).toBeNull();
});
