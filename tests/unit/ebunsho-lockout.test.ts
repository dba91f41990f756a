/**
 * Meta test of EG-2-2-46: the lockout spec (e2e/ebunsho/lockout.spec.ts) expects what the
 * documents say — refused for wrong passwords 1-5, エラーコード：46 at the 6th
 * (e2e/ebunsho/lockout-rule.ts). This builds the real mock with the lock as a parameter (5, 6,
 * 7), drives signup and wrong logins over real mTLS, and checks that the spec's expectation
 * holds for 6 only: a mock that locked at 5 or 7 would fail the spec.
 *
 * Run: node --import tsx --test tests/unit/ebunsho-lockout.test.ts
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadPki, type Pki } from '../../certs/store';
import { loadConfig } from '../../config/env';
import { buildMock, closeMock } from '../../mock/build';
import { ebunsho as t, input } from '../../messages';
import { DOCUMENTED_LOCK_AFTER, documentedOutcome, type AttemptOutcome } from '../../e2e/ebunsho/lockout-rule';
import { tlsRequest } from '../../e2e/ebunsho/tls-client';

let pki: Pki;
before(async () => {
  pki = await loadPki();
});

/** The outcomes of wrong passwords 1..DOCUMENTED_LOCK_AFTER, then of the right one, on a mock locking at `lockAfter`. */
async function observe(lockAfter: number): Promise<{ wrong: (AttemptOutcome | 'other')[]; rightAfterwards: AttemptOutcome | 'other' | 'logged-in' }> {
  const mock = buildMock({
    pki,
    urls: loadConfig({ MOCK_BASE_PORT: '26600' }).urls,
    smtp: { host: '127.0.0.1', port: 1 },
    ebunsho: { lockAfterFailures: lockAfter },
  });
  try {
    await mock.sites.ds.listen({ host: '127.0.0.1', port: 0 });
    const base = `https://127.0.0.1:${(mock.sites.ds.server.address() as AddressInfo).port}/ebunsho`;
    const client = { ca: pki.serverCa.certPem, cert: fs.readFileSync(pki.variants['valid-pub-ca8'].fullchainPath), key: fs.readFileSync(pki.variants['valid-pub-ca8'].keyPath) };
    const created = await mock.admin.inject({ method: 'POST', url: '/users', payload: { sendMails: false } });
    const { userId } = created.json<{ userId: string }>();
    // A meta test of the mock may read its state: the signup code and the initial password.
    const user = mock.ctx.state.get(userId)!;
    const signup = await tlsRequest(`${base}/SignUp.do`, { ...client, method: 'POST', form: { cd: user.signupCode, userId, password: user.password } });
    assert.match(signup.body, new RegExp(t.signupDone));

    const outcome = (body: string): AttemptOutcome | 'other' =>
      body.includes(t.errorCode(46)) ? 'locked' : body.includes(input.loginFailed) ? 'refused' : 'other';
    const wrong: (AttemptOutcome | 'other')[] = [];
    for (let attempt = 1; attempt <= DOCUMENTED_LOCK_AFTER; attempt++) {
      const answer = await tlsRequest(`${base}/UrlExclusive.do`, { ...client, method: 'POST', form: { userId, password: `${user.password}x` } });
      wrong.push(outcome(answer.body));
    }
    const right = await tlsRequest(`${base}/UrlExclusive.do`, { ...client, method: 'POST', form: { userId, password: user.password } });
    return { wrong, rightAfterwards: right.status === 303 ? 'logged-in' : outcome(right.body) };
  } finally {
    await closeMock(mock);
  }
}

const documented = Array.from({ length: DOCUMENTED_LOCK_AFTER }, (_, i) => documentedOutcome(i + 1));

test('the mock as built (lock at 6) gives exactly what the lockout spec expects', async () => {
  const seen = await observe(6);
  assert.deepEqual(seen.wrong, documented);
  assert.equal(seen.rightAfterwards, 'locked');
});

test('a mock locking at 5 would fail the spec: the 5th wrong password already shows 46', async () => {
  const seen = await observe(5);
  assert.notDeepEqual(seen.wrong, documented);
  assert.equal(seen.wrong[4], 'locked');
  assert.equal(documented[4], 'refused');
});

test('a mock locking at 7 would fail the spec: the 6th wrong password is still only refused', async () => {
  const seen = await observe(7);
  assert.notDeepEqual(seen.wrong, documented);
  assert.equal(seen.wrong[5], 'refused');
  assert.equal(documented[5], 'locked');
  // And the right password logs in: nothing was locked.
  assert.equal(seen.rightAfterwards, 'logged-in');
});
