/**
 * Meta tests of the bulk e-signature rules (BS10), against the built mock: each boundary
 * is checked from both sides, so loosening a rule by one (PIN length 5 or 21, an OTP used
 * twice or after OTP_TTL_MS, one more wrong answer before the lock) fails here.
 *
 * Run: node --import tsx --test tests/unit/bulksign-rules.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bulkSign as t, input } from '../../messages';
import { BULK_SIGN_PATHS as P } from '../../mock/sites/bulksign';
import * as rules from '../../mock/bulksign-state';
import * as pinRule from '../../mock/signing-pin';
import { keepCookies, startHarness, type Harness } from './signing-harness';

// The boundaries as documented or decided, written out: a constant loosened in the mock
// must fail here, not move the test along with it.
/** BS10 2-d: 半角英数字6文字以上20文字以下. */
const PIN_MIN_LENGTH = 6;
const PIN_MAX_LENGTH = 20;
/** Issue 5: ten minutes (BS10 names no lifetime). */
const OTP_TTL_MS = 10 * 60_000;
/** The mock's decisions for BS10's 一定回数 and the default ログイン有効期限 (mock/bulksign-state.ts). */
const PASSWORD_FAILURES_TO_LOCK = 5;
const OTP_FAILURES_TO_LOCK = 3;
const LOGIN_VALIDITY_DAYS = 30;
const { CERT_PREPARATION_MS } = rules;

test('the mock states the same rules', () => {
  assert.deepEqual(
    [pinRule.PIN_MIN_LENGTH, pinRule.PIN_MAX_LENGTH, rules.OTP_TTL_MS, rules.PASSWORD_FAILURES_TO_LOCK, rules.OTP_FAILURES_TO_LOCK, rules.LOGIN_VALIDITY_DAYS],
    [PIN_MIN_LENGTH, PIN_MAX_LENGTH, OTP_TTL_MS, PASSWORD_FAILURES_TO_LOCK, OTP_FAILURES_TO_LOCK, LOGIN_VALIDITY_DAYS],
  );
});

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

interface BulkUser {
  userId: string;
  email: string;
  password: string;
}

async function newUser(extra: Record<string, unknown> = {}): Promise<BulkUser> {
  const created = await h.call<{ userId: string; email: string }>('POST', '/users', { kind: 'bulksign', ...extra });
  // The password is the administrator's: the meta test reads it where the mock keeps it.
  const password = h.mock.ctx.state.get(created.userId)!.password;
  return { userId: created.userId, email: created.email, password };
}

const form = (body: Record<string, string>) => new URLSearchParams(body).toString();
const post = (url: string, body: Record<string, string>, cookies: Record<string, string> = {}) =>
  h.bulksign.inject({ method: 'POST', url, payload: form(body), headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies });
const get = (url: string, cookies: Record<string, string> = {}) => h.bulksign.inject({ method: 'GET', url, cookies });
const admin = (userId: string) => h.call<{ locked: boolean; passwordFailures: number; otpFailures: number; pinRegistered: boolean }>('GET', `/users/${userId}/bulksign`);
const freeze = async (userId: string) => {
  const { clock } = await h.call<{ clock: { now: string } }>('GET', `/users/${userId}`);
  await h.call('POST', `/users/${userId}/clock`, { set: clock.now, freeze: true });
};
const advance = (userId: string, ms: number) => h.call('POST', `/users/${userId}/clock`, { advanceMs: ms });

/** ID + password → the attempt cookie and its OTP (from the real mail). */
async function logIn(u: BulkUser): Promise<{ jar: Record<string, string>; otp: string }> {
  const last = await h.lastMailId(u.email);
  const res = await post(P.login, { userId: u.userId, password: u.password });
  assert.equal(res.statusCode, 303, res.body);
  assert.equal(res.headers.location, P.otp);
  const { otp } = await h.otpFor(u.email, last);
  return { jar: keepCookies(res), otp };
}

