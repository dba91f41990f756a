/**
 * The issuance rules of the mock, checked directly (no browser): the rules the e2e specs
 * guard, so loosening one in mock/sites/issuance.ts or mock/sites/import-tool.ts fails here
 * too. The one-time 認証情報パスワード (EG18-1-5, EG25-1-3), the wrong password / unapproved
 * application (EG18-1-2, EG25-1-2), the legacy browser policy (EG18-1-1).
 *
 * Run: node --import tsx --test tests/unit/issuance-rules.test.ts
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPki } from '../../certs/store';
import { loadConfig } from '../../config/env';
import { buildMailbox } from '../../mailbox/server';
import { makeCertificationRequest } from '../../import-tool/model';
import { buildMock, closeMock, type Mock } from '../../mock/build';
import { issuance as t } from '../../messages';

const config = loadConfig({ MOCK_BASE_PORT: '26700' });
const box = buildMailbox({ host: '127.0.0.1', smtpPort: config.mock.ports.smtp, apiPort: config.mock.ports.mailbox });
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const IE11 = 'Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko';
let mock: Mock;

before(async () => {
  await box.listen();
  mock = buildMock({ pki: await loadPki(), urls: config.urls, smtp: { host: '127.0.0.1', port: config.mock.ports.smtp } });
});
after(async () => {
  await closeMock(mock);
  await box.close();
});

async function provision(body: object = {}) {
  const res = await mock.admin.inject({ method: 'POST', url: '/users', payload: { sendMails: false, ...body } });
  assert.equal(res.statusCode, 201, res.body);
  const { userId } = res.json<{ userId: string }>();
  return mock.ctx.state.get(userId)!;
}

const application = (user: { application: { p1: string; p2: string; p3: string } }) => user.application;
const entrance = (user: { application: { p1: string; p2: string; p3: string } }, ua = CHROME) => {
  const a = application(user);
  return mock.sites.webra2.inject({ method: 'GET', url: `/scira/Entrance.jsp?p1=${a.p1}&p2=${a.p2}&p3=${a.p3}`, headers: { 'user-agent': ua } });
};
const step1 = (user: { application: { p1: string; p2: string; p3: string } }, password: string, ua = CHROME) => {
  const { p1, p2, p3 } = application(user);
  return mock.sites.webra2.inject({ method: 'POST', url: '/scira/Step1.do', headers: { 'user-agent': ua }, payload: { p1, p2, p3, password } });
};
const tokenOf = (html: string) => /data-token="([0-9a-f]+)"/.exec(html)?.[1];
const step2 = (token: string) =>
  mock.sites.webra2.inject({ method: 'POST', url: '/scira/Step2.do', payload: { token, csr: makeCertificationRequest().csrPem, keyLength: 2048 } });
const toolLogin = (userId: string, password: string) => mock.sites.webra2.inject({ method: 'POST', url: '/scira/tool/Login.do', payload: { userId, password } });
const toolCertificate = (ticket: string) =>
  mock.sites.webra2.inject({ method: 'POST', url: '/scira/tool/Certificate.do', payload: { ticket, csr: makeCertificationRequest().csrPem } });

test('STEP1 opens STEP2 only with the 認証情報パスワード (EG18-1-2)', async () => {
  const user = await provision();
  const right = user.application.password;
  const wrong = right.slice(0, -1) + (right.endsWith('a') ? 'b' : 'a');
  for (const password of [wrong, user.password, `${right}x`]) {
    const res = await step1(user, password);
    assert.ok(res.body.includes(t.authFailed), `accepted a wrong password (${res.statusCode})`);
    assert.equal(tokenOf(res.body), undefined);
  }
  const ok = await step1(user, right);
  assert.ok(tokenOf(ok.body), 'the right password did not open STEP2');
  assert.equal(user.application.state, 'approved');
});

test('an application that is not approved is refused with the right password (EG18-1-2)', async () => {
  const user = await provision({ approved: false });
  const res = await step1(user, user.application.password);
  assert.ok(res.body.includes(t.authFailed));
  assert.equal(tokenOf(res.body), undefined);
});

test('the 認証情報パスワード is one-time: after the certificate, URL, STEP1 and STEP2 all refuse (EG18-1-5)', async () => {
  const user = await provision();
  const first = tokenOf((await step1(user, user.application.password)).body)!;
  const second = tokenOf((await step1(user, user.application.password)).body)!;
  const issued = await step2(first);
  assert.equal(issued.statusCode, 200, issued.body);
  assert.equal(user.application.state, 'consumed');
  const serial = user.application.issuedSerial;

  assert.ok((await entrance(user)).body.includes(t.noValidApplication), 'the URL still opens STEP1');
  const again = await step1(user, user.application.password);
  assert.ok(again.body.includes(t.noValidApplication), 'STEP1 still accepts the used password');
  assert.equal(tokenOf(again.body), undefined);
  for (const token of [first, second]) {
    const res = await step2(token);
    assert.equal(res.statusCode, 409, `a second certificate was issued (${res.statusCode})`);
  }
  assert.equal(user.application.issuedSerial, serial);
});

test('after a reissue the old URL and an old STEP2 page are dead, the new ones work (EG18-1-5)', async () => {
  const user = await provision();
  const old = { application: { ...user.application } };
  const oldToken = tokenOf((await step1(user, user.application.password)).body)!;
  assert.equal((await mock.admin.inject({ method: 'POST', url: `/users/${user.userId}/reissue-certificate` })).statusCode, 200);

  assert.ok((await entrance(old)).body.includes(t.noValidApplication));
  assert.equal((await step2(oldToken)).statusCode, 409, 'an old STEP2 page issued on the new application');
  assert.equal(user.application.state, 'approved');
  assert.ok(tokenOf((await step1(user, user.application.password)).body));
});

test('the legacy policy serves IE 11 only (EG18-1-1)', async () => {
  const user = await provision({ browserPolicy: 'legacy' });
  assert.ok((await entrance(user, CHROME)).body.includes(t.unsupportedBrowser));
  assert.ok((await step1(user, user.application.password, CHROME)).body.includes(t.unsupportedBrowser));
  assert.ok((await entrance(user, IE11)).body.includes(t.step1Title));
  assert.ok(tokenOf((await step1(user, user.application.password, IE11)).body));
});

test('the import tool: 認証情報パスワード only, one certificate, not before approval (EG25-1-2, EG25-1-3)', async () => {
  const user = await provision();
  const right = user.application.password;
  assert.equal((await toolLogin(user.userId, right.slice(0, -1) + (right.endsWith('a') ? 'b' : 'a'))).statusCode, 401);
  assert.equal((await toolLogin(user.userId, user.password)).statusCode, 401, 'the login password fetched the certificate');
  assert.equal((await toolLogin(`9${user.userId}`, right)).statusCode, 401);
  assert.equal(user.application.state, 'approved');

  const login = await toolLogin(user.userId, right);
  assert.equal(login.statusCode, 200, login.body);
  const { ticket } = login.json<{ ticket: string }>();
  assert.equal((await toolCertificate(ticket)).statusCode, 200);
  assert.equal(user.application.state, 'consumed');
  assert.equal((await toolCertificate(ticket)).statusCode, 401, 'a login ticket was used twice');
  assert.equal((await toolLogin(user.userId, right)).statusCode, 409, 'the tool fetched a second certificate');

  const unapproved = await provision({ approved: false });
  assert.equal((await toolLogin(unapproved.userId, unapproved.application.password)).statusCode, 409);
});
