/**
 * `npm run verify` proven against the staging double (double/): the mock deployed as a
 * separate environment — its own server CA, `.test` host names, accounts from a seed file,
 * mail into a real IMAP server when Dovecot is installed. Read-only first, then with the
 * opt-in that names it; the verdict must list verified IDs and no failure. And with the
 * production host names configured, the destructive specs are refused even with the opt-in
 * (shown with --list: no traffic).
 *
 * Runs Playwright twice per verify: run it alone (flock /tmp/pw.lock, as scripts/test.sh does).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDouble, type RunningDouble } from '../../double/start';
import type { Verdict } from '../../scripts/verify/verdict';

const ROOT = path.resolve(__dirname, '..', '..');
/** Measured against the double (README "Verifying an environment before a rollout"); raise when specs learn to run without the admin API. */
const MIN_VERIFIED_READ_ONLY = Number(process.env.VERIFY_MIN_READ_ONLY ?? 10);
const MIN_VERIFIED_OPTED_IN = Number(process.env.VERIFY_MIN_OPTED_IN ?? 18);

let double: RunningDouble;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-double-'));

/** verify in its own process; asynchronously, since the double answers from this process's event loop. */
async function verify(args: string[], reports: string) {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'verify.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, REPORTS_DIR: reports, DOTENV_PATH: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const res = { stdout, stderr, status };
  const verdictFile = path.join(reports, 'verify', 'verdict.json');
  const verdict = fs.existsSync(verdictFile) ? (JSON.parse(fs.readFileSync(verdictFile, 'utf8')) as Verdict) : undefined;
  // VERIFY_DOUBLE_OUT keeps each run's output and verdict (the temp dir goes at the end).
  if (process.env.VERIFY_DOUBLE_OUT) {
    const keep = path.join(process.env.VERIFY_DOUBLE_OUT, path.basename(reports));
    fs.mkdirSync(keep, { recursive: true });
    fs.writeFileSync(path.join(keep, 'stdout.txt'), `${res.stdout}\n${res.stderr}`);
    if (verdict) fs.copyFileSync(verdictFile, path.join(keep, 'verdict.json'));
  }
  return { ...res, ms: Date.now() - started, verdict };
}

const ids = (verdict: { rows: { id: string; outcome: string }[] }, outcome: string) => verdict.rows.filter((r) => r.outcome === outcome).map((r) => r.id);

before(async () => {
  double = await startDouble({ dir: path.join(work, 'double'), seedFile: path.join(__dirname, 'verify-double.seed.json') });
});
after(async () => {
  await double?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

test('read-only: preflight passes, the smoke verifies IDs, nothing fails, destructive specs are reported as not opted in', { timeout: 15 * 60_000 }, async () => {
  const run = await verify(['--env-file', double.envFile], path.join(work, 'ro'));
  assert.ok(run.verdict, `no verdict written:\n${run.stdout}\n${run.stderr}`);
  console.log(`read-only verify: ${(run.ms / 1000).toFixed(1)} s; verified: ${ids(run.verdict, 'verified').join(' ')}`);
  assert.deepEqual(ids(run.verdict, 'failed'), [], run.stdout.slice(-4000));
  assert.equal(run.verdict.preflight.failed, 0);
  assert.ok(ids(run.verdict, 'verified').length >= MIN_VERIFIED_READ_ONLY, `verified ${ids(run.verdict, 'verified').length}`);
  const notOptedIn = run.verdict.rows.filter((r) => /destructive, not opted in/.test(r.reason));
  assert.ok(notOptedIn.length > 0, 'the destructive IDs say why they were not verified');
  assert.equal(run.status, 0, run.stdout.slice(-3000));
});

test('with the opt-in naming the double: more IDs verified, none failed', { timeout: 20 * 60_000 }, async () => {
  const run = await verify(['--env-file', double.envFile, `--destructive=${double.env.ENVIRONMENT_NAME}`], path.join(work, 'rw'));
  assert.ok(run.verdict, `no verdict written:\n${run.stdout}\n${run.stderr}`);
  const verified = ids(run.verdict, 'verified');
  console.log(`opted-in verify: ${(run.ms / 1000).toFixed(1)} s; ${verified.length} verified: ${verified.join(' ')}`);
  assert.equal(run.verdict.destructive.allowed, true);
  assert.deepEqual(ids(run.verdict, 'failed'), [], run.stdout.slice(-4000));
  assert.ok(verified.length >= MIN_VERIFIED_OPTED_IN, `verified ${verified.length} < ${MIN_VERIFIED_OPTED_IN}`);
  assert.equal(run.status, 0, run.stdout.slice(-3000));
});

test('an opt-in that names another environment runs nothing destructive', { timeout: 5 * 60_000 }, async () => {
  const run = await verify(['--env-file', double.envFile, '--destructive=production', '--list'], path.join(work, 'other'));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /destructive specs: not run — destructive, not opted in \(the opt-in names "production"/);
  assert.doesNotMatch(run.stdout, /RUN .*@destructive/);
});

test('production host names: destructive specs refused even with the matching opt-in (no traffic)', { timeout: 5 * 60_000 }, async () => {
  const env = fs.readFileSync(double.envFile, 'utf8')
    .replace(/^STAGING_WEBRA2_URL=.*$/m, 'STAGING_WEBRA2_URL=https://webra2.secomtrust.net')
    .replace(/^STAGING_WEBRA1_URL=.*$/m, 'STAGING_WEBRA1_URL=https://webra1.secomtrust.net')
    .replace(/^STAGING_REPO1_URL=.*$/m, 'STAGING_REPO1_URL=http://repo1.secomtrust.net')
    .replace(/^STAGING_DS_URL=.*$/m, 'STAGING_DS_URL=https://ds.e-kakushin.com')
    .replace(/^STAGING_DSNC_URL=.*$/m, 'STAGING_DSNC_URL=https://ds-nc.e-kakushin.com')
    .replace(/^ENVIRONMENT_NAME=.*$/m, 'ENVIRONMENT_NAME=production')
    .replace(/^RESOLVE=.*$/m, 'RESOLVE=');
  const file = path.join(work, 'production.env');
  fs.writeFileSync(file, env, { mode: 0o600 });
  const run = await verify(['--env-file', file, '--destructive=production', '--list'], path.join(work, 'prod'));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /destructive specs: not run — production host, read-only: .*secomtrust\.net/);
  assert.match(run.stdout, /3\. destructive: 0 would run, [1-9]\d* would not/);
  assert.doesNotMatch(run.stdout, /RUN .*@destructive/);
});
