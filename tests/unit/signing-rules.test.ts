/**
 * Meta tests of the エコ文書 signing certificate (TJK 署名用証明書管理) against the built
 * mock: the state machine on the user's clock, a real certificate with the user's names,
 * 再発行's new serial, and the PIN boundaries from both sides (5 and 21 refused, 6 and 20
 * accepted), so loosening the rule by one fails here.
 *
 * Run: node --import tsx --test tests/unit/signing-rules.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseCertificate } from '../../certs/issue';
import { signing as t } from '../../messages';
import { SESSION_COOKIE } from '../../mock/session';
import { SIGNING_PREPARATION_MS } from '../../mock/signing-state';
import { startHarness, type Harness } from './signing-harness';

/** BS10 2-d (applied to エコ文書 too): 半角英数字6文字以上20文字以下, written out so a loosened mock fails. */
const PIN_MIN_LENGTH = 6;
const PIN_MAX_LENGTH = 20;

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

interface Signing {
  state: string;
  serialHex: string | null;
  pinRegistered: boolean;
  serials: string[];
}

/** Sessions are bound to the host they were opened on. */
const DS_HOST = 'ds.test';

/** A エコ文書 user with a session (inject has no TLS peer, so the session holds no certificate). */
async function loggedIn(extra: Record<string, unknown> = {}) {
  const { userId } = await h.call<{ userId: string }>('POST', '/users', { sendMails: false, ...extra });
  const session = h.mock.ctx.state.openSession(userId, null, DS_HOST);
  return { userId, cookies: { [SESSION_COOKIE]: session.id } };
}

const form = (body: Record<string, string>) => new URLSearchParams(body).toString();
const post = (url: string, body: Record<string, string>, cookies: Record<string, string>) =>
  h.ds.inject({ method: 'POST', url, payload: form(body), headers: { 'content-type': 'application/x-www-form-urlencoded', host: DS_HOST }, cookies });
const get = (url: string, cookies: Record<string, string>) => h.ds.inject({ method: 'GET', url, cookies, headers: { host: DS_HOST } });
const signing = (userId: string) => h.call<Signing>('GET', `/users/${userId}/signing`);
const pinOf = (n: number) => 'b2'.repeat(n).slice(0, n);

async function pinDue(extra: Record<string, unknown> = {}) {
  const u = await loggedIn(extra);
  assert.ok((await get('/ebunsho/SigningCert.do', u.cookies)).body.includes(t.notValid));
  const issued = await post('/ebunsho/SigningCertIssue.do', {}, u.cookies);
  assert.ok(issued.body.includes(t.done));
  assert.ok((await get('/ebunsho/SigningCert.do', u.cookies)).body.includes(t.pending));
  await h.call('POST', `/users/${u.userId}/clock`, { advanceMs: SIGNING_PREPARATION_MS });
  assert.ok((await get('/ebunsho/SigningCert.do', u.cookies)).body.includes(t.pinDue));
  return u;
}

