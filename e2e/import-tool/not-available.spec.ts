/**
 * EG25-1-3 `証明書ファイルは取得できませんでした。証明書が作成されていないか、もしくは既に証明書
 * を取得済みです。`: the certificate was already fetched (by the tool or on the issuance site),
 * or it has not been created (the application is not approved yet). The state stays exactly
 * as it was: the fetched certificate is still the user's one; an unapproved application
 * becomes fetchable once approved; a lost certificate needs the reissue the guide asks for.
 */
import { test, expect, parsePasswordMail } from '../../fixtures';
import { importTool, mail } from '../../messages';
import { CertificateCheckPage } from '../../pages/issuance/check-page';
import { walkToStep3 } from '../../pages/issuance/walk';

test('already fetched by the tool: the second run is refused, the first certificate still works @EG25-1-3 @destructive', async ({
  onboardingUser: user,
  importToolModel,
  admin,
  openWithCertificate,
  suiteConfig,
}) => {
  const first = await importToolModel().run(user.userId, user.passwords.issuancePassword);
  expect(first.message).toBeNull();
  const fetched = await admin.user(user.userId);

  const second = await importToolModel().run(user.userId, user.passwords.issuancePassword);
  expect(second.message).toBe(importTool.notAvailable);
  expect(second.exchanges.map((e) => [e.step, e.status])).toEqual([['login', 409]]);
  expect(second.store.personal()).toEqual([]);
  expect((await admin.user(user.userId)).application).toEqual(fetched.application);

  // 【ご案内】"証明書がインポートされているか確認してください": it is, and it is accepted.
  const [personal] = first.store.personal();
  const check = new CertificateCheckPage(await openWithCertificate(first.store.clientCertificate(personal)));
  await check.open(`${suiteConfig.urls.webra1}/scira/doc/pfm20pub/index.html`);
  await check.expectCertificateAccepted(String(personal.parsed.subject.CN));
});

test('already issued on the issuance site: the tool is refused @EG25-1-3 @destructive', async ({ page, onboardingUser: user, importToolModel, admin }) => {
  await walkToStep3(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
  const issued = await admin.user(user.userId);
  const outcome = await importToolModel().run(user.userId, user.passwords.issuancePassword);
  expect(outcome.exchanges.map((e) => [e.step, e.status]), 'webra2 had nothing to hand out').toEqual([['login', 409]]);
  expect(outcome.message).toBe(importTool.notAvailable);
  expect((await admin.user(user.userId)).application).toEqual(issued.application);
});

test('not created yet (not approved): refused until approved @EG25-1-3 @destructive', async ({ provisionUser, importToolModel, admin }) => {
  const user = await provisionUser({ approved: false });
  const outcome = await importToolModel().run(user.userId, user.passwords.issuancePassword);
  expect(outcome.exchanges.map((e) => [e.step, e.status]), 'webra2 had nothing to hand out').toEqual([['login', 409]]);
  expect(outcome.message).toBe(importTool.notAvailable);
  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'unapproved', issuedSerial: null });

  await admin.update(user.userId, { approved: true });
  expect((await importToolModel().run(user.userId, user.passwords.issuancePassword)).message).toBeNull();
});

test('fetched but not imported: after the reissue the guide asks for, the new mail fetches it @EG25-1-3 @destructive', async ({
  onboardingUser: user,
  importToolModel,
  admin,
  mailbox,
}) => {
  await importToolModel().run(user.userId, user.passwords.issuancePassword);
  expect((await importToolModel().run(user.userId, user.passwords.issuancePassword)).message).toBe(importTool.notAvailable);

  const lastMail = await mailbox.lastId(user.email);
  await admin.reissueCertificate(user.userId);
  const passwords = parsePasswordMail((await mailbox.waitFor(user.email, mail.passwordSubject, { after: lastMail })).text);
  const outcome = await importToolModel().run(user.userId, passwords.issuancePassword);
  expect(outcome.message).toBeNull();
  expect((await admin.user(user.userId)).application.issuedSerial).toBe(outcome.store.personal()[0].parsed.serialHex);
});