async function submitOtp(jar: Record<string, string>, otp: string) {
  const res = await post(P.otp, { otp }, jar);
  keepCookies(res, jar);
  return res;
}

/** Logged in, 電子署名を行う, user info 次へ, preparation over: at STEP2. */
async function atStep2(u: BulkUser): Promise<Record<string, string>> {
  const { jar, otp } = await logIn(u);
  assert.equal((await submitOtp(jar, otp)).headers.location, P.setup);
  assert.equal((await post(P.setup, { choice: 'sign' }, jar)).headers.location, P.setupUser);
  assert.equal((await post(P.setupUser, {}, jar)).headers.location, P.setupWait);
  await advance(u.userId, CERT_PREPARATION_MS);
  const step2 = await get(P.setupPin, jar);
  assert.equal(step2.statusCode, 200);
  assert.match(step2.body, new RegExp(t.step2Title));
  return jar;
}

const pinOf = (n: number) => 'a1'.repeat(n).slice(0, n);

describe('one-time password', () => {
  test('is single use', async () => {
    const u = await newUser();
    const { jar, otp } = await logIn(u);
    const first = await submitOtp(jar, otp);
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, P.setup);
    const again = await post(P.otp, { otp }, { BSATTEMPT: jar.BSATTEMPT });
    assert.equal(again.statusCode, 200);
    assert.ok(again.body.includes(t.otpUsed), 'a used OTP is refused as used');
    assert.equal(again.cookies.length, 0, 'no session for a reused OTP');
  });

  test('belongs to its own login attempt', async () => {
    const u = await newUser();
    const first = await logIn(u);
    const second = await logIn(u);
    assert.notEqual(first.otp, second.otp);
    const withOld = await submitOtp(second.jar, first.otp);
    assert.ok(withOld.body.includes(t.otpWrong), "the earlier attempt's OTP is wrong for the new attempt");
    const oldAttempt = await submitOtp(first.jar, first.otp);
    assert.ok(oldAttempt.body.includes(input.sessionExpired), 'the earlier attempt is void');
    assert.equal((await submitOtp(second.jar, second.otp)).headers.location, P.setup);
  });

  test(`is accepted ${OTP_TTL_MS - 1} ms after it was sent`, async () => {
    const u = await newUser();
    await freeze(u.userId);
    const { jar, otp } = await logIn(u);
    await advance(u.userId, OTP_TTL_MS - 1);
    assert.equal((await submitOtp(jar, otp)).headers.location, P.setup);
  });

  test(`is refused ${OTP_TTL_MS} ms after it was sent`, async () => {
    const u = await newUser();
    await freeze(u.userId);
    const { jar, otp } = await logIn(u);
    await advance(u.userId, OTP_TTL_MS);
    const res = await submitOtp(jar, otp);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(t.otpExpired));
    assert.equal((await admin(u.userId)).otpFailures, 0, 'an expired OTP is not a guess');
  });

  test(`${OTP_FAILURES_TO_LOCK - 1} wrong OTPs do not lock; the ${OTP_FAILURES_TO_LOCK}th does`, async () => {
    const u = await newUser();
    const { jar, otp } = await logIn(u);
    const wrong = otp === '000000' ? '000001' : '000000';
    for (let i = 1; i < OTP_FAILURES_TO_LOCK; i++) assert.ok((await submitOtp(jar, wrong)).body.includes(t.otpWrong));
    assert.equal((await admin(u.userId)).locked, false);
    const last = await submitOtp(jar, wrong);
    assert.ok(last.body.includes(t.accountLocked));
    assert.equal((await admin(u.userId)).locked, true);
    assert.ok((await submitOtp(jar, otp)).body.includes(t.accountLocked), 'the right OTP no longer helps');
    const retry = await post(P.login, { userId: u.userId, password: u.password });
    assert.ok(retry.body.includes(t.accountLocked), 'locked also for the right password');
  });

  test('malformed OTPs are bad input, not guesses', async () => {
    const u = await newUser();
    const { jar } = await logIn(u);
    for (const bad of ['', '１２３４５６', '12345', '1234567', 'x'.repeat(10_000), '<script>', `' "`]) {
      const res = await submitOtp(jar, bad);
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes(bad === '' ? input.required(t.otpLabel) : t.otpFormat), JSON.stringify(bad.slice(0, 20)));
    }
    assert.equal((await admin(u.userId)).otpFailures, 0);
  });
});

