/**
 * Each deliberate mock fault (mock/faults.ts) must make the spec that guards its rule fail
 * AT THE CHECK THAT GUARDS IT — not just fail somewhere. Per fault: the real mock starts with
 * that one defect, Playwright runs only the guarding test (its file, --grep, --workers=1),
 * and the JSON report is read: exactly one test ran, it failed, and the chain of failing
 * steps (test.step titles, outer → inner; page-object checks are boxed steps titled by what
 * they verify, pages/step.ts) is exactly the expected one. A fault caught at an earlier step
 * (the journey broke for another reason) or by a timeout does not count.
 *
 * The other direction: the same guarding tests, run together against the faultless mock,
 * all pass — so each failure below is the fault's doing.
 *
 * The expected titles are built from the suite's messages (what the checks are titled with),
 * and FAULTS is a Record over every fault name: a new fault without a guard does not compile.
 *
 * Run: node --import tsx --test tests/meta/journey-detects-faults.test.ts
 * (META_BASE_PORT moves the mock's ports; the runs are sequential and share them.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FAULTS, type FaultName } from '../../mock/faults';
import { bulkSign, ebunsho, issuance, signing } from '../../messages';

const ROOT = path.resolve(__dirname, '..', '..');
const BASE_PORT = Number(process.env.META_BASE_PORT ?? 25400);
const REPORTS = path.resolve(ROOT, process.env.META_REPORTS_DIR ?? path.join('reports', 'meta'));

interface Guard {
  spec: string;
  /** Selects exactly one test of `spec` (a regular expression source, as --grep takes it). */
  grep: string;
  /** The failing steps, outer → inner, by title. */
  failsAt: string[];
}

const journey = { spec: 'e2e/onboarding.spec.ts', grep: 'a new user reads the two mails' };
const bulkSignLocked = `エラー画面（${ebunsho.errorCode(46)}）を確認`;

export const GUARDS: Record<FaultName, Guard> = {
  'wrong-issuance-password': { ...journey, failsAt: [`${issuance.step2Title} の画面を確認`] },
  'wrong-issuer': { ...journey, failsAt: ['the issued certificate: subject, issuer, chain, key length, purpose, validity'] },
  'signup-not-bound': { ...journey, failsAt: ['サービスTOPの表示を確認'] },
  'top-without-disk-table': { ...journey, failsAt: ['サービスTOPの表示を確認', `「${ebunsho.diskContract}」の表を確認`] },
  'text-one-character': { ...journey, failsAt: [`「${ebunsho.signupDone}」の表示を確認`] },
  'ebunsho-lock-late': {
    spec: 'e2e/ebunsho/lockout.spec.ts',
    grep: 'exactly the 6th consecutive wrong password locks',
    failsAt: ['wrong password 6', `「${ebunsho.serviceUnavailable}」${ebunsho.errorCode(46)} を確認`],
  },
  'password-policy-7': {
    spec: 'e2e/ebunsho/password-change.spec.ts',
    grep: 'every policy violation',
    failsAt: ['7 characters', `パスワード変更で「${ebunsho.newPasswordTooShort(8)}」を確認`],
  },
  'issuance-url-reusable': {
    spec: 'e2e/issuance/one-time.spec.ts',
    grep: 'the URL is one-time: after the certificate was issued',
    failsAt: [`「${issuance.noValidApplication}」の表示を確認`],
  },
  'login-ignores-binding': {
    spec: 'e2e/ebunsho/binding.spec.ts',
    grep: "opens no other user's login",
    failsAt: ["B's certificate with A's ID and password", `「${ebunsho.serviceUnavailable}」${ebunsho.errorCode(53)} を確認`],
  },
  'bulksign-password-lock-late': { spec: 'e2e/bulksign/lock.spec.ts', grep: 'th wrong password in a row locks', failsAt: [bulkSignLocked] },
  'bulksign-lock-code': { spec: 'e2e/bulksign/lock.spec.ts', grep: 'th wrong password in a row locks', failsAt: [bulkSignLocked] },
  'bulksign-otp-lock-late': { spec: 'e2e/bulksign/otp.spec.ts', grep: 'wrong OTPs in a row lock', failsAt: [bulkSignLocked] },
  'bulksign-otp-lives-longer': {
    spec: 'e2e/bulksign/otp.spec.ts',
    grep: 'minutes old \\(user clock\\) is refused',
    failsAt: [`ログイン画面で「${bulkSign.otpExpired}」を確認`],
  },
  'bulksign-otp-reusable': {
    spec: 'e2e/bulksign/otp.spec.ts',
    grep: 'a used OTP is refused',
    failsAt: [`ログイン画面で「${bulkSign.otpUsed}」を確認`],
  },
  'bulksign-otp-any-attempt': {
    spec: 'e2e/bulksign/otp-binding.spec.ts',
    grep: "one user's OTP does not complete another user's login",
    failsAt: ["A's OTP on B's attempt", `ワンタイムパスワード画面で「${bulkSign.otpWrong}」を確認`],
  },
  'pin-min-5': {
    spec: 'e2e/bulksign/pin.spec.ts',
    grep: 'too short, too long, full-width',
    failsAt: ['refused: 5 characters', `暗証コード登録で「${signing.pinLength(bulkSign.newPin, 6, 20)}」を確認`],
  },
};

