/**
 * The machine-wide lock every browser or port-binding run takes (`flock /tmp/pw.lock`), held
 * around ONE measured part of the bench at a time: a measurement never includes the wait for
 * the lock, and other users of the machine get it back between parts. BENCH_LOCK names
 * another lock file; BENCH_LOCK=none takes none.
 */
import { spawn } from 'node:child_process';

const LOCK = process.env.BENCH_LOCK ?? '/tmp/pw.lock';

/** Held by this process now: a part inside a held part does not take it again (flock would wait on itself). */
let held = false;

export async function withLock<T>(what: string, fn: () => Promise<T>): Promise<T> {
  if (!LOCK || LOCK === 'none' || held) return fn();
  const started = Date.now();
  // flock holds the lock for as long as `cat` lives; `cat` ends when we close its stdin.
  const holder = spawn('flock', [LOCK, 'sh', '-c', 'echo locked; exec cat'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once('data', () => resolve());
    holder.once('error', reject);
    holder.once('exit', (code) => reject(new Error(`flock ${LOCK} ended (${code}) before taking the lock`)));
  });
  const waited = (Date.now() - started) / 1000;
  if (waited > 1) console.log(`  (${what}: waited ${waited.toFixed(0)} s for ${LOCK})`);
  held = true;
  try {
    return await fn();
  } finally {
    held = false;
    const gone = new Promise((r) => holder.once('exit', r));
    holder.stdin.end();
    await gone;
  }
}
