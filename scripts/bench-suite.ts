/**
 * The suite-level half of `npm run bench`: the same specs run with one thing changed at a
 * time, side by side in one bench run, as wall-time ratios (what a user waits for,
 * webServer start and browser launch included):
 *
 * - headless shell vs the full Chromium (and the evidence screenshots of both, pixel-compared);
 * - the full reporter set (redaction, Allure, HTML, JSON, blob, evidence index) vs list only;
 * - the evidence mode vs plain; traces on vs off;
 * - one worker vs two; two shards at once (one worker each) vs one run;
 * - per-test time split into fixture setup / body / teardown (reporters/step-timings.ts),
 *   for the bench's specs and, when a main run left its step-timings.json, the whole suite.
 *
 * Specs: BENCH_SPECS (space-separated; default two files, 11 tests). Ports: BENCH_BASE_PORT
 * + 100, +140 (two shards at once need two sets). Runs go one after another.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEBIAN_CHROMIUM, DEBIAN_HEADLESS_SHELL } from '../config/browser';
import { ROOT } from '../config/env';
import type { StepTimings } from '../reporters/step-timings';
import { comparePacks } from './evidence-compare';

const CLI = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');

export interface SuiteRun {
  name: string;
  ms: number;
  code: number;
  dir: string;
}

export interface SuiteBench {
  specs: string[];
  runs: SuiteRun[];
  ratios: { what: string; baselineMs: number; suiteMs: number; ratio: number; aim?: string }[];
  evidencePictures?: { total: number; identical: number; different: number; missing: number; examples: string[] };
  split: { bench?: StepTimings; suite?: StepTimings };
}

function runPlaywright(name: string, args: string[], env: NodeJS.ProcessEnv, dir: string): Promise<SuiteRun> {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'test', ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: '1', REPORTS_DIR: dir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keep = (c: Buffer) => (tail = (tail + c.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) process.stderr.write(`bench: run "${name}" exited ${code}:\n${tail}\n`);
      console.log(`  ${name.padEnd(34)} ${(ms / 1000).toFixed(1).padStart(6)} s${code ? `  (exit ${code})` : ''}`);
      resolve({ name, ms, code: code ?? 1, dir });
    });
  });
}

function readTimings(file: string): StepTimings | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as StepTimings) : undefined;
}

export async function benchSuite(basePort: number, reportsDir: string): Promise<SuiteBench> {
  const specs = (process.env.BENCH_SPECS ?? 'e2e/ebunsho/login.spec.ts e2e/issuance/cert-check.spec.ts').split(/\s+/).filter(Boolean);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-suite-'));
  const port = (n: number) => ({ MOCK_BASE_PORT: String(basePort + 100 + n * 40) });
  const shell = { BROWSER_PATH: DEBIAN_HEADLESS_SHELL };
  const full = { BROWSER_PATH: DEBIAN_CHROMIUM };
  const runs: SuiteRun[] = [];
  // Each configuration BENCH_REPEAT times (default 2), the fastest kept: on a shared
  // machine the slowest runs measure the neighbours, not the suite.
  const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 2));
  const one = async (name: string, args: string[], env: NodeJS.ProcessEnv) => {
    let best: SuiteRun | undefined;
    for (let k = 0; k < repeat; k++) {
      const r = await runPlaywright(name, [...specs, ...args], { ...port(0), ...env }, path.join(work, `${name.replace(/\W+/g, '-')}-${k}`));
      if (!best || r.ms < best.ms) best = r;
    }
    runs.push(best!);
    return best!;
  };
  try {
    console.log(`suite runs over ${specs.join(' ')} (one after another):`);
    const hasShell = fs.existsSync(DEBIAN_HEADLESS_SHELL);
    // Not counted: the first run pays for cold caches (TypeScript transform, page cache).
    await runPlaywright('warm-up (not counted)', [...specs, '--workers=2', '--reporter=dot'], { ...port(0), ...(hasShell ? shell : full) }, path.join(work, 'warm-up'));
    const base = await one('shell, 1 worker', ['--workers=1'], hasShell ? shell : full);
    const fullBrowser = hasShell ? await one('full chromium, 1 worker', ['--workers=1'], full) : undefined;
    const listOnly = await one('list reporter only', ['--workers=1', '--reporter=list'], hasShell ? shell : full);
    const traceOn = await one('traces on', ['--workers=1', '--trace=on'], hasShell ? shell : full);
    const traceOff = await one('traces off', ['--workers=1', '--trace=off'], hasShell ? shell : full);
    const evidenceShell = await one('evidence, shell', ['--workers=1'], { ...(hasShell ? shell : full), EVIDENCE: '1' });
    const evidenceFull = hasShell ? await one('evidence, full chromium', ['--workers=1'], { ...full, EVIDENCE: '1' }) : undefined;
    const two = await one('shell, 2 workers', ['--workers=2'], hasShell ? shell : full);
    let shards: SuiteRun | undefined;
    for (let k = 0; k < repeat; k++) {
      const started = process.hrtime.bigint();
      const shardRuns = await Promise.all(
        [1, 2].map((i) =>
          runPlaywright(`shard ${i}/2 (at once)`, [...specs, `--shard=${i}/2`, '--workers=1'], { ...port(i - 1), ...(hasShell ? shell : full) }, path.join(work, `shard${i}-${k}`)),
        ),
      );
      const both: SuiteRun = { name: 'two shards at once', ms: Number(process.hrtime.bigint() - started) / 1e6, code: Math.max(...shardRuns.map((r) => r.code)), dir: work };
      if (!shards || both.ms < shards.ms) shards = both;
    }
    runs.push(shards!);

    const ratios: SuiteBench['ratios'] = [];
    const add = (what: string, baseline: SuiteRun, suite: SuiteRun, aim?: string) => ratios.push({ what, baselineMs: baseline.ms, suiteMs: suite.ms, ratio: suite.ms / baseline.ms, aim });
    if (fullBrowser) add('full chromium vs headless shell', base, fullBrowser);
    add('full reporter set vs list only', listOnly, base, '≤ 1.10');
    add('evidence mode vs plain (shell)', base, evidenceShell, '≤ 1.5');
    add('traces on vs off', traceOff, traceOn);
    add('retain-on-failure (default) vs off', traceOff, base);
    add('one worker vs two', two, base);
    add('two shards at once vs one run (2 workers)', two, shards!);
    add('two shards at once vs one run (1 worker)', base, shards!);

    let evidencePictures: SuiteBench['evidencePictures'];
    if (evidenceFull) {
      const pics = comparePacks(path.join(evidenceFull.dir, 'evidence'), path.join(evidenceShell.dir, 'evidence'));
      const count = (...k: string[]) => pics.filter((p) => k.includes(p.result)).length;
      evidencePictures = {
        total: pics.length,
        identical: count('identical-bytes', 'identical-pixels'),
        different: count('different'),
        missing: count('missing'),
        examples: pics.filter((p) => p.result !== 'identical-bytes' && p.result !== 'identical-pixels').slice(0, 8).map((p) => `${p.flow}/${p.file} ${p.differentPixels ?? p.note ?? ''}`),
      };
    }
    const suiteTimings = readTimings(path.join(reportsDir, 'step-timings.json'));
    return { specs, runs, ratios, evidencePictures, split: { bench: readTimings(path.join(base.dir, 'step-timings.json')), suite: suiteTimings } };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
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
