/**
 * The suite-level half of `npm run bench`: the same tests run with one thing changed at a
 * time, side by side in one bench run, as wall-time ratios (what a user waits for,
 * webServer start and browser launch included):
 *
 * - headless shell vs the full Chromium (and the evidence screenshots of both, pixel-compared);
 * - the full reporter set (redaction, Allure, HTML, JSON, blob, evidence index, step timings)
 *   vs list only, with each reporter's own time (scripts/bench/reporter-tick.ts);
 * - the evidence mode vs plain; traces on vs off; the e2e phase of `npm test` (traces on +
 *   evidence, scripts/redaction-scan.ts) vs plain;
 * - one worker vs two; two shards at once (one worker each) vs one run;
 * - per-test time split into fixture setup / body / teardown (reporters/step-timings.ts) for
 *   every run, and for the whole suite when a main run left its step-timings.json.
 *
 * Tests: BENCH_SPECS (space-separated files; default BENCH_DEFAULT_SPECS, 15 tests across the
 * folders; BENCH_SPECS=all = the whole suite). Each configuration runs BENCH_REPEAT times (default
 * 1), the fastest kept. The plain runs share one hold of /tmp/pw.lock and the evidence
 * runs another (scripts/bench/lock.ts): compared runs see the same machine, the lock's wait
 * is never measured, and others get the lock back in between.
 * Ports: BENCH_BASE_PORT + 100 and + 140 (two shards at once need two sets).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEBIAN_CHROMIUM, DEBIAN_HEADLESS_SHELL } from '../config/browser';
import type { StepTimings } from '../reporters/step-timings';
import { withLock } from './bench/lock';
import { startPlaywright, type SuiteRun } from './bench/playwright-run';
import { comparePacks } from './evidence-compare';
import { scanTree } from './redaction-scan';
import { generateReport } from './report';
import { SECRETS_FILE_ENV } from '../fixtures/secret-log';
import { readSecretsFile } from '../reporters/redaction';

export type { SuiteRun } from './bench/playwright-run';

/** One to four tests from each folder: the journey, issuance, the check page, エコ文書, bulk, the import tool. */
export const BENCH_DEFAULT_SPECS = [
  'e2e/onboarding.spec.ts',
  'e2e/issuance/cert-check.spec.ts',
  'e2e/issuance/iss-lang.spec.ts',
  'e2e/issuance/wrong-password.spec.ts',
  'e2e/ebunsho/binding.spec.ts',
  'e2e/bulksign/login.spec.ts',
  'e2e/import-tool/auth.spec.ts',
];
/** The warm-up (not counted): one small file is enough to fill the transform and page caches. */
const WARM_UP_SPEC = 'e2e/issuance/cert-check.spec.ts';

const BENCH_CONFIG = path.join(__dirname, 'bench', 'playwright.config.ts');

type Ratio = { what: string; baselineMs: number; suiteMs: number; ratio: number; aim?: string };

export interface SuiteBench {
  specs: string[];
  runs: Omit<SuiteRun, 'timings' | 'dir'>[];
  ratios: Ratio[];
  /** The reporters' own time in the full-set run, ms per reporter (main process). */
  reporterMs?: Record<string, number>;
  /** The rest of the e2e phase of `npm test` after its run: the Allure report and the redaction scan. */
  afterRun?: { allureReportMs: number; scanMs: number; files: number; secrets: number; findings: number };
  evidencePictures?: { total: number; identical: number; withinThreshold: number; different: number; missing: number; examples: string[] };
  split: { bench?: StepTimings; suite?: StepTimings };
}

