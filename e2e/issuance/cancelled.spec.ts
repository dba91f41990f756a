/**
 * EG18-1-4 `この操作はユーザによって取り消されました。`: the web-access confirmation answered
 * いいえ — after 次へ (TJK's dialog) or at 発行 (IM12 2-3 ④, EG18 1-4 【原因】). Nothing is
 * issued; as the guide says, starting again gets the certificate.
 */
import { test, expect } from '../../fixtures';
import { issuance as t } from '../../messages';
import { dialogsOf } from '../../pages/dialogs';
import { IssuanceStep1Page } from '../../pages/issuance/step1-page';
import { IssuanceStep2Page } from '../../pages/issuance/step2-page';
import { IssuanceStep3Page } from '../../pages/issuance/step3-page';
import { walkToStep2 } from '../../pages/issuance/walk';

test('いいえ on the web-access confirmation after 次へ cancels the operation @EG18-1-4', async ({ page, browser, onboardingUser: user, admin, suiteConfig }) => {
  const step1 = new IssuanceStep1Page(page);
  await step1.open(user.registration.issuanceUrl);
  await step1.submitPassword(user.passwords.issuancePassword, 'dismiss');

  const dialogs = dialogsOf(page);
  await dialogs.waitForCount(2);
  expect(dialogs.seen.map(({ type, message, answer }) => ({ type, message, answer }))).toEqual([
    { type: 'confirm', message: [t.webAccessConfirm, `${suiteConfig.urls.webra2}/scira/Step1.do`, t.webAccessLimit, t.webAccessQuestion].join('\n'), answer: 'dismiss' },
    { type: 'alert', message: t.cancelledByUser, answer: 'accept' },
  ]);
  const step2 = new IssuanceStep2Page(page);
  await step2.expectCspEmpty();
  await step2.issue('none');
  await step2.expectError(t.cspMissing);
  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });

  // 【ご案内】: close the browser, open the issuance site again and issue.
  await page.context().close();
  const again = await (await browser.newContext()).newPage();
  const retry = await walkToStep2(again, user.registration.issuanceUrl, user.passwords.issuancePassword);
  await retry.issue();
  await new IssuanceStep3Page(again).expectShown();
  expect((await admin.user(user.userId)).application.state).toBe('consumed');
  await again.context().close();
});

test('いいえ on the request confirmation at 発行 sends nothing; はい afterwards issues @EG18-1-4 @destructive', async ({ page, onboardingUser: user, admin }) => {
  const enrollments: string[] = [];
  page.on('request', (r) => r.url().endsWith('/scira/Step2.do') && enrollments.push(r.url()));
  const step2 = await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
  const dialogs = dialogsOf(page);
  const before = dialogs.seen.length;

  await step2.issue('dismiss');
  await dialogs.waitForCount(before + 2);
  expect(dialogs.seen.slice(before).map(({ type, message, answer }) => ({ type, message, answer }))).toEqual([
    { type: 'confirm', message: [t.requestConfirm, t.requestLimit, t.requestQuestion].join('\n'), answer: 'dismiss' },
    { type: 'alert', message: t.cancelledByUser, answer: 'accept' },
  ]);
  await step2.expectShown();
  await expect(step2.issueButton).toBeEnabled();
  expect(enrollments).toEqual([]);
  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });

  await step2.issue('accept');
  await new IssuanceStep3Page(page).expectShown();
  expect(enrollments).toHaveLength(1);
});
