/**
 * Bad input on the import endpoints (catalogue F). Through the tool, credentials that cannot
 * be right (empty, full-width, markup, quotes, 10,000 characters) are 認証に失敗しました。
 * (EG25-1-2) while the server answers 400 with a clear message; sent raw, malformed requests
 * get a JSON 4xx. Nothing typed comes back, nothing is used up.
 */
import { test, expect, Secret } from '../../fixtures';
import { importTool, input, mail } from '../../messages';
import { MARKUP_PROBE, SHORT_MARKUP_PROBE } from '../injected-markup';

test('the tool with unusable credentials: 認証に失敗しました。, a clear 400 from the server @EG25-1-2 @destructive', async ({ onboardingUser: user, importToolModel, admin }) => {
  const id = mail.labels.userId;
  const pw = mail.labels.issuancePassword;
  const cases: [string, string, string, string][] = [
    ['empty user ID', '', user.passwords.issuancePassword.reveal(), input.required(id)],
    ['empty password', user.userId, '', input.required(pw)],
    ['full-width user ID', user.userId.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), user.passwords.issuancePassword.reveal(), input.halfWidthAlnum(id)],
    ['full-width password', user.userId, 'ＡＢＣ１２３', input.halfWidthAlnum(pw)],
    ['markup', SHORT_MARKUP_PROBE, SHORT_MARKUP_PROBE, input.halfWidthAlnum(id)],
    ['quotes', `' " \``, `' OR '1'='1`, input.halfWidthAlnum(id)],
    ['10,000 characters', user.userId, 'a'.repeat(10_000), input.tooLong(pw, 64)],
  ];
  for (const [name, userId, password, serverMessage] of cases) {
    await test.step(name, async () => {
      const outcome = await importToolModel().run(userId, new Secret(password));
      expect(outcome.message).toBe(importTool.authFailed);
      expect(outcome.exchanges.map((e) => [e.step, e.status, e.result])).toEqual([['login', 400, 'INVALID_INPUT']]);
      expect(outcome.ok ? '' : outcome.detail).toContain(serverMessage);
    });
  }
  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });
});

test('malformed requests to the import endpoints get a JSON 4xx and reflect nothing @EG25-1-2 @EG25-1-3 @destructive', async ({
  request,
  onboardingUser: user,
  admin,
  importToolModel,
  suiteConfig,
}) => {
  const login = `${suiteConfig.urls.webra2}/scira/tool/Login.do`;
  const certificate = `${suiteConfig.urls.webra2}/scira/tool/Certificate.do`;
  const cases: [string, string, { data?: unknown; headers?: Record<string, string>; form?: Record<string, string> }, number, string][] = [
    ['not JSON', login, { data: `{"userId":"${MARKUP_PROBE}"`, headers: { 'content-type': 'application/json' } }, 400, 'INVALID_INPUT'],
    ['a form instead of JSON', login, { form: { userId: user.userId, password: MARKUP_PROBE } }, 400, 'INVALID_INPUT'],
    ['a JSON array', login, { data: [MARKUP_PROBE] }, 400, 'INVALID_INPUT'],
    ['fields of the wrong type', login, { data: { userId: [user.userId], password: { $ne: '' } } }, 400, 'INVALID_INPUT'],
    ['a forged ticket', certificate, { data: { ticket: MARKUP_PROBE, csr: MARKUP_PROBE } }, 401, 'AUTH_FAILED'],
    ['a well-formed unknown ticket', certificate, { data: { ticket: 'a'.repeat(32), csr: 'x' } }, 401, 'AUTH_FAILED'],
    ['a ticket without a request', certificate, { data: { ticket: 'a'.repeat(32) } }, 400, 'INVALID_INPUT'],
    ['300 kB of body', login, { data: { userId: 'a'.repeat(300_000), password: 'x' } }, 400, 'INVALID_INPUT'],
  ];
  for (const [name, url, options, status, result] of cases) {
    await test.step(name, async () => {
      const res = await request.post(url, options);
      expect(res.status()).toBe(status);
      expect(res.headers()['content-type']).toMatch(/^application\/json/);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ result });
      expect(text).not.toContain('<script>');
    });
  }

  // A real ticket with a certification request that is not one: refused, and the application is kept.
  const res = await request.post(login, { data: { userId: user.userId, password: user.passwords.issuancePassword.reveal() } });
  const { ticket } = (await res.json()) as { ticket: string };
  const bad = await request.post(certificate, { data: { ticket, csr: `-----BEGIN CERTIFICATE REQUEST-----\n${MARKUP_PROBE}\n-----END CERTIFICATE REQUEST-----\n` } });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ result: 'INVALID_INPUT', message: importTool.invalidRequest });
  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });
  expect((await importToolModel().run(user.userId, user.passwords.issuancePassword)).message).toBeNull();
});
