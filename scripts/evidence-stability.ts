/**
 * `npm run evidence:stability [-- <playwright args>]`: runs the evidence mode twice on the
 * same commit and compares the two packs pixel by pixel (scripts/evidence-compare.ts:
 * pixelmatch at its default threshold). Exit code 0 only when every picture of the first run
 * is the same in the second; each different one leaves a diff image in reports/evidence-diff/.
 * A run wipes the previous pack, so the first one is kept aside in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../config/env';
import { EVIDENCE_DIR } from '../evidence/flow';
import { comparePacks, DEFAULT_THRESHOLD, describeComparison, diffDirFor, isMismatch } from './evidence-compare';

function evidenceRun(args: string[]): number {
  const cli = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
  return spawnSync(process.execPath, [cli, 'test', ...args], { cwd: ROOT, env: { ...process.env, EVIDENCE: '1' }, stdio: 'inherit' }).status ?? 1;
}

const args = process.argv.slice(2);
const first = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-run1-'));
try {
  if (evidenceRun(args) !== 0) console.warn('first run: some tests failed (their pictures are compared anyway)');
  fs.cpSync(EVIDENCE_DIR, first, { recursive: true });
  if (evidenceRun(args) !== 0) console.warn('second run: some tests failed');
  const diffDir = diffDirFor(EVIDENCE_DIR);
  fs.rmSync(diffDir, { recursive: true, force: true });
  const results = comparePacks(first, EVIDENCE_DIR, { diffDir });
  const differ = results.filter(isMismatch);
  for (const r of differ) console.log(describeComparison(r));
  const same = results.length - differ.length;
  console.log(`\nevidence stability: ${same}/${results.length} pictures the same between two runs (pixelmatch threshold ${DEFAULT_THRESHOLD})`);
  if (differ.some((r) => r.diffImage)) console.log(`diff images: ${diffDir}`);
  process.exitCode = results.length && !differ.length ? 0 : 1;
} finally {
  fs.rmSync(first, { recursive: true, force: true });
}
