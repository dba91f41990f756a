/**
 * Sharding that merges (issue 11), proven on this machine: a representative part of the e2e
 * suite runs as two shards AT ONCE (own mock and mailbox ports, own REPORTS_DIR, one shared
 * read-only PKI cache), `npm run merge` joins them, and the merged outputs must hold every
 * test exactly once with the same verdict as an unsharded run of the same tests:
 * - the Playwright HTML report (its embedded report.json) and results.json,
 * - the Allure results (one result per test) and the generated Allure report,
 * - the catalogue coverage (every spec with its result, none "not run"),
 * - the evidence pack (every shard's flows in one index),
 * and the redaction scan of all merged files passes.
 *
 * Subset, not the whole suite (114 tests take minutes on 2 cores, twice): the journey
 * (both mails, secrets typed), the エコ文書 login specs (passwords, sessions, bad input) and
 * the certificate check page (several client certificates) — 12 tests over 3 files, so
 * both shards get tests of more than one file. Traces and the evidence mode are on, as in
 * `npm test`, so the scan searches the heaviest outputs. Ports: 29200–29299.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { coverage, specsOf, type JsonReport } from '../../catalogue/coverage';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = require.resolve('@playwright/test/cli');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SPECS = ['e2e/onboarding.spec.ts', 'e2e/ebunsho/login.spec.ts', 'e2e/issuance/cert-check.spec.ts'];

interface Run {
  code: number;
  output: string;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** What a run decided for each test: id → Playwright's outcome (expected, unexpected, flaky, skipped). */
function verdicts(report: JsonReport): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of specsOf(report)) for (const t of spec.tests as { projectName: string; status?: string }[]) out.set(`${spec.id}/${t.projectName}`, t.status ?? 'not run');
  return out;
}

const sorted = (m: Map<string, string>) => [...m].sort(([a], [b]) => a.localeCompare(b));

