/**
 * A schema per route (issue 13): every route of the mock declares its input, shape rules are
 * refused by the schema before the handler runs — with the service's Japanese message of the
 * first failing field, on the route's own page — and so malformed input never counts toward a
 * lock. Both directions: a well-formed wrong password does count.
 *
 * Requests are injected (no port is bound).
 * Run: node --import tsx --test tests/unit/mock-input-schema.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Fastify from 'fastify';
import { loadPki } from '../../certs/store';
import { loadConfig } from '../../config/env';
import { buildMock, closeMock, type Mock } from '../../mock/build';
import { requireSchemas } from '../../mock/input-schema';
import { bulkSign, ebunsho, input } from '../../messages';

let mock: Mock;
before(async () => {
  mock = buildMock({ pki: await loadPki(), urls: loadConfig({ MOCK_BASE_PORT: '28400' }).urls, smtp: { host: '127.0.0.1', port: 1 } });
});
after(() => closeMock(mock));

const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

async function provision(kind: 'certless' | 'bulksign'): Promise<{ userId: string; password: string }> {
  const res = await mock.admin.inject({ method: 'POST', url: '/users', payload: { kind, sendMails: false } });
  const { userId } = res.json<{ userId: string }>();
  return { userId, password: mock.ctx.state.get(userId)!.password };
}

const failedLogins = (userId: string) => mock.ctx.state.get(userId)!.failedLogins;

/** Shape-invalid logins: each gets its field's message; the last one is a JSON body of the wrong shape. */
function malformed(userId: string, labels: { userId: string; password: string }, userIdMax: number): { fields: Record<string, string>; message: string }[] {
  return [
    { fields: { userId, password: '' }, message: input.required(labels.password) },
    { fields: { userId, password: 'ＡＢＣ１２３' }, message: input.halfWidthAlnum(labels.password) },
    { fields: { userId, password: `a'"<b>` }, message: input.halfWidthAlnum(labels.password) },
    { fields: { userId, password: 'a'.repeat(10_000) }, message: input.tooLong(labels.password, 64) },
    { fields: { userId: 'x'.repeat(userIdMax + 1), password: 'abc12345' }, message: input.tooLong(labels.userId, userIdMax) },
    { fields: { userId: '', password: 'ＡＢＣ' }, message: input.required(labels.userId) },
    { fields: { password: 'abc12345' }, message: input.required(labels.userId) },
  ];
}

test('エコ文書 login (ds-nc): N schema-invalid posts leave the failure counter at 0; a wrong password counts', async () => {
  const { userId } = await provision('certless');
  const cases = malformed(userId, { userId: ebunsho.userIdLabel, password: ebunsho.passwordLabel }, 32);
  for (const { fields, message } of cases) {
    const res = await mock.sites.dsnc.inject({ method: 'POST', url: '/ebunsho/UrlExclusive.do', ...form(fields) });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.ok(res.body.includes(message), `${JSON.stringify(fields).slice(0, 80)}: expected ${message}`);
    assert.ok(!res.body.includes('<b>'), 'what was typed comes back escaped');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  }
  const json = await mock.sites.dsnc.inject({ method: 'POST', url: '/ebunsho/UrlExclusive.do', payload: [userId] });
  assert.ok(json.body.includes(input.required(ebunsho.userIdLabel)));
  const typed = await mock.sites.dsnc.inject({ method: 'POST', url: '/ebunsho/UrlExclusive.do', payload: { userId, password: 12345678 } });
  assert.ok(typed.body.includes(input.required(ebunsho.passwordLabel)), 'a password of another type is not given');
  assert.equal(failedLogins(userId), 0, `${cases.length + 2} malformed posts counted toward the lock`);

  // The other direction: a well-formed wrong password reaches the handler and counts.
  const wrong = await mock.sites.dsnc.inject({ method: 'POST', url: '/ebunsho/UrlExclusive.do', ...form({ userId, password: 'wrong1234' }) });
  assert.ok(wrong.body.includes(input.loginFailed));
  assert.equal(failedLogins(userId), 1);
});

test('bulk e-signature login: malformed input counts nothing and sends no OTP; a wrong password counts', async () => {
  const { userId } = await provision('bulksign');
  for (const { fields, message } of malformed(userId, { userId: bulkSign.userIdLabel, password: bulkSign.passwordLabel }, 32)) {
    const res = await mock.sites.bulksign.inject({ method: 'POST', url: '/bulksign/Login.do', ...form(fields) });
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(message), `${JSON.stringify(fields).slice(0, 80)}: expected ${message}`);
    assert.equal(res.headers['set-cookie'], undefined, 'no login attempt (OTP) was started');
  }
  assert.equal(failedLogins(userId), 0);
  await mock.sites.bulksign.inject({ method: 'POST', url: '/bulksign/Login.do', ...form({ userId, password: 'wrong1234' }) });
  assert.equal(failedLogins(userId), 1);
});

test('a duplicated form field counts with its first value (as getParameter has it)', async () => {
  const { userId } = await provision('certless');
  const res = await mock.sites.dsnc.inject({
    method: 'POST',
    url: '/ebunsho/UrlExclusive.do',
    payload: `userId=${userId}&userId=${encodeURIComponent('<b>x</b>')}&password=&password=abc`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.ok(res.body.includes(input.required(ebunsho.passwordLabel)), 'the first (empty) password was judged');
  assert.equal(failedLogins(userId), 0);
});

test('query and path schemas: a tampered link, a forged language link and an unknown file get the page that says so', async () => {
  const entrance = await mock.sites.webra2.inject({ method: 'GET', url: '/scira/Entrance.jsp?p1=a1&p2=%3Cb%3E&p3=c3' });
  assert.equal(entrance.statusCode, 400);
  assert.ok(!entrance.body.includes('<b>'));
  const language = await mock.sites.webra2.inject({ method: 'GET', url: `/scira/Language.do?lang=en&next=${encodeURIComponent('https://attacker.example/')}` });
  assert.equal(language.statusCode, 400);
  assert.equal(language.headers.location, undefined);
  assert.ok(language.body.includes(input.invalidLink));
  const file = await mock.sites.webra2.inject({ method: 'GET', url: '/static/not-a-file.js' });
  assert.equal(file.statusCode, 404);
});

test('a route without a schema cannot be registered', async () => {
  const app = Fastify();
  requireSchemas(app);
  assert.throws(() => app.post('/form', async () => 'ok'), /declares its input schema/);
  assert.throws(() => app.post('/form', { schema: {} }, async () => 'ok'), /body schema is missing/);
  assert.throws(() => app.get('/users/:id', { schema: {} }, async () => 'ok'), /params schema is missing/);
  app.get('/page', { schema: {} }, async () => 'ok');
  await app.ready();
  await app.close();
});