describe('署名用証明書管理', () => {
  test('preparation ends after SIGNING_PREPARATION_MS on the user clock, not 1 ms before', async () => {
    const u = await loggedIn();
    const { clock } = await h.call<{ clock: { now: string } }>('GET', `/users/${u.userId}`);
    await h.call('POST', `/users/${u.userId}/clock`, { set: clock.now, freeze: true });
    await post('/ebunsho/SigningCertIssue.do', {}, u.cookies);
    await h.call('POST', `/users/${u.userId}/clock`, { advanceMs: SIGNING_PREPARATION_MS - 1 });
    assert.equal((await signing(u.userId)).state, 'preparing');
    assert.equal((await get('/ebunsho/SigningCertDownload.do', u.cookies)).statusCode, 404, 'no certificate while preparing');
    await h.call('POST', `/users/${u.userId}/clock`, { advanceMs: 1 });
    assert.equal((await signing(u.userId)).state, 'pin-due');
  });

  test("the certificate is real and carries the user's names; a second 新規発行 changes nothing", async () => {
    const u = await pinDue({ nameRomaji: 'Hanako Yamada', companyRomaji: 'ACME' });
    const pem = (await get('/ebunsho/SigningCertDownload.do', u.cookies)).body;
    const cert = parseCertificate(pem);
    assert.equal(cert.subject.CN, 'Hanako Yamada');
    assert.deepEqual(cert.subject.OU, ['Denshi Syoko Service4', 'ACME']);
    assert.equal(cert.subject.O, 'SECOM Trust Systems CO. LTD.');
    assert.equal(cert.subject.C, 'JP');
    const before = await signing(u.userId);
    assert.equal(cert.serialHex, before.serialHex);
    const again = await post('/ebunsho/SigningCertIssue.do', {}, u.cookies);
    assert.equal(again.statusCode, 303);
    assert.deepEqual(await signing(u.userId), before);
  });

  test('再発行 gives a new serial and asks for a new PIN', async () => {
    const u = await pinDue();
    await post('/ebunsho/SigningCertPin.do', { pin: pinOf(8), pinConfirm: pinOf(8) }, u.cookies);
    const first = await signing(u.userId);
    assert.equal(first.state, 'ready');
    await post('/ebunsho/SigningCertReissue.do', {}, u.cookies);
    await h.call('POST', `/users/${u.userId}/clock`, { advanceMs: SIGNING_PREPARATION_MS });
    const second = await signing(u.userId);
    assert.equal(second.state, 'pin-due');
    assert.notEqual(second.serialHex, first.serialHex);
    assert.deepEqual(second.serials, [first.serialHex, second.serialHex]);
  });
});

describe(`初期暗証コード: ${PIN_MIN_LENGTH}-${PIN_MAX_LENGTH} half-width alphanumerics`, () => {
  test(`${PIN_MIN_LENGTH - 1} and ${PIN_MAX_LENGTH + 1} characters are refused, ${PIN_MAX_LENGTH} accepted`, async () => {
    const u = await pinDue();
    for (const n of [PIN_MIN_LENGTH - 1, PIN_MAX_LENGTH + 1]) {
      const res = await post('/ebunsho/SigningCertPin.do', { pin: pinOf(n), pinConfirm: pinOf(n) }, u.cookies);
      assert.ok(res.body.includes(t.pinLength(t.newPin, PIN_MIN_LENGTH, PIN_MAX_LENGTH)), `length ${n} must be refused`);
      assert.equal((await signing(u.userId)).pinRegistered, false);
    }
    const ok = await post('/ebunsho/SigningCertPin.do', { pin: pinOf(PIN_MAX_LENGTH), pinConfirm: pinOf(PIN_MAX_LENGTH) }, u.cookies);
    assert.ok(ok.body.includes(t.done));
    assert.equal((await signing(u.userId)).pinRegistered, true);
  });

  test(`${PIN_MIN_LENGTH} characters are accepted`, async () => {
    const u = await pinDue();
    const ok = await post('/ebunsho/SigningCertPin.do', { pin: pinOf(PIN_MIN_LENGTH), pinConfirm: pinOf(PIN_MIN_LENGTH) }, u.cookies);
    assert.ok(ok.body.includes(t.done));
    assert.equal((await signing(u.userId)).pinRegistered, true);
  });

  test('full-width, mismatched, empty and markup PINs are refused', async () => {
    const u = await pinDue();
    for (const [pin, confirm] of [['ＡＢＣ１２３', 'ＡＢＣ１２３'], ['abc12345', 'abc12346'], ['', ''], ['<b>x</b>1', '<b>x</b>1'], ['abc12345', '']]) {
      const res = await post('/ebunsho/SigningCertPin.do', { pin, pinConfirm: confirm }, u.cookies);
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes(t.pinTitle) && !res.body.includes(t.done), JSON.stringify([pin, confirm]));
    }
    assert.equal((await signing(u.userId)).pinRegistered, false);
  });
});