export async function benchSuite(basePort: number, reportsDir: string): Promise<SuiteBench> {
  const given = (process.env.BENCH_SPECS ?? '').split(/\s+/).filter(Boolean);
  const specs = given[0] === 'all' ? [] : given.length ? given : BENCH_DEFAULT_SPECS;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-suite-'));
  const port = (n: number) => ({ MOCK_BASE_PORT: String(basePort + 100 + n * 40) });
  const hasShell = fs.existsSync(DEBIAN_HEADLESS_SHELL);
  const shell = { BROWSER_PATH: hasShell ? DEBIAN_HEADLESS_SHELL : DEBIAN_CHROMIUM };
  const full = { BROWSER_PATH: DEBIAN_CHROMIUM };
  const runs: SuiteRun[] = [];
  const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
  const one = async (name: string, args: string[], env: NodeJS.ProcessEnv) => {
    let best: SuiteRun | undefined;
    for (let k = 0; k < repeat; k++) {
      const r = await startPlaywright(name, [...specs, ...args], { ...port(0), ...env }, path.join(work, `${name.replace(/\W+/g, '-')}-${k}`));
      if (!best || r.ms < best.ms) best = r;
    }
    runs.push(best!);
    return best!;
  };
  try {
    console.log(`suite runs over ${specs.length ? specs.join(' ') : 'the whole suite'} (one after another, each under the lock):`);
    // Two holds of the lock: the plain comparisons, then the evidence ones (the slow ones).
    const [base, listOnly, ticked, fullBrowser, traceOn, traceOff, two, shards] = await withLock('suite: reporters, browser, traces, workers, shards', async () => {
      // Not counted: the first run pays for cold caches (TypeScript transform, page cache).
      await startPlaywright('warm-up (not counted)', [WARM_UP_SPEC, '--workers=2', '--reporter=dot'], { ...port(0), ...shell }, path.join(work, 'warm-up'));
      // The project's config as a user runs it, then list only, then the same reporters with a
      // tick between each (their own time, from a run of its own: ten ticks are not free).
      const base = await one('shell, 1 worker, full reporter set', ['--workers=1'], shell);
      const listOnly = await one('list reporter only', ['--workers=1', '--reporter=list'], shell);
      const ticked = await one('full reporter set, each timed', ['--config', BENCH_CONFIG, '--workers=1'], shell);
      const fullBrowser = hasShell ? await one('full chromium, 1 worker', ['--workers=1'], full) : undefined;
      const traceOn = await one('traces on', ['--workers=1', '--trace=on'], shell);
      const traceOff = await one('traces off', ['--workers=1', '--trace=off'], shell);
      const two = await one('shell, 2 workers', ['--workers=2'], shell);
      let shards: SuiteRun | undefined;
      for (let k = 0; k < repeat; k++) {
        const started = process.hrtime.bigint();
        const shardRuns = await Promise.all(
          [1, 2].map((i) => startPlaywright(`shard ${i}/2 (at once)`, [...specs, `--shard=${i}/2`, '--workers=1'], { ...port(i - 1), ...shell }, path.join(work, `shard${i}-${k}`))),
        );
        const both = { name: 'two shards at once', ms: Number(process.hrtime.bigint() - started) / 1e6, code: Math.max(...shardRuns.map((r) => r.code)), dir: work, outputs: shardRuns[0].outputs };
        if (!shards || both.ms < shards.ms) shards = both;
      }
      runs.push(shards!);
      return [base, listOnly, ticked, fullBrowser, traceOn, traceOff, two, shards!] as const;
    });
    // Like scripts/redaction-scan.ts: the run logs its secrets, then the Allure report and the scan follow.
    const secretsFile = path.join(work, 'secrets.jsonl');
    fs.writeFileSync(secretsFile, '', { mode: 0o600 });
    // The evidence mode with each browser, with traces (npm test's e2e phase) and without.
    const [evidenceShell, npmTest, npmTestShell] = await withLock('suite: evidence and npm test mode', async () => [
      await one('evidence, shell', ['--workers=1'], { ...shell, EVIDENCE: '1' }),
      await one('npm test e2e (traces on, evidence, full)', ['--workers=1', '--trace=on'], { ...full, EVIDENCE: '1', [SECRETS_FILE_ENV]: secretsFile }),
      hasShell ? await one('traces on, evidence, shell', ['--workers=1', '--trace=on'], { ...shell, EVIDENCE: '1' }) : undefined,
    ] as const);
    const afterRun = scanAfter(npmTest.dir, readSecretsFile(secretsFile));

    const ratios: Ratio[] = [];
    const add = (what: string, baseline: SuiteRun, suite: SuiteRun, aim?: string) => ratios.push({ what, baselineMs: baseline.ms, suiteMs: suite.ms, ratio: suite.ms / baseline.ms, aim });
    add('full reporter set vs list only', listOnly, base, '≤ 1.10');
    if (fullBrowser) add('full chromium vs headless shell', base, fullBrowser);
    add('evidence mode vs plain (shell)', base, evidenceShell, '≤ 1.5');
    add('traces on vs off', traceOff, traceOn);
    add('on-first-retry (the mock default) vs off', traceOff, base);
    add('npm test e2e mode vs plain (shell)', base, npmTest);
    add('npm test e2e phase (+ Allure report + scan) vs plain', base, { ...npmTest, ms: npmTest.ms + afterRun.allureReportMs + afterRun.scanMs });
    if (npmTestShell) add('npm test e2e mode: full chromium vs shell', npmTestShell, npmTest);
    add('one worker vs two', two, base);
    add('two shards at once vs one run (2 workers)', two, shards);
    add('two shards at once vs one run (1 worker)', base, shards);

    let evidencePictures: SuiteBench['evidencePictures'];
    // The pictures of the full browser (npm test's mode) against the shell's, traces on in both.
    if (npmTestShell) {
      const diffDir = path.join(reportsDir, 'bench-evidence-diff');
      fs.rmSync(diffDir, { recursive: true, force: true });
      const pics = comparePacks(path.join(npmTest.dir, 'evidence'), path.join(npmTestShell.dir, 'evidence'), { diffDir });
      const count = (...k: string[]) => pics.filter((p) => k.includes(p.result)).length;
      evidencePictures = {
        total: pics.length,
        identical: count('identical-bytes', 'identical-pixels'),
        withinThreshold: count('within-threshold'),
        different: count('different'),
        missing: count('missing'),
        examples: pics.filter((p) => p.result === 'different' || p.result === 'missing').slice(0, 8).map((p) => `${p.flow}/${p.file} ${p.differentPixels ?? p.note ?? ''}`),
      };
    }
    const suiteTimings = readTimings(path.join(reportsDir, 'step-timings.json'));
    return {
      specs,
      runs: runs.map(({ timings: _t, dir: _d, ...r }) => r),
      ratios,
      reporterMs: ticked.reporters?.totalMs,
      afterRun,
      evidencePictures,
      split: { bench: base.timings, suite: suiteTimings },
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** What scripts/redaction-scan.ts does after its run, timed: the Allure report, then the scan of every output. */
function scanAfter(dir: string, secrets: string[]): NonNullable<SuiteBench['afterRun']> {
  let t = process.hrtime.bigint();
  const lap = () => {
    const now = process.hrtime.bigint();
    const ms = Number(now - t) / 1e6;
    t = now;
    return ms;
  };
  generateReport(dir);
  const allureReportMs = lap();
  const { files, findings } = scanTree(dir, secrets);
  const scanMs = lap();
  console.log(`  after the npm-test-mode run: Allure report ${(allureReportMs / 1000).toFixed(1)} s, redaction scan ${(scanMs / 1000).toFixed(1)} s (${files} files, ${secrets.length} secrets)`);
  return { allureReportMs, scanMs, files, secrets: secrets.length, findings: findings.length };
}

function readTimings(file: string): StepTimings | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as StepTimings) : undefined;
}

export function formatSplit(label: string, t: StepTimings | undefined): string[] {
  if (!t) return [];
  const all = t.totalMs.setup + t.totalMs.body + t.totalMs.teardown;
  const pct = (n: number) => `${((100 * n) / all).toFixed(0)}%`;
  const per = (n: number) => `${(n / t.tests).toFixed(0)} ms`;
  return [
    `per-test split, ${label} (${t.tests} tests): setup ${per(t.totalMs.setup)} (${pct(t.totalMs.setup)}), body ${per(t.totalMs.body)} (${pct(t.totalMs.body)}), teardown ${per(t.totalMs.teardown)} (${pct(t.totalMs.teardown)})`,
    `  fixture self time per use: ${t.fixtures
      .slice(0, 8)
      .map((f) => `${f.name} ${(f.ms / f.count).toFixed(0)} ms`)
      .join(', ')}`,
  ];
}

export function formatReporters(ms: Record<string, number> | undefined): string[] {
  if (!ms) return [];
  const sorted = Object.entries(ms).sort((a, b) => b[1] - a[1]);
  return [`reporters' own time in the full-set run: ${sorted.map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')}`];
}
