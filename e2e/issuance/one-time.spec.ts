/**
 * EG18-1-5 `有効な証明書申請はありません。` (with `閉じる`): the issuance URL and its
 * 認証情報パスワード are one-time (IM12 §1 "このパスワードは一回のみ有効です"). After a
 * certificate was issued — in the browser or by the import tool — and for the old URL after
 * the administrator reissued, the site answers so; the issued certificate stays the one.
 */
import { test, expect, parsePasswordMail, parseRegistrationMail } from '../../fixtures';
import { issuance as t, mail, mailSubjects } from '../../messages';
import { IssuanceMessagePage } from '../../pages/issuance/message-page';
import { IssuanceStep1Page } from '../../pages/issuance/step1-page';
import { walkToStep2, walkToStep3 } from '../../pages/issuance/walk';
import { postStep1 } from './step1-post';

test('the URL is one-time: after the certificate was issued it answers 有効な証明書申請はありません。 @EG18-1-5 @destructive', async ({
  page,
  onboardingUser: user,
  admin,
  suiteConfig,
}) => {
  await walkToStep3(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
  const issued = await admin.user(user.userId);
  expect(issued.application.state).toBe('consumed');

  const step1 = new IssuanceStep1Page(page);
  await step1.open(user.registration.issuanceUrl);
  await new IssuanceMessagePage(page).expectMessage(t.noValidApplication);
  await expect(step1.password).toHaveCount(0);

  // The same password posted again (a STEP1 page kept open in another tab).
  const res = await postStep1(page.request, suiteConfig.urls.webra2, user.registration.issuanceUrl, user.passwords.issuancePassword);
  expect(res.status()).toBeLessThan(500);
  expect(await res.text()).toContain(t.noValidApplication);
  expect(await res.text()).not.toContain(t.step2Title);

  expect((await admin.user(user.userId)).application).toEqual(issued.application);
});

test('two STEP2 pages for one application: only the first 発行 gets a certificate @EG18-1-5 @destructive', async ({ page, onboardingUser: user, admin }) => {
  const first = await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
  const otherTab = await page.context().newPage();
  const second = await walkToStep2(otherTab, user.registration.issuanceUrl, user.passwords.issuancePassword);

  await first.issue();
  await expect(page.getByRole('heading', { name: t.step3Title })).toBeVisible();
  const serial = (await admin.user(user.userId)).application.issuedSerial;
  expect(serial).toMatch(/^[0-9A-F]+$/);

  await second.issue();
  await second.expectError(t.noValidApplication);
  await expect(otherTab.getByRole('heading', { name: t.step3Title })).toBeHidden();
  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'consumed', issuedSerial: serial });
});

test('after a reissue the old URL answers 有効な証明書申請はありません。 and the new mails work @EG18-1-5 @destructive', async ({
  page,
  onboardingUser: user,
  admin,
  mailbox,
}) => {
  const lastMail = await mailbox.lastId(user.email);
  await admin.reissueCertificate(user.userId);
  const registration = parseRegistrationMail((await mailbox.waitFor(user.email, mailSubjects.registration, { after: lastMail })).text);
  const passwords = parsePasswordMail((await mailbox.waitFor(user.email, mail.passwordSubject, { after: lastMail })).text);
  expect(registration.issuanceUrl).not.toBe(user.registration.issuanceUrl);

  await new IssuanceStep1Page(page).open(user.registration.issuanceUrl);
  await new IssuanceMessagePage(page).expectMessage(t.noValidApplication);

  // The old 認証情報パスワード does not open the new URL either.
  const step1 = new IssuanceStep1Page(page);
  await step1.open(registration.issuanceUrl);
  await step1.submitPassword(user.passwords.issuancePassword, 'none');
  await step1.expectError(t.authFailed);

  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });
  await walkToStep3(page, registration.issuanceUrl, passwords.issuancePassword);
});

test('after the import tool fetched the certificate, the issuance URL is used up too @EG18-1-5 @EG25-1-3 @destructive', async ({
  page,
  onboardingUser: user,
  importToolModel,
  admin,
}) => {
  const fetched = await importToolModel().run(user.userId, user.passwords.issuancePassword);
  expect(fetched.message).toBeNull();
  const state = await admin.user(user.userId);
  expect(state.application.state).toBe('consumed');

  await new IssuanceStep1Page(page).open(user.registration.issuanceUrl);
  await new IssuanceMessagePage(page).expectMessage(t.noValidApplication);
  expect((await admin.user(user.userId)).application).toEqual(state.application);
});