interface JsonStep {
  title: string;
  error?: unknown;
  steps?: JsonStep[];
}
interface JsonResult {
  status: string;
  steps?: JsonStep[];
  errors?: { message?: string }[];
}
interface JsonSuite {
  title: string;
  specs?: { title: string; tests: { results: JsonResult[] }[] }[];
  suites?: JsonSuite[];
}

function resultsOf(report: { suites?: JsonSuite[] }): { title: string; result: JsonResult }[] {
  const out: { title: string; result: JsonResult }[] = [];
  const walk = (s: JsonSuite) => {
    for (const spec of s.specs ?? []) for (const t of spec.tests) for (const r of t.results) out.push({ title: spec.title, result: r });
    for (const c of s.suites ?? []) walk(c);
  };
  for (const s of report.suites ?? []) walk(s);
  return out;
}

/** The chain of failing steps, outer → inner (the first failing step at each level). */
export function failingStepPath(steps: JsonStep[] | undefined): string[] {
  const failed = (steps ?? []).find((s) => s.error);
  return failed ? [failed.title, ...failingStepPath(failed.steps)] : [];
}

function runGuarded(name: string, specs: string[], grep: string, fault: string) {
  const dir = path.join(REPORTS, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const json = path.join(dir, 'results.json');
  const started = Date.now();
  const run = spawnSync(process.execPath, [require.resolve('@playwright/test/cli'), 'test', ...specs, '--grep', grep, '--workers=1', '--reporter=json'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    env: {
      ...process.env,
      CI: '1',
      MOCK_FAULTS: fault,
      MOCK_BASE_PORT: String(BASE_PORT),
      REPORTS_DIR: dir,
      PLAYWRIGHT_JSON_OUTPUT_NAME: json,
      EVIDENCE: '0',
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  assert.ok(fs.existsSync(json), `no JSON report (${seconds} s): ${run.stderr.slice(-2000)}`);
  const report = JSON.parse(fs.readFileSync(json, 'utf8')) as { suites?: JsonSuite[]; errors?: { message?: string }[] };
  assert.deepEqual((report.errors ?? []).map((e) => e.message), [], 'the run itself had errors');
  return { results: resultsOf(report), seconds };
}

test('the guarding tests pass against the faultless mock (each failure below is the fault\'s doing)', () => {
  const guards = Object.values(GUARDS);
  const specs = [...new Set(guards.map((g) => g.spec))];
  const grep = [...new Set(guards.map((g) => g.grep))].map((g) => `(?:${g})`).join('|');
  const { results, seconds } = runGuarded('no-fault', specs, grep, '');
  assert.equal(results.length, new Set(guards.map((g) => `${g.spec}\n${g.grep}`)).size, `each guard selects one test (${seconds} s)`);
  const notPassed = results.filter((r) => r.result.status !== 'passed').map((r) => `${r.title}: ${r.result.status} at ${failingStepPath(r.result.steps).join(' › ')}`);
  assert.deepEqual(notPassed, []);
});

for (const fault of Object.keys(FAULTS) as FaultName[]) {
  const guard = GUARDS[fault];
  test(`"${fault}" (${FAULTS[fault]}) fails ${guard.spec} at «${guard.failsAt.join(' › ')}»`, () => {
    const { results, seconds } = runGuarded(fault, [guard.spec], guard.grep, fault);
    assert.equal(results.length, 1, `--grep "${guard.grep}" must select exactly one test (${seconds} s)`);
    const [{ title, result }] = results;
    assert.equal(result.status, 'failed', `"${title}" was ${result.status} although the mock had "${fault}"`);
    assert.deepEqual(failingStepPath(result.steps), guard.failsAt, `"${title}" failed at another step than the guard (${seconds} s): ${result.errors?.[0]?.message?.slice(0, 600) ?? ''}`);
    console.log(`# ${fault}: caught at «${guard.failsAt.at(-1)}» in ${seconds} s`);
  });
}