test('two shards at once merge into one report, Allure report, evidence pack and coverage, equal to an unsharded run', { timeout: 600_000 }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'two-shards-'));
  const secretsFile = path.join(tmp, 'secrets.jsonl');
  fs.writeFileSync(secretsFile, '', { mode: 0o600 });
  try {
    // The PKI cache is made once, before the shards: they only read it.
    const certs = spawnSync(process.execPath, [TSX, 'certs/cli.ts'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(certs.status, 0, certs.stderr);

    const listed = spawnSync(process.execPath, [CLI, 'test', '--list', '--reporter=json', ...SPECS], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: '', REPORTS_DIR: path.join(tmp, 'list') },
    });
    assert.equal(listed.status, 0, listed.stderr);
    const listedIds = verdicts(JSON.parse(listed.stdout.slice(listed.stdout.indexOf('{'))) as JsonReport);
    assert.ok(listedIds.size >= 10, `expected the subset to list at least 10 tests, got ${listedIds.size}`);

    // CI=1: a server already on a shard's ports is an error, never silently shared.
    const common = { CI: '1', EVIDENCE: '1', E2E_SECRETS_FILE: secretsFile };
    const shardDirs = [1, 2].map((i) => path.join(tmp, `shard${i}`));
    const started = Date.now();
    const shards = await Promise.all(
      shardDirs.map((dir, i) =>
        run([CLI, 'test', ...SPECS, `--shard=${i + 1}/2`, '--workers=1', '--trace=on'], { ...common, MOCK_BASE_PORT: String(29200 + i * 40), REPORTS_DIR: dir }),
      ),
    );
    const shardsMs = Date.now() - started;
    const reference = await run([CLI, 'test', ...SPECS, '--workers=2', '--trace=on'], { ...common, MOCK_BASE_PORT: '29280', REPORTS_DIR: path.join(tmp, 'reference') });
    console.log(`two shards at once: ${(shardsMs / 1000).toFixed(1)} s; exit codes ${shards.map((s) => s.code).join(', ')}, unsharded ${reference.code}`);
    for (const r of [...shards, reference]) if (r.code !== 0) console.log(r.output.split('\n').filter((l) => /✘|Error|failed|passed/.test(l)).slice(0, 30).join('\n'));

    // Each shard ran a part, and both parts ran at the same time on their own servers.
    for (const [i, s] of shards.entries()) {
      assert.ok(!/EADDRINUSE|already used/i.test(s.output), `shard ${i + 1} collided:\n${s.output.slice(-2000)}`);
      const blobs = fs.readdirSync(path.join(shardDirs[i], 'blob-report'));
      assert.equal(blobs.length, 1, `shard ${i + 1} blob report: ${blobs.join(', ')}`);
      assert.match(blobs[0], new RegExp(`^report-(\\w+-)?${i + 1}\\.zip$`), `shard ${i + 1} blob report`);
    }

    const merged = path.join(tmp, 'merged');
    const mergeRun = await run([TSX, 'scripts/merge.ts', ...shardDirs, '--out', merged], { E2E_SECRETS_FILE: secretsFile, REPORTS_DIR: merged });
    const referenceReport = JSON.parse(fs.readFileSync(path.join(tmp, 'reference', 'results.json'), 'utf8')) as JsonReport;
    const referenceVerdicts = verdicts(referenceReport);
    const allPassed = [...referenceVerdicts.values()].every((v) => v === 'expected');
    assert.equal(mergeRun.code, allPassed && shards.every((s) => s.code === 0) ? 0 : 1, mergeRun.output.slice(-3000));

    // results.json: every listed test once, with the unsharded run's verdict.
    const mergedReport = JSON.parse(fs.readFileSync(path.join(merged, 'results.json'), 'utf8')) as JsonReport;
    const mergedIds = specsOf(mergedReport).flatMap((s) => s.tests.map((t) => `${s.id}/${t.projectName}`));
    assert.equal(new Set(mergedIds).size, mergedIds.length, 'a test appears twice in the merged results.json');
    assert.deepEqual([...new Set(mergedIds)].sort(), [...listedIds.keys()].sort());
    assert.deepEqual(sorted(verdicts(mergedReport)), sorted(referenceVerdicts), 'the sharded verdict differs from the unsharded one');

    // The HTML report: its embedded data names every test exactly once.
    const html = fs.readFileSync(path.join(merged, 'playwright-report', 'index.html'), 'utf8');
    const embedded = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/.exec(html);
    assert.ok(embedded, 'the merged HTML report carries no data');
    const htmlReport = JSON.parse(new AdmZip(Buffer.from(embedded[1], 'base64')).readAsText('report.json')) as {
      files: { tests: { testId: string; outcome: string }[] }[];
      stats: { total: number };
    };
    const htmlIds = htmlReport.files.flatMap((f) => f.tests.map((t) => t.testId));
    assert.equal(htmlIds.length, listedIds.size);
    assert.equal(new Set(htmlIds).size, htmlIds.length, 'a test appears twice in the merged HTML report');
    assert.deepEqual(htmlIds.sort(), [...listedIds.keys()].map((k) => k.split('/')[0]).sort(), 'the HTML report holds other tests than listed');
    assert.equal(htmlReport.stats.total, listedIds.size);

    // Allure: one result per test over both shards' folders, and one generated report.
    const allureResults = shardDirs.flatMap((d) =>
      fs
        .readdirSync(path.join(d, 'allure-results'))
        .filter((f) => f.endsWith('-result.json'))
        .map((f) => JSON.parse(fs.readFileSync(path.join(d, 'allure-results', f), 'utf8')) as { fullName: string; status: string }),
    );
    assert.equal(allureResults.length, listedIds.size, 'Allure results: not one per test');
    assert.equal(new Set(allureResults.map((r) => r.fullName)).size, listedIds.size, 'a test has two Allure results');
    assert.ok(
      ['index.html', path.join('awesome', 'index.html')].some((p) => fs.existsSync(path.join(merged, 'allure-report', p))),
      'no merged Allure report',
    );
    assert.ok(fs.existsSync(path.join(merged, 'allure-history.jsonl')), 'the merged Allure report wrote no history');
    const allureSummary = JSON.parse(fs.readFileSync(path.join(merged, 'allure-report', 'summary.json'), 'utf8')) as { stats: Record<string, number> };
    const count = (v: string) => [...referenceVerdicts.values()].filter((x) => x === v).length;
    assert.equal(allureSummary.stats.total, listedIds.size, 'the merged Allure report does not count every test once');
    assert.equal(allureSummary.stats.passed ?? 0, count('expected'), 'the merged Allure report passed count differs from the unsharded run');

    // Coverage on the merged results: every spec of the subset with a result, none "not run".
    const cov = coverage(JSON.parse(listed.stdout.slice(listed.stdout.indexOf('{'))) as JsonReport, mergedReport);
    const refs = new Map(cov.rows.flatMap((r) => r.specs).map((s) => [s.id, s.result]));
    assert.equal(refs.size, specsOf(mergedReport).length);
    assert.ok([...refs.values()].every((r) => r !== 'not run'), 'coverage shows a merged test as not run');
    assert.match(mergeRun.output, /catalogue IDs have a spec/);

    // Evidence: the flows of both shards in one pack with one index.
    const flowsOf = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).length : 0);
    const shardFlows = shardDirs.reduce((n, d) => n + flowsOf(path.join(d, 'evidence')), 0);
    assert.ok(shardFlows > 0, 'the shards wrote no evidence');
    assert.equal(flowsOf(path.join(merged, 'evidence')), shardFlows);
    assert.ok(fs.existsSync(path.join(merged, 'evidence', 'index.html')));

    // Redaction: the merge scanned everything it wrote for the secrets both shards used.
    assert.match(mergeRun.output, /merge: redaction scan of \d+ merged file\(s\) for [1-9]\d* secret\(s\): PASS/);
  } finally {
    if (process.env.KEEP_TMP) console.log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
});
