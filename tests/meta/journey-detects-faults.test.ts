/**
 * Each deliberate mock fault (mock/faults.ts) must make the spec that guards its rule fail
 * AT THE CHECK THAT GUARDS IT — not just fail somewhere. The real mock starts with the fault,
 * Playwright runs only the guarding test (its file, --grep, --workers=1), and the JSON report
 * is read: the test ran, it failed, and the chain of failing steps (test.step titles, outer →
 * inner; page-object checks are boxed steps titled by what they verify, pages/step.ts) is
 * exactly the expected one. A fault caught at another step (the journey broke for another
 * reason) or by a timeout does not count.
 *
 * For time, the SMTP catcher runs once and the mock is built in this process per batch (no
 * process start, no transpile): Playwright finds both up and reuses them (reuseExistingServer
 * outside CI). And faults whose guards cannot meet run together:
 * BATCHES puts in one mock only faults that touch none of the others' guarding tests (the
 * reasons are next to each batch), and every guarding test of the batch must still fail at
 * its own step — a fault that leaked into another guard's test shows as a wrong step there.
 *
 * The other direction (the guarding tests pass against the faultless mock) is the e2e suite
 * itself, run by the same `npm test`.
 *
 * The expected titles are built from the suite's messages (what the checks are titled with),
 * and FAULTS is a Record over every fault name: a new fault without a guard does not compile.
 *
 * Run: node --import tsx --test tests/meta/journey-detects-faults.test.ts
 * (META_BASE_PORT moves the mock's ports; the runs are sequential and share them.)
 * Measured on the 2-core box: see the per-batch seconds printed as `# batch …`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
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

/**
 * Faults that share a mock. Why they cannot meet: the journey faults break every onboarding
 * user's mail, signup or サービスTOP, so they go only with faults whose guards use minted
 * certificates and fixture logins they do not touch, or bulk-sign accounts (another system);
 * two faults guarded by the same test (lock.spec: lock-late and lock-code) never share.
 */
export const BATCHES: FaultName[][] = [
  // issuance password mail; エコ文書 lock count (signedUpUser: minted certificate, login password); bulk-sign lock; PIN length
  ['wrong-issuance-password', 'ebunsho-lock-late', 'bulksign-password-lock-late', 'pin-min-5'],
  // the issuing CA (minted certificates are the suite's PKI); password policy; OTP lock count
  ['wrong-issuer', 'password-policy-7', 'bulksign-otp-lock-late'],
  // signup binding (one-time.spec signs nobody up); OTP lifetime; one-time URL
  ['signup-not-bound', 'bulksign-otp-lives-longer', 'issuance-url-reusable'],
  // サービスTOP table (binding.spec fails before any サービスTOP); OTP single use; certificate binding at login
  ['top-without-disk-table', 'bulksign-otp-reusable', 'login-ignores-binding'],
  // one character of the signup message (otp-binding and lock.spec sign nobody up); OTP ↔ attempt; lock code
  ['text-one-character', 'bulksign-otp-any-attempt', 'bulksign-lock-code'],
];

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
  file?: string;
  specs?: { title: string; file: string; tests: { results: JsonResult[] }[] }[];
  suites?: JsonSuite[];
}
interface RanTest {
  file: string;
  /** Describe titles and the test title, as --grep sees them. */
  title: string;
  result: JsonResult;
}

function resultsOf(report: { suites?: JsonSuite[] }): RanTest[] {
  const out: RanTest[] = [];
  const walk = (s: JsonSuite, parents: string[]) => {
    const titles = s.file === s.title ? parents : [...parents, s.title];
    for (const spec of s.specs ?? []) for (const t of spec.tests) for (const r of t.results) out.push({ file: spec.file, title: [...titles, spec.title].join(' '), result: r });
    for (const c of s.suites ?? []) walk(c, titles);
  };
  for (const s of report.suites ?? []) walk(s, []);
  return out;
}

/** The chain of failing steps, outer → inner (the first failing step at each level). */
export function failingStepPath(steps: JsonStep[] | undefined): string[] {
  const failed = (steps ?? []).find((s) => s.error);
  return failed ? [failed.title, ...failingStepPath(failed.steps)] : [];
}

const selects = (guard: Guard, t: RanTest) => `e2e/${t.file}` === guard.spec && new RegExp(guard.grep).test(t.title);

/** The suite's configuration for the meta ports, read only after MOCK_BASE_PORT is set. */
async function metaConfig() {
  process.env.MOCK_BASE_PORT = String(BASE_PORT);
  process.env.TARGET = 'mock';
  return (await import('../../config/env')).config;
}

