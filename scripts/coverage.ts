/**
 * `npm run coverage`: every catalogue ID with the specs that carry it as a tag and their
 * last result (REPORTS_DIR/results.json). Exits 1 when an ID has no spec — CI runs it.
 * The specs are listed by Playwright itself (`--list`), so tags on describe blocks and
 * `{ tag }` details count as well as tags in titles.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { config, ROOT } from '../config/env';
import { coverage, formatCoverage, type JsonReport } from '../catalogue/coverage';

function listSpecs(): JsonReport {
  const cli = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'test', '--list', '--reporter=json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: '' },
  });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    throw new Error(`playwright test --list failed (${run.status})`);
  }
  return JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as JsonReport;
}

function lastResults(): JsonReport | undefined {
  const file = path.join(config.reportsDir, 'results.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as JsonReport) : undefined;
}

const results = lastResults();
const c = coverage(listSpecs(), results);
console.log(formatCoverage(c));
if (!results) console.log(`(no ${path.relative(ROOT, path.join(config.reportsDir, 'results.json'))} yet: results show as "not run")`);
process.exit(c.uncovered.length ? 1 : 0);
