/**
 * One measured Playwright run of the suite bench (scripts/bench-suite.ts): wall time from
 * start to exit (webServer start and browser launch included, what a user waits for), with
 * the machine-wide lock taken first and not counted, plus what the run wrote.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../config/env';
import type { StepTimings } from '../../reporters/step-timings';
import type { ReporterTimings } from './reporter-tick';
import { withLock } from './lock';

const CLI = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');

export interface SuiteRun {
  name: string;
  ms: number;
  code: number;
  dir: string;
  /** Per-test average over the run's tests (reporters/step-timings.ts), when it ran. */
  perTest?: { tests: number; setupMs: number; bodyMs: number; teardownMs: number };
  timings?: StepTimings;
  reporters?: ReporterTimings;
  /** What the run wrote: evidence pictures and trace archives. */
  outputs: { evidencePngs: number; evidenceMB: number; traces: number; tracesMB: number };
}

function files(dir: string, test: (name: string) => boolean): { n: number; bytes: number } {
  let n = 0;
  let bytes = 0;
  const visit = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (test(e.name)) {
        n++;
        bytes += fs.statSync(p).size;
      }
    }
  };
  visit(dir);
  return { n, bytes };
}

const readJson = <T>(file: string): T | undefined => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : undefined);

/** Starts the run without waiting for it (two shards at once); the caller holds the lock. */
export function startPlaywright(name: string, args: string[], env: NodeJS.ProcessEnv, dir: string): Promise<SuiteRun> {
  const started = process.hrtime.bigint();
  // A run's browser is the one named here, whatever the caller's environment says.
  const { BROWSER_PATH: _browser, EVIDENCE: _evidence, ...inherited } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'test', ...args], {
      cwd: ROOT,
      env: { ...inherited, CI: '1', REPORTS_DIR: dir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keep = (c: Buffer) => (tail = (tail + c.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) process.stderr.write(`bench: run "${name}" exited ${code}:\n${tail}\n`);
      const timings = readJson<StepTimings>(path.join(dir, 'step-timings.json'));
      const per = (n: number) => (timings ? n / timings.tests : 0);
      const png = files(path.join(dir, 'evidence'), (f) => f.endsWith('.png'));
      const zip = files(path.join(dir, 'test-results'), (f) => f === 'trace.zip');
      const run: SuiteRun = {
        name,
        ms,
        code: code ?? 1,
        dir,
        perTest: timings && { tests: timings.tests, setupMs: per(timings.totalMs.setup), bodyMs: per(timings.totalMs.body), teardownMs: per(timings.totalMs.teardown) },
        timings,
        reporters: readJson<ReporterTimings>(path.join(dir, 'reporter-timings.json')),
        outputs: { evidencePngs: png.n, evidenceMB: png.bytes / 2 ** 20, traces: zip.n, tracesMB: zip.bytes / 2 ** 20 },
      };
      const p = run.perTest;
      console.log(
        `  ${name.padEnd(44)} ${(ms / 1000).toFixed(1).padStart(6)} s${code ? `  (exit ${code})` : ''}` +
          (p ? `   per test: setup ${p.setupMs.toFixed(0)} ms, body ${p.bodyMs.toFixed(0)} ms, teardown ${p.teardownMs.toFixed(0)} ms` : ''),
      );
      resolve(run);
    });
  });
}

export function runPlaywright(name: string, args: string[], env: NodeJS.ProcessEnv, dir: string): Promise<SuiteRun> {
  return withLock(name, () => startPlaywright(name, args, env, dir));
}