let mailbox: { close(): Promise<void> } | undefined;
before(async () => {
  const config = await metaConfig();
  const { ensurePkiForRun } = await import('../../certs/ensure');
  ensurePkiForRun(config.pkiDir);
  const { buildMailbox } = await import('../../mailbox/server');
  const catcher = buildMailbox({ host: config.mock.host, smtpPort: config.mock.ports.smtp, apiPort: config.mock.ports.mailbox });
  await catcher.listen();
  mailbox = catcher;
});
after(async () => {
  await mailbox?.close();
});

/** The real mock with `faults`, in this process, on the meta ports, for the length of `body`. */
async function withMock<T>(faults: FaultName[], body: () => Promise<T>): Promise<T> {
  const config = await metaConfig();
  const { loadPki } = await import('../../certs/store');
  const { buildMock, closeMock, listenMock } = await import('../../mock/build');
  const mock = buildMock({ pki: await loadPki({ dir: config.pkiDir }), urls: config.urls, smtp: { host: config.mock.host, port: config.mock.ports.smtp }, faults: new Set(faults) });
  await listenMock(mock, config.urls.admin!);
  try {
    return await body();
  } finally {
    await closeMock(mock);
  }
}

async function runBatch(name: string, faults: FaultName[]) {
  const dir = path.join(REPORTS, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const json = path.join(dir, 'results.json');
  const guards = faults.map((f) => GUARDS[f]);
  const specs = [...new Set(guards.map((g) => g.spec))];
  const grep = guards.map((g) => `(?:${g.grep})`).join('|');
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MOCK_FAULTS: '',
    MOCK_BASE_PORT: String(BASE_PORT),
    REPORTS_DIR: dir,
    PLAYWRIGHT_JSON_OUTPUT_NAME: json,
    EVIDENCE: '0',
  };
  // Outside CI Playwright reuses the catcher and the mock this process runs (with the faults).
  delete env.CI;
  // Asynchronous: the mock under test answers from this very process meanwhile.
  const child = spawn(process.execPath, [require.resolve('@playwright/test/cli'), 'test', ...specs, '--grep', grep, '--workers=1', '--retries=0', '--reporter=json'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 240_000);
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
  clearTimeout(killer);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`# batch ${name} (${faults.join(', ')}): ${seconds} s`);
  if (!fs.existsSync(json)) return { error: `no JSON report (${seconds} s): ${stderr.slice(-2000)}`, results: [] as RanTest[], seconds };
  const report = JSON.parse(fs.readFileSync(json, 'utf8')) as { suites?: JsonSuite[]; errors?: { message?: string }[] };
  const errors = (report.errors ?? []).map((e) => e.message ?? '').join('\n');
  return { error: errors || null, results: resultsOf(report), seconds };
}

test('every fault is in exactly one batch, and no two faults of a batch share a guarding test', () => {
  assert.deepEqual(BATCHES.flat().sort(), (Object.keys(FAULTS) as FaultName[]).sort());
  for (const batch of BATCHES) {
    const guards = batch.map((f) => `${GUARDS[f].spec} ${GUARDS[f].grep}`);
    assert.equal(new Set(guards).size, guards.length, `a batch with two faults on one guard: ${batch.join(', ')}`);
  }
});

BATCHES.forEach((faults, index) => {
  describe(`batch ${index + 1}: ${faults.join(', ')}`, () => {
    let run: Awaited<ReturnType<typeof runBatch>>;
    before(async () => {
      run = await withMock(faults, () => runBatch(`batch-${index + 1}`, faults));
    });

    test('the run selected exactly the guarding tests', () => {
      assert.equal(run.error, null, run.error ?? '');
      const expected = faults.map((f) => GUARDS[f]);
      for (const t of run.results) assert.ok(expected.some((g) => selects(g, t)), `an unexpected test ran: ${t.file} ${t.title}`);
      assert.equal(run.results.length, faults.length, `ran ${run.results.length} tests for ${faults.length} faults (${run.seconds} s)`);
    });

    for (const fault of faults) {
      const guard = GUARDS[fault];
      test(`"${fault}" (${FAULTS[fault]}) fails ${guard.spec} at «${guard.failsAt.join(' › ')}»`, () => {
        const ran = run.results.filter((t) => selects(guard, t));
        assert.equal(ran.length, 1, `--grep "${guard.grep}" must select exactly one test of ${guard.spec}`);
        const [{ title, result }] = ran;
        assert.equal(result.status, 'failed', `"${title}" was ${result.status} although the mock had "${fault}"`);
        assert.deepEqual(failingStepPath(result.steps), guard.failsAt, `"${title}" failed at another step than the guard: ${result.errors?.[0]?.message?.slice(0, 600) ?? ''}`);
      });
    }
  });
});
