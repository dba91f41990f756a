/**
 * The project's Playwright config with a timing tick between its reporters
 * (scripts/bench/reporter-tick.ts), for `npm run bench`'s full-reporter-set run: same tests,
 * same reporters in the same order, plus where their time goes. Paths the project config
 * gives relative to its own folder are made absolute, since this file lives elsewhere.
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import type { ReporterDescription } from '@playwright/test';
import project from '../../playwright.config';
import { ROOT } from '../../config/env';

const tick = path.join(__dirname, 'reporter-tick.ts');
const given: ReporterDescription[] = Array.isArray(project.reporter) ? project.reporter : [[project.reporter ?? 'list']];
const absolute = (name: string) => (name.startsWith('.') ? path.resolve(ROOT, name) : name);
const labels = given.map(([name]) => path.basename(name).replace(/\.ts$/, ''));

export default defineConfig({
  ...project,
  testDir: path.join(ROOT, 'e2e'),
  globalSetup: typeof project.globalSetup === 'string' ? path.resolve(ROOT, project.globalSetup) : project.globalSetup,
  reporter: [
    [tick, { index: 0, labels }],
    ...given.flatMap(([name, options], i): ReporterDescription[] => [[absolute(name), options], [tick, { index: i + 1, labels }]]),
  ],
  webServer: project.webServer && (Array.isArray(project.webServer) ? project.webServer : [project.webServer]).map((w) => ({ ...w, cwd: ROOT })),
});
