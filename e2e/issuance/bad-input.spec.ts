/**
 * Bad input on the issuance site (catalogue F): STEP1's 認証情報(パスワード) and the per-user
 * URL's p1–p3. Each gets a clear message and a status below 500, nothing typed is reflected
 * (the password never is, markup is not run), and the application is untouched.
 */
import { test, expect, Secret } from '../../fixtures';
import { input, issuance as t } from '../../messages';
import { dialogsOf } from '../../pages/dialogs';
import { IssuanceMessagePage } from '../../pages/issuance/message-page';
import { IssuanceStep1Page } from '../../pages/issuance/step1-page';
import { expectNoInjectedElement, MARKUP_PROBE } from '../injected-markup';
import { walkToStep2 } from '../../pages/issuance/walk';
import { postStep1 } from './step1-post';

test('STEP1: empty, full-width, markup, quotes and 10,000 characters get a clear message @EG18-1-2 @destructive', async ({
  page,
  onboardingUser: user,
  admin,
  suiteConfig,
}) => {
  const step1 = new IssuanceStep1Page(page);
  await step1.open(user.registration.issuanceUrl);
  const cases: [string, string][] = [
    ['', input.required(t.passwordField)],
    ['ＡＢＣ１２３', input.halfWidthAlnum(t.passwordField)],
    [MARKUP_PROBE.slice(0, 64), input.halfWidthAlnum(t.passwordField)],
    [`' " \``, input.halfWidthAlnum(t.passwordField)],
  ];
  for (const [typed, expected] of cases) {
    await test.step(`「${typed}」`, async () => {
      const answer = page.waitForResponse((r) => r.url().endsWith('/scira/Step1.do'));
      await step1.submitPassword(Secret.typed(typed), 'none');
      expect((await answer).status()).toBe(400);
      await step1.expectError(expected);
      await expect(step1.password).toHaveValue('');
      await expectNoInjectedElement(page);
    });
  }
  expect(dialogsOf(page).seen).toEqual([]);

  // The field stops at 64 characters; a client that ignores that is refused by the server.
  const long = 'a'.repeat(10_000);
  const res = await postStep1(page.request, suiteConfig.urls.webra2, user.registration.issuanceUrl, Secret.typed(long));
  expect(res.status()).toBe(400);
  const body = await res.text();
  expect(body).toContain(input.tooLong(t.passwordField, 64));
  expect(body).not.toContain(long.slice(0, 100));

  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });
  await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
});

test('a tampered p1–p3 gets 有効な証明書申請はありません。 and runs no markup @EG18-1-5', async ({ page, onboardingUser: user, admin, suiteConfig }) => {
  const original = new URL(user.registration.issuanceUrl);
  const tampered = (change: (q: URLSearchParams) => void) => {
    const url = new URL(original.toString());
    change(url.searchParams);
    return url.toString();
  };
  const p2 = original.searchParams.get('p2')!;
  const cases: [string, string, number][] = [
    ['p2 off by one digit', tampered((q) => q.set('p2', p2.slice(0, -1) + (p2.endsWith('0') ? '1' : '0'))), 200],
    ['p3 missing', tampered((q) => q.delete('p3')), 400],
    ['p1 empty', tampered((q) => q.set('p1', '')), 400],
    ['p3 full-width', tampered((q) => q.set('p3', 'ＡＢＣ１２３')), 400],
    ['p3 with markup', tampered((q) => q.set('p3', MARKUP_PROBE)), 400],
    ['p3 with quotes', tampered((q) => q.set('p3', `"' onmouseover="alert(3)`)), 400],
    ['p3 of 10,000 characters', tampered((q) => q.set('p3', 'a'.repeat(10_000))), 400],
  ];
  const message = new IssuanceMessagePage(page);
  for (const [name, url, status] of cases) {
    await test.step(name, async () => {
      const res = await page.goto(url);
      expect(res?.status()).toBe(status);
      await message.expectMessage(t.noValidApplication);
      await expectNoInjectedElement(page);
      await expect(page.getByLabel(t.passwordLabel)).toHaveCount(0);
    });
  }
  expect(dialogsOf(page).seen).toEqual([]);

  // The same from STEP1's hidden fields (a form edited before 次へ).
  const res = await postStep1(page.request, suiteConfig.urls.webra2, user.registration.issuanceUrl, user.passwords.issuancePassword, { p1: '1', p2: MARKUP_PROBE });
  expect(res.status()).toBe(400);
  expect(await res.text()).not.toContain('<script>alert(1)');

  // Unknown extra parameters are ignored: the real link still works.
  await page.goto(`${user.registration.issuanceUrl}&utm_source=${encodeURIComponent(MARKUP_PROBE)}`);
  await new IssuanceStep1Page(page).expectShown();
  await expectNoInjectedElement(page);
  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });
});

test('the language link goes back only to the issuance site; a forged enrollment is refused @ISS-LANG @EG18-1-5', async ({
  page,
  onboardingUser: user,
  admin,
  suiteConfig,
}) => {
  const webra2 = suiteConfig.urls.webra2;
  for (const next of ['https://attacker.example/', '//attacker.example/scira/Entrance.jsp?p1=1', '/scira/Entrance.jsp?p1=<script>']) {
    const res = await page.request.get(`${webra2}/scira/Language.do?lang=en&next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
    expect(res.status(), next).toBe(400);
    expect(res.headers().location).toBeUndefined();
    expect(await res.text()).toContain(input.invalidLink);
  }

  // Step2.do without a real enrollment ticket, with junk, or with a CSR that is not one.
  const forged: [unknown, number][] = [
    [{ token: 'a'.repeat(32), csr: 'x', keyLength: 2048 }, 409],
    [{ token: MARKUP_PROBE, csr: MARKUP_PROBE, keyLength: 2048 }, 400],
    [{ token: 'a', csr: 'x', keyLength: 4096 }, 400],
    [[1, 2, 3], 400],
    ['not json', 400],
  ];
  for (const [data, status] of forged) {
    const res = await page.request.post(`${webra2}/scira/Step2.do`, { data, headers: { 'content-type': 'application/json' } });
    expect(res.status(), JSON.stringify(data)).toBe(status);
    expect(await res.text()).not.toContain('<script>');
  }
  const step2 = await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
  // The page's own enrollment request (its real ticket) with the CSR swapped for one that is
  // not a CSR — what a tampering proxy would do; no hidden attribute of the page is read.
  const refused = page.waitForResponse((r) => r.url().endsWith('/scira/Step2.do'));
  await page.route('**/scira/Step2.do', async (route) => {
    const body = route.request().postDataJSON() as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...body, csr: '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n' }) });
  });
  await step2.issue();
  const res = await refused;
  expect(res.status()).toBe(400);
  expect(await res.json()).toEqual({ message: t.issueFailed });
  await step2.expectError(t.issueFailed);
  await page.unroute('**/scira/Step2.do');
  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });
  // The ticket survives a refused request: the page can still issue.
  await step2.issue();
  await expect(page.getByRole('heading', { name: t.step3Title })).toBeVisible();
});
