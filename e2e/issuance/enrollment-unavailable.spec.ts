/**
 * EG18-1-3: the browser's enrollment component is unavailable (IE without the ActiveX
 * control then; here a browser without WebCrypto). STEP2 shows CSP / Key長 empty, offers
 * `対応方法を開く`, and 発行 cannot succeed. Following the guide (open the URL again in a
 * browser that can enroll) the application is still there.
 */
import { test, expect } from '../../fixtures';
import { issuance as t } from '../../messages';
import { dialogsOf } from '../../pages/dialogs';
import { IssuanceStep1Page } from '../../pages/issuance/step1-page';
import { IssuanceStep2Page } from '../../pages/issuance/step2-page';
import { walkToStep2 } from '../../pages/issuance/walk';

test('without the enrollment capability STEP2 is empty, offers the help, and 発行 fails @EG18-1-3', async ({
  page,
  browser,
  onboardingUser: user,
  admin,
}) => {
  await page.addInitScript(() => {
    // What a browser without the key-generation component looks like to the page.
    Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined, configurable: true });
  });
  const enrollments: string[] = [];
  page.on('request', (r) => r.url().endsWith('/scira/Step2.do') && enrollments.push(r.url()));

  const step1 = new IssuanceStep1Page(page);
  await step1.open(user.registration.issuanceUrl);
  await step1.submitPassword(user.passwords.issuancePassword, 'none');

  const step2 = new IssuanceStep2Page(page);
  await step2.expectShown();
  await step2.expectCspEmpty();
  await expect(step2.helpIntro).toBeVisible();
  await expect(step2.help).toBeHidden();
  await step2.openHelp();
  await expect(step2.help).toBeVisible();
  await expect(step2.help.getByRole('listitem')).toHaveText([t.cspHelpTrustedSite, t.cspHelpRetry]);
  await expect(step2.helpToggle).toHaveAttribute('aria-expanded', 'true');

  await step2.issue('none');
  await step2.expectError(t.cspMissing);
  await expect(step2.heading).toBeVisible();
  expect(enrollments).toEqual([]);
  expect(dialogsOf(page).seen).toEqual([]);
  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });

  // 【ご案内】: open the issuance URL again, in a browser that can enroll.
  const context = await browser.newContext();
  await walkToStep2(await context.newPage(), user.registration.issuanceUrl, user.passwords.issuancePassword);
  await context.close();
});
