/**
 * `npm run merge -- <shard dir>…` (or `npm run onboarding -- --merge <shard dir>…`): one
 * set of reports from the REPORTS_DIR folders of several shards (`--shard=i/n` runs, on one
 * machine or downloaded from CI machines), written to REPORTS_DIR (`--out <dir>` to choose):
 *
 * - Playwright: every shard's blob (blob-report/*.zip) → `playwright merge-reports` → one
 *   HTML report (playwright-report/) and one JSON results file (results.json);
 * - Allure: every shard's allure-results generated together (file names are UUIDs) into one
 *   report, with the history of REPORTS_DIR/allure-history.jsonl (keep that file between runs);
 * - evidence: every shard's flows copied into one pack (evidence/) with one index;
 * - coverage (npm run coverage) on the merged results.json;
 * - the redaction scan of everything merged, when the secrets the shards used are known
 *   (E2E_SECRETS_FILE, as shards on one machine can share it); without it each shard's own
 *   `npm run redaction-scan` is the proof (the merged files are built from those outputs only).
 *
 * Exits 1 when a test failed, a shard is missing its blob, coverage fails or a secret leaked.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { config, ROOT } from '../config/env';
import { SECRETS_FILE_ENV } from '../fixtures/secret-log';
import { readSecretsFile } from '../reporters/redaction';
import { writePackIndex } from './evidence-index';
import { generateReport } from './report';
import { scanTree, sourceText, splitLiterals } from './redaction-scan';

export interface MergeResult {
  status: number;
  out: string;
  stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
  flows: number;
  leaks?: number;
}

function parseArgs(argv: string[]): { shards: string[]; out: string } {
  const shards: string[] = [];
  let out = config.reportsDir;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = path.resolve(argv[++i]);
    else if (argv[i] !== '--') shards.push(path.resolve(argv[i]));
  }
  return { shards, out };
}

/** Every blob zip of every shard, under names that cannot collide (two unsharded runs both write report.zip). */
function gatherBlobs(shards: string[], into: string): number {
  let n = 0;
  shards.forEach((dir, i) => {
    const blobs = path.join(dir, 'blob-report');
    const zips = fs.existsSync(blobs) ? fs.readdirSync(blobs).filter((f) => f.endsWith('.zip')) : [];
    if (!zips.length) throw new Error(`merge: no blob report in ${blobs} (was it a run of this suite?)`);
    for (const z of zips) fs.copyFileSync(path.join(blobs, z), path.join(into, `shard${i + 1}-${z}`));
    n += zips.length;
  });
  return n;
}

function mergePlaywright(blobDir: string, out: string): number {
  const cli = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'merge-reports', '--reporter', 'html,json', blobDir], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(out, 'playwright-report'),
      PLAYWRIGHT_HTML_OPEN: 'never',
      PLAYWRIGHT_JSON_OUTPUT_FILE: path.join(out, 'results.json'),
    },
  });
  return run.status ?? 1;
}

function mergeEvidence(shards: string[], out: string): number {
  const pack = path.join(out, 'evidence');
  const seen = new Map<string, string>();
  for (const dir of shards) {
    const src = path.join(dir, 'evidence');
    if (!fs.existsSync(src)) continue;
    for (const e of fs.readdirSync(src, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      // A test runs in one shard only, so a flow named twice means the same folder was given twice.
      if (seen.has(e.name)) throw new Error(`merge: evidence flow ${e.name} is in both ${seen.get(e.name)} and ${dir}`);
      seen.set(e.name, dir);
      fs.cpSync(path.join(src, e.name), path.join(pack, e.name), { recursive: true });
    }
  }
  return seen.size ? (writePackIndex(pack)?.flows ?? 0) : 0;
}

function scanMerged(out: string): number | undefined {
  const file = process.env[SECRETS_FILE_ENV];
  if (!file || !fs.existsSync(file)) {
    console.log(`merge: no ${SECRETS_FILE_ENV}: the merged files were not scanned (each shard's npm run redaction-scan covered its own outputs)`);
    return undefined;
  }
  const secrets = readSecretsFile(file);
  const { literal } = splitLiterals(secrets, sourceText());
  const { files, findings: all } = scanTree(out, secrets);
  const findings = all.filter((f) => !literal.has(f.secretIndex));
  console.log(`merge: redaction scan of ${files} merged file(s) for ${secrets.length} secret(s): ${findings.length ? `FAIL, ${findings.length} leak(s)` : 'PASS'}`);
  for (const f of findings) console.log(`  ${f.secretIndex < 0 ? `UNSEARCHABLE (${f.form})` : `LEAK secret #${f.secretIndex + 1} (${f.form})`} in ${f.file}${f.entry ? ` → ${f.entry}` : ''}`);
  if (secrets.length === literal.size) {
    console.log('merge: the shards used no secret, so the scan proves nothing');
    return 1;
  }
  return findings.length;
}

export function merge(shards: string[], out: string): MergeResult {
  if (!shards.length) throw new Error('usage: npm run merge -- <shard reports dir>… [--out <dir>]');
  if (shards.includes(out)) throw new Error(`merge: the output ${out} is one of the shard folders; give --out another folder`);
  fs.mkdirSync(out, { recursive: true });
  for (const old of ['playwright-report', 'results.json', 'evidence', 'allure-report']) fs.rmSync(path.join(out, old), { recursive: true, force: true });

  const blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-merge-'));
  let status = 0;
  try {
    const blobs = gatherBlobs(shards, blobDir);
    console.log(`merge: ${blobs} blob report(s) from ${shards.length} shard folder(s) → ${out}`);
    if (mergePlaywright(blobDir, out) !== 0) status = 1;
  } finally {
    fs.rmSync(blobDir, { recursive: true, force: true });
  }
  const resultsFile = path.join(out, 'results.json');
  const stats = fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Pick<MergeResult, 'stats'>).stats : undefined;
  if (!stats || stats.unexpected + stats.flaky > 0) status = 1;

  const allureDirs = shards.map((d) => path.join(d, 'allure-results')).filter((d) => fs.existsSync(d));
  // Without a folder, `allure generate` would search the whole tree for results.
  if (!allureDirs.length) console.error('merge: no shard has allure-results: no Allure report');
  else if (generateReport(out, allureDirs) !== 0) console.error('merge: the Allure report could not be built');

  const flows = mergeEvidence(shards, out);
  if (flows) console.log(`merge: evidence pack ${path.join(out, 'evidence', 'index.html')} (${flows} flows)`);

  const coverage = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'coverage.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, REPORTS_DIR: out },
  });
  if (coverage.status !== 0) status = 1;

  const leaks = scanMerged(out);
  if (leaks) status = 1;
  if (stats) console.log(`merge: ${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky} flaky, ${stats.skipped} skipped`);
  return { status, out, stats, flows, leaks };
}

if (require.main === module) {
  try {
    const { shards, out } = parseArgs(process.argv.slice(2));
    process.exit(merge(shards, out).status);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  }
}
