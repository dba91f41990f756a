/**
 * ISS-INTERRUPT: STEP2's warning `[発行]ボタンを押した後、【STEP3】の画面が表示されるまで何もせず
 * お待ちください。` The key pair exists only in the STEP2 page, so leaving it after 発行 and
 * before STEP3 loses the certificate although the CA issued it; the one-time URL is then used
 * up (EG18-1-5), and only the administrator's reissue helps.
 *
 * The answer of Step2.do is held back with page.route for one reason: to make "the user left
 * while the CA was working" happen on every run. The request itself reaches the mock, which
 * really issues the certificate and uses the application up.
 */
import type { Page } from '@playwright/test';
import { test, expect, parsePasswordMail, parseRegistrationMail } from '../../fixtures';
import { issuance as t, mail, mailSubjects } from '../../messages';
import { IssuanceMessagePage } from '../../pages/issuance/message-page';
import { IssuanceStep1Page } from '../../pages/issuance/step1-page';
import { walkToStep2, walkToStep3 } from '../../pages/issuance/walk';

/** `issuedAtCa` resolves once the CA has answered the certification request; the page never sees the answer. */
async function holdEnrollmentAnswer(page: Page): Promise<{ issuedAtCa: Promise<void> }> {
  let issued!: () => void;
  const atCa = new Promise<void>((resolve) => (issued = resolve));
  await page.route('**/scira/Step2.do', async (route) => {
    await route.fetch();
    issued();
  });
  return { issuedAtCa: atCa };
}

test('「一つ戻る」after 発行 and before STEP3 loses the certificate @ISS-INTERRUPT @destructive', async ({ page, onboardingUser: user, admin }) => {
  const { issuedAtCa } = await holdEnrollmentAnswer(page);
  const step2 = await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
  await expect(step2.warning).toBeVisible();
  await expect(page.getByText(t.step2WarningDetail)).toBeVisible();
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));

  await step2.issue();
  await issuedAtCa;
  await step2.expectShown();
  await step2.goBack();

  await new IssuanceMessagePage(page).expectMessage(t.noValidApplication);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await expect(page.getByRole('heading', { name: t.step3Title })).toHaveCount(0);
  expect(downloads).toEqual([]);
  const state = await admin.user(user.userId);
  expect(state.application.state).toBe('consumed');
  expect(state.application.issuedSerial).toMatch(/^[0-9A-F]+$/);
});

test('closing the browser after 発行 loses the certificate; the reissue mails start over @ISS-INTERRUPT @EG18-1-5 @destructive', async ({
  page,
  browser,
  onboardingUser: user,
  admin,
  mailbox,
}) => {
  const { issuedAtCa } = await holdEnrollmentAnswer(page);
  const step2 = await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
  await step2.issue();
  await issuedAtCa;
  await page.context().close();

  const context = await browser.newContext();
  const again = await context.newPage();
  await new IssuanceStep1Page(again).open(user.registration.issuanceUrl);
  await new IssuanceMessagePage(again).expectMessage(t.noValidApplication);
  const lost = (await admin.user(user.userId)).application;
  expect(lost.state).toBe('consumed');

  // EG18-1-5 【ご案内】: the certificate is issued again from the new mails.
  const lastMail = await mailbox.lastId(user.email);
  await admin.reissueCertificate(user.userId);
  const registration = parseRegistrationMail((await mailbox.waitFor(user.email, mailSubjects.registration, { after: lastMail })).text);
  const passwords = parsePasswordMail((await mailbox.waitFor(user.email, mail.passwordSubject, { after: lastMail })).text);
  await walkToStep3(again, registration.issuanceUrl, passwords.issuancePassword);
  const reissued = (await admin.user(user.userId)).application;
  expect(reissued.state).toBe('consumed');
  expect(reissued.issuedSerial).not.toBe(lost.issuedSerial);
  await context.close();
});

test('「一つ戻る」before 発行 loses nothing @ISS-INTERRUPT @destructive', async ({ page, onboardingUser: user, admin }) => {
  const step2 = await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
  await step2.goBack();
  await new IssuanceStep1Page(page).expectShown();
  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });
  await walkToStep3(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
});