describe('password lock', () => {
  test(`${PASSWORD_FAILURES_TO_LOCK - 1} wrong passwords do not lock and a success resets the count`, async () => {
    const u = await newUser();
    for (let i = 1; i < PASSWORD_FAILURES_TO_LOCK; i++) {
      const res = await post(P.login, { userId: u.userId, password: 'wrong0pass' });
      assert.ok(res.body.includes(input.loginFailed));
    }
    assert.equal((await admin(u.userId)).locked, false);
    await logIn(u);
    assert.equal((await admin(u.userId)).passwordFailures, 0);
  });

  test(`the ${PASSWORD_FAILURES_TO_LOCK}th wrong password in a row locks`, async () => {
    const u = await newUser();
    for (let i = 1; i < PASSWORD_FAILURES_TO_LOCK; i++) await post(P.login, { userId: u.userId, password: 'wrong0pass' });
    const res = await post(P.login, { userId: u.userId, password: 'wrong0pass' });
    assert.ok(res.body.includes(t.accountLocked));
    assert.equal((await admin(u.userId)).locked, true);
  });
});

describe('ログイン有効期限', () => {
  test(`defaults to ${LOGIN_VALIDITY_DAYS} days; login works at the expiry and is refused 1 ms after`, async () => {
    const u = await newUser();
    await freeze(u.userId);
    const { loginExpiresAt } = await h.call<{ loginExpiresAt: string }>('GET', `/users/${u.userId}/bulksign`);
    await h.call('POST', `/users/${u.userId}/clock`, { set: loginExpiresAt, freeze: true });
    await logIn(u);
    await advance(u.userId, 1);
    const res = await post(P.login, { userId: u.userId, password: u.password });
    assert.ok(res.body.includes(t.loginExpired));
  });
});

describe(`signing PIN: ${PIN_MIN_LENGTH}-${PIN_MAX_LENGTH} half-width alphanumerics`, () => {
  test(`${PIN_MIN_LENGTH - 1} and ${PIN_MAX_LENGTH + 1} characters are refused, ${PIN_MAX_LENGTH} accepted`, async () => {
    const u = await newUser();
    const jar = await atStep2(u);
    for (const n of [PIN_MIN_LENGTH - 1, PIN_MAX_LENGTH + 1]) {
      const res = await post(P.setupPin, { pin: pinOf(n), pinConfirm: pinOf(n) }, jar);
      assert.ok(res.body.includes(t.step2Title) && !res.body.includes(t.setupDone), `length ${n} must be refused`);
    }
    assert.equal((await admin(u.userId)).pinRegistered, false);
    const ok = await post(P.setupPin, { pin: pinOf(PIN_MAX_LENGTH), pinConfirm: pinOf(PIN_MAX_LENGTH) }, jar);
    assert.ok(ok.body.includes(t.setupDone));
    assert.equal((await admin(u.userId)).pinRegistered, true);
  });

  test(`${PIN_MIN_LENGTH} characters are accepted`, async () => {
    const u = await newUser();
    const jar = await atStep2(u);
    const ok = await post(P.setupPin, { pin: pinOf(PIN_MIN_LENGTH), pinConfirm: pinOf(PIN_MIN_LENGTH) }, jar);
    assert.ok(ok.body.includes(t.setupDone));
  });
});
