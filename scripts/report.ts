/**
 * `npm run report`: the Allure HTML report of the last run, in Japanese, with trends.
 *
 * Runs the `allure` npm package's own CLI (Allure 3, no Java) — `allure generate` with
 * allurerc.mjs — on REPORTS_DIR/allure-results and writes REPORTS_DIR/allure-report.
 * Each generation appends the run to REPORTS_DIR/allure-history.jsonl (history kept
 * between runs: keep that file, e.g. as a CI cache, and the report shows trends).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { config, ROOT } from '../config/env';

/** `resultDirs`: several shards' allure-results generate one report together (file names are UUIDs). */
export function generateReport(reportsDir: string = config.reportsDir, resultDirs: string[] = [path.join(reportsDir, 'allure-results')]): number {
  const output = path.join(reportsDir, 'allure-report');
  for (const results of resultDirs) {
    if (!fs.existsSync(results) || !fs.readdirSync(results).some((f) => f.endsWith('-result.json'))) {
      console.error(`No Allure results in ${results}: run the tests first (npm test / npx playwright test).`);
      return 1;
    }
  }
  fs.rmSync(output, { recursive: true, force: true });
  const cli = path.join(ROOT, 'node_modules', 'allure', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'generate', ...resultDirs, '--config', path.join(ROOT, 'allurerc.mjs'), '--output', output], {
    cwd: ROOT,
    env: { ...process.env, REPORTS_DIR: reportsDir },
    stdio: 'inherit',
  });
  if (run.status !== 0) return run.status ?? 1;
  const index = [path.join(output, 'index.html'), path.join(output, 'awesome', 'index.html')].find((p) => fs.existsSync(p));
  console.log(`Allure report: ${index ?? output}  (open it with: npx allure open ${path.relative(ROOT, output)})`);
  return 0;
}

if (require.main === module) process.exit(generateReport());
