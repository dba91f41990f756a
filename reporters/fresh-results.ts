/**
 * Empties allure-results when a run begins. allure-playwright only adds files, and
 * `allure generate` would read an earlier run's results as retries of this one; the
 * trends across runs come from Allure's history file instead (allurerc.mjs historyPath).
 */
import fs from 'node:fs';
import type { Reporter } from '@playwright/test/reporter';

export default class FreshResultsReporter implements Reporter {
  constructor(private readonly options: { dirs: string[] }) {}

  printsToStdio(): boolean {
    return false;
  }

  onBegin(): void {
    // `--list` runs no test: it must not wipe the last run's results.
    if (process.argv.includes('--list')) return;
    for (const dir of this.options.dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}
