/** The readiness verdict: every catalogue ID, classified from tags, results and skip reasons. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUE_IDS } from '../../catalogue/ids';
import { buildRows, countRows, outcomesFromReport, type TestOutcome } from '../../scripts/verify/verdict';

const o = (tags: string[], status: TestOutcome['status'], reason?: string): TestOutcome => ({ title: 't', file: 'f', tags, phase: 'read-only', status, reason });

test('every catalogue ID gets a row; pass → verified, any failure → failed, only skips → not verifiable with the reason', () => {
  const rows = buildRows([
    o(['@LOGIN-OK'], 'passed'),
    o(['@LOGIN-OK'], 'skipped', 'needs the admin API (TARGET=mock)'),
    o(['@SIGNUP-OK'], 'passed'),
    o(['@SIGNUP-OK'], 'failed', 'expect(received).toBe(expected)'),
    o(['@EG-2-2-46', '@destructive'], 'skipped', 'destructive, not opted in (--destructive=stg to allow)'),
    o(['@BS-LOGIN'], 'skipped', 'no account of kind bulksign configured'),
    o(['@SIGN-PIN'], 'skipped', 'minting certificates needs the test PKI (TARGET=mock)'),
  ]);
  assert.deepEqual(rows.map((r) => r.id), [...CATALOGUE_IDS]);
  const row = (id: string) => rows.find((r) => r.id === id)!;
  assert.equal(row('LOGIN-OK').outcome, 'verified');
  assert.match(row('LOGIN-OK').reason, /1 needs the admin API/);
  assert.equal(row('SIGNUP-OK').outcome, 'failed');
  assert.equal(row('EG-2-2-46').outcome, 'not verifiable here');
  assert.equal(row('EG-2-2-46').reason, '1 destructive, not opted in');
  assert.equal(row('BS-LOGIN').reason, '1 no account of that kind configured');
  assert.equal(row('SIGN-PIN').reason, '1 needs the test PKI');
  assert.equal(row('MAIL-OTP').reason, 'no spec for it in this run');
  assert.deepEqual(countRows(rows), { verified: 1, failed: 1, 'not verifiable here': CATALOGUE_IDS.length - 2 });
});

test('preflight checks stand for CERT-CHECK and EG-2-1; a failed check fails the ID', () => {
  const check = (id: string, status: 'pass' | 'fail') => ({ id, section: 's', title: 't', status, detail: 'd' });
  const rows = buildRows([], [check('mtls.webra1.check-page', 'pass'), check('mtls.ds.no-certificate-refused', 'fail')]);
  assert.equal(rows.find((r) => r.id === 'CERT-CHECK')!.outcome, 'verified');
  assert.equal(rows.find((r) => r.id === 'EG-2-1')!.outcome, 'failed');
});

test('the Playwright JSON report: tags, last result, skip annotation', () => {
  const report = {
    suites: [{ suites: [{ specs: [
      { title: 'a', file: 'x.spec.ts', tags: ['@LOGIN-OK'], tests: [{ annotations: [{ type: 'skip', description: 'needs the admin API (TARGET=mock)' }], results: [{ status: 'skipped' }] }] },
      { title: 'b', file: 'x.spec.ts', tags: ['LOGIN-OK'], tests: [{ results: [{ status: 'timedOut', error: { message: 'Test timeout\nmore' } }] }] },
    ] }] }],
  };
  const got = outcomesFromReport(report, 'read-only');
  assert.deepEqual(got.map((g) => [g.status, g.reason, g.tags[0]]), [
    ['skipped', 'needs the admin API (TARGET=mock)', '@LOGIN-OK'],
    ['failed', 'Test timeout', '@LOGIN-OK'],
  ]);
});
