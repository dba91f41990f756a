/**
 * `npm run verify [-- --env-file FILE] [--destructive=<ENVIRONMENT_NAME>] [--list]`
 *
 * Tells a rollout owner whether an environment works for a new user, in this order:
 *   1. preflight (verify/preflight): network, TLS, certificates, repository — no account;
 *   2. the read-only smoke: every spec not tagged @destructive, with the configured accounts;
 *   3. only with the opt-in that names the environment (never on production hosts): the
 *      @destructive specs, with throwaway (fresh) accounts.
 * Ends with the readiness verdict — every catalogue ID verified / failed / not verifiable here
 * with the reason — printed, in reports/verify/verdict.json and in Allure (own epic).
 * Exit 0 only when every required check ran and passed; a run that verified nothing fails.
 * `--list` shows what would run and why the rest would not, without any traffic.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CheckResult } from '../verify/preflight/types';
import type { TestOutcome, Verdict } from './verify/verdict';

const ROOT = path.resolve(__dirname, '..');

interface PlannedTest {
  title: string;
  file: string;
  line: number;
  tags: string[];
  destructive: boolean;
  /** Why it would not run here (predicted without traffic), or undefined. */
  wouldSkip?: string;
}

function playwright(args: string[], env: NodeJS.ProcessEnv, capture: boolean) {
  return spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The fixtures a test asks for, read from its source (for --list: predicted, not run). */
function fixturesOf(file: string, line: number): string[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n').slice(line - 1, line + 15).join('\n');
  const head = lines.slice(0, lines.indexOf('=>') >= 0 ? lines.indexOf('=>') : undefined);
  return [...head.matchAll(/[{,]\s*(\w+)/g)].map((m) => m[1]);
}

async function main() {
  const { values } = parseArgs({
    options: {
      'env-file': { type: 'string' },
      destructive: { type: 'string' },
      list: { type: 'boolean', default: false },
    },
  });
  // The configuration module reads these as it loads: set them first.
  if (values['env-file']) process.env.DOTENV_PATH = path.resolve(values['env-file']);
  if (values.destructive !== undefined) process.env.VERIFY_DESTRUCTIVE = values.destructive;

  const { config } = await import('../config/env');
  const { destructivePolicy, DESTRUCTIVE_TAG } = await import('../config/safety');
  const { loadAccounts, describeAccounts } = await import('../fixtures/accounts');
  const { NOT_HERE } = await import('../fixtures/not-here');
  const { buildRows, countRows, formatTable, outcomesFromReport } = await import('./verify/verdict');
  const { writeAllure } = await import('./verify/allure');

  const environment = config.env.ENVIRONMENT_NAME ?? config.target;
  const accounts = config.env.ACCOUNTS_FILE ? loadAccounts(config.env.ACCOUNTS_FILE) : undefined;
  const policy = destructivePolicy(config);
  const outDir = path.join(config.reportsDir, 'verify');
  fs.mkdirSync(outDir, { recursive: true });
  const childEnv = (reports: string): NodeJS.ProcessEnv => ({
    ...process.env,
    REPORTS_DIR: reports,
    LEASES_DIR: path.join(config.reportsDir, 'leases'),
  });

  // The plan: Playwright's own listing (no traffic), each test classified.
  // The listing is not filtered for production (playwright.config.ts): it sends nothing, and
  // --list shows each refused spec with its reason. The phases below keep every filter.
  const listed = playwright(['--list', '--reporter=json'], childEnv(path.join(outDir, 'list')), true);
  if (listed.status !== 0) {
    console.error(`verify: could not list the specs:\n${listed.stderr || listed.stdout}`);
    process.exit(2);
  }
  interface ListedSuite {
    specs?: { title: string; file: string; line: number; tags?: string[] }[];
    suites?: ListedSuite[];
  }
  const listing = JSON.parse(listed.stdout.slice(listed.stdout.indexOf('{'))) as ListedSuite;
  const plan: PlannedTest[] = [];
  const walk = (s: ListedSuite) => {
    for (const spec of s.specs ?? []) {
      const tags = (spec.tags ?? []).map((t) => (t.startsWith('@') ? t : `@${t}`));
      const destructive = tags.includes(DESTRUCTIVE_TAG);
      const file = path.join(ROOT, 'e2e', spec.file);
      const fixtures = config.target === 'staging' ? fixturesOf(fs.existsSync(file) ? file : path.join(ROOT, spec.file), spec.line) : [];
      let wouldSkip: string | undefined;
      if (destructive && !policy.allowed) wouldSkip = policy.reason;
      else if (fixtures.includes('admin')) wouldSkip = `${NOT_HERE.adminApi} (predicted from its fixtures)`;
      else if (fixtures.includes('mintCertificate')) wouldSkip = `${NOT_HERE.testPki} (predicted from its fixtures)`;
      plan.push({ title: spec.title, file: spec.file, line: spec.line, tags, destructive, wouldSkip });
    }
    for (const child of s.suites ?? []) walk(child);
  };
  for (const s of listing.suites ?? []) walk(s);

  const accountCounts = describeAccounts(accounts);
  console.log(`verify: ${environment} (TARGET=${config.target}); accounts: ${Object.entries(accountCounts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`destructive specs: ${policy.allowed ? 'run' : 'not run'} — ${policy.reason}`);

  if (values.list) {
    const readOnly = plan.filter((p) => !p.destructive);
    const destructive = plan.filter((p) => p.destructive);
    const show = (name: string, tests: PlannedTest[]) => {
      const runs = tests.filter((t) => !t.wouldSkip);
      console.log(`\n${name}: ${runs.length} would run, ${tests.length - runs.length} would not`);
      for (const t of tests) console.log(`  ${t.wouldSkip ? 'SKIP' : 'RUN '}  ${t.file}:${t.line}  ${t.title}${t.wouldSkip ? `  — ${t.wouldSkip}` : ''}`);
    };
    console.log('\n1. preflight: reachability, TLS versions, server certificates, client-certificate hosts, repository (read-only; runs on every environment)');
    show('2. read-only smoke', readOnly);
    show('3. destructive', destructive);
    const ids = new Set(plan.filter((p) => !p.wouldSkip).flatMap((p) => p.tags.map((t) => t.slice(1))));
    console.log(`\ncatalogue IDs with a spec that would run: ${[...ids].filter((i) => /^[A-Z]/.test(i)).sort().join(' ') || 'none'}`);
    return;
  }

  const timings: Record<string, number> = {};
  const started = Date.now();
  const { runPreflight } = await import('../verify/preflight');
  const preflight = await runPreflight(config, accounts);
  timings.preflightMs = Date.now() - started;
  const pre: CheckResult[] = preflight.results;
  const preFailed = pre.filter((r) => r.status === 'fail');
  console.log(`\npreflight: ${pre.filter((r) => r.status === 'pass').length} passed, ${preFailed.length} failed, ${pre.filter((r) => r.status === 'skip').length} skipped (${(timings.preflightMs / 1000).toFixed(1)} s)`);
  for (const r of preFailed) console.log(`  FAIL ${r.id} [${r.section}] ${r.title} — ${r.detail}`);

  const outcomes: TestOutcome[] = [];
  const why: string[] = [];
  const notRun = (tests: PlannedTest[], phase: TestOutcome['phase'], reason: string) =>
    tests.forEach((t) => outcomes.push({ title: t.title, file: t.file, tags: t.tags, phase, status: 'skipped', reason }));

  const runPhase = (phase: TestOutcome['phase'], args: string[]) => {
    const reports = path.join(outDir, phase);
    fs.rmSync(path.join(reports, 'results.json'), { force: true });
    const t0 = Date.now();
    console.log(`\n== ${phase} specs ==`);
    const res = playwright(args, childEnv(reports), false);
    timings[`${phase}Ms`] = Date.now() - t0;
    const file = path.join(reports, 'results.json');
    if (!fs.existsSync(file)) {
      why.push(`${phase} phase did not run (Playwright exit ${res.status}; see above)`);
      return [];
    }
    const got = outcomesFromReport(JSON.parse(fs.readFileSync(file, 'utf8')), phase);
    if (res.status !== 0 && !got.some((o) => o.status === 'failed')) why.push(`${phase} phase: Playwright exit ${res.status} (see above)`);
    return got;
  };

  const destructiveTests = plan.filter((p) => p.destructive);
  if (preFailed.length > 0) {
    why.push(`preflight failed (${preFailed.length} check(s)): the specs were not run`);
    notRun(plan.filter((p) => !p.destructive), 'read-only', 'not run: the preflight failed');
    notRun(destructiveTests, 'destructive', 'not run: the preflight failed');
  } else {
    outcomes.push(...runPhase('read-only', ['--grep-invert', DESTRUCTIVE_TAG]));
    if (policy.allowed) outcomes.push(...runPhase('destructive', ['--grep', DESTRUCTIVE_TAG]));
    else notRun(destructiveTests, 'destructive', policy.reason);
  }
  timings.totalMs = Date.now() - started;

  const rows = buildRows(outcomes, pre);
  const counts = countRows(rows);
  const ran = (phase: string) => outcomes.filter((o) => o.phase === phase && o.status === 'passed').length;
  if (pre.filter((r) => r.status === 'pass').length === 0) why.push('the preflight verified nothing');
  if (outcomes.some((o) => o.status === 'failed')) why.push(`${outcomes.filter((o) => o.status === 'failed').length} spec(s) failed`);
  if (preFailed.length === 0 && ran('read-only') === 0) why.push('the read-only smoke verified nothing (only skips)');
  if (preFailed.length === 0 && policy.allowed && ran('destructive') === 0) why.push('opted in, but no destructive spec passed (only skips)');
  if (counts.verified === 0) why.push('no catalogue ID was verified');
  const ok = why.length === 0;

  const verdict: Verdict = {
    environment,
    target: config.target,
    generatedAt: new Date().toISOString(),
    destructive: { allowed: policy.allowed, reason: policy.reason },
    preflight: { passed: pre.filter((r) => r.status === 'pass').length, failed: preFailed.length, skipped: pre.filter((r) => r.status === 'skip').length, results: pre },
    rows,
    counts,
    ok,
    why,
    timings,
  };
  fs.writeFileSync(path.join(outDir, 'verdict.json'), `${JSON.stringify(verdict, null, 2)}\n`);
  writeAllure(path.join(outDir, 'allure-results'), verdict, pre);
  // The phases' own Allure results beside the verdict's: one folder for `allure generate`.
  for (const phase of ['read-only', 'destructive']) {
    const dir = path.join(outDir, phase, 'allure-results');
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(outDir, 'allure-results', f));
  }

  console.log(`\nReadiness verdict for ${environment}:\n${formatTable(rows)}`);
  console.log(`\n${counts.verified} verified, ${counts.failed} failed, ${counts['not verifiable here']} not verifiable here — ${ok ? 'READY' : 'NOT READY'}`);
  for (const w of why) console.log(`  ${w}`);
  console.log(`time: preflight ${(timings.preflightMs / 1000).toFixed(1)} s, total ${(timings.totalMs / 1000).toFixed(1)} s`);
  console.log(`verdict: ${path.join(outDir, 'verdict.json')}; Allure results: ${path.join(outDir, 'allure-results')}`);
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(`verify could not run: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
