/**
 * One closing line for CI: "N passed, N failed" over the unit/meta tests (JUnit XML from
 * node's runner) and the e2e suite (Playwright's JSON report). Exits 1 if anything failed.
 */
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'reports';
let passed = 0;
let failed = 0;
let skipped = 0;

const junit = path.join(dir, 'unit-junit.xml');
if (fs.existsSync(junit)) {
  const xml = fs.readFileSync(junit, 'utf8');
  for (const tc of xml.match(/<testcase\b[\s\S]*?(?:\/>|<\/testcase>)/g) ?? []) {
    if (/<failure\b/.test(tc)) failed++;
    else if (/<skipped\b/.test(tc)) skipped++;
    else passed++;
  }
}

const json = path.join(dir, 'results.json');
if (fs.existsSync(json)) {
  const { stats } = JSON.parse(fs.readFileSync(json, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky;
  skipped += stats.skipped;
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
