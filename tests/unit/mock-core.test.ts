/**
 * The mock's core, without a browser: the admin API (loopback only, never a password in
 * its answers), provisioning with real mails, per-user clocks, and pages that escape input.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadPki } from '../../certs/store';
import { loadConfig } from '../../config/env';
import { buildMailbox } from '../../mailbox/server';
import { Mailbox } from '../../fixtures/mailbox';
import { parsePasswordMail } from '../../fixtures/mail';
import { buildMock, closeMock, listenMock, type Mock } from '../../mock/build';
import { mail as m } from '../../messages';
import { MAX_SESSIONS, MockState } from '../../mock/state';

const config = loadConfig({ MOCK_BASE_PORT: '26400' });
const box = buildMailbox({ host: '127.0.0.1', smtpPort: config.mock.ports.smtp, apiPort: config.mock.ports.mailbox });
let mock: Mock;

before(async () => {
  await box.listen();
  mock = buildMock({ pki: await loadPki(), urls: config.urls, smtp: { host: '127.0.0.1', port: config.mock.ports.smtp } });
});
after(async () => {
  await closeMock(mock);
  await box.close();
});

const provision = async (body: object = {}) => {
  const res = await mock.admin.inject({ method: 'POST', url: '/users', payload: body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ userId: string; email: string }>();
};

test('the admin API refuses to listen anywhere but loopback', async () => {
  const other = buildMock({ pki: await loadPki(), urls: { ...config.urls, webra2: 'https://127.0.0.1:0', webra1: 'https://127.0.0.1:0', repo1: 'http://127.0.0.1:0', ds: 'https://127.0.0.1:0', dsnc: 'https://127.0.0.1:0', bulksign: 'https://127.0.0.1:0' }, smtp: { host: '127.0.0.1', port: 1 } });
  await assert.rejects(listenMock(other, 'http://0.0.0.0:26499'), /loopback only/);
  await closeMock(other);
});

test('provisioning sends both onboarding mails; the admin API never shows a password', async () => {
  const { userId, email } = await provision();
  const reader = new Mailbox(config.urls.mailbox, 5_000);
  const pw = parsePasswordMail((await reader.waitFor(email, m.passwordSubject)).text);
  const shown = (await mock.admin.inject({ method: 'GET', url: `/users/${userId}` })).body;
  assert.ok(!shown.includes(pw.loginPassword.reveal()), 'login password leaked by the admin API');
  assert.ok(!shown.includes(pw.issuancePassword.reveal()), '認証情報パスワード leaked by the admin API');
  assert.match(shown, new RegExp(`"userId":"${userId}"`));
});

test('each user has its own clock: moving one does not move another', async () => {
  const a = await provision({ sendMails: false });
  const b = await provision({ sendMails: false });
  const year = 366 * 24 * 3600 * 1000;
  const moved = (await mock.admin.inject({ method: 'POST', url: `/users/${a.userId}/clock`, payload: { advanceMs: year } })).json<{ now: string }>();
  const still = (await mock.admin.inject({ method: 'GET', url: `/users/${b.userId}` })).json<{ clock: { now: string } }>();
  assert.ok(Date.parse(moved.now) - Date.parse(still.clock.now) > year - 60_000);
});

test('admin input is validated by schema (no 500 for junk)', async () => {
  const res = await mock.admin.inject({ method: 'POST', url: '/users', payload: { kind: '<script>' } });
  assert.equal(res.statusCode, 400);
});

test('a tampered issuance URL gets a clear Japanese page, with the markup escaped', async () => {
  const res = await mock.sites.webra2.inject({ method: 'GET', url: '/scira/Entrance.jsp?p1=1&p2=%3Cscript%3Ealert(1)%3C%2Fscript%3E&p3=%22%27' });
  assert.ok(res.statusCode < 500);
  assert.match(res.body, /有効な証明書申請はありません。/);
  assert.ok(!res.body.includes('<script>alert(1)'), 'markup reflected unescaped');
});

test('unknown paths answer in Japanese, not with a stack trace', async () => {
  const res = await mock.sites.ds.inject({ method: 'GET', url: '/ebunsho/nope' });
  assert.equal(res.statusCode, 404);
  assert.match(res.headers['content-type'] as string, /text\/html/);
  assert.match(res.body, /URLが正しくありません/);
});

test('sessions are bounded: past MAX_SESSIONS the oldest is evicted and the newest kept', () => {
  const state = new MockState();
  const first = state.openSession('100001', null, 'ds');
  const second = state.openSession('100001', null, 'ds');
  for (let i = 2; i < MAX_SESSIONS; i++) state.openSession('100001', null, 'ds');
  assert.equal(state.sessions.size, MAX_SESSIONS);
  assert.ok(state.sessions.has(first.id), 'nothing is evicted up to the bound');
  const newest = state.openSession('100001', null, 'ds');
  assert.equal(state.sessions.size, MAX_SESSIONS);
  assert.ok(!state.sessions.has(first.id), 'the oldest session goes');
  assert.ok(state.sessions.has(second.id) && state.sessions.has(newest.id));
});
