/**
 * The suite against TARGET (mock by default). For the mock, Playwright starts the SMTP
 * catcher and the mock (webServer) and trusts the mock's server CA: Node (which runs the
 * client-certificate proxy) through NODE_EXTRA_CA_CERTS, Chromium through the server
 * key's SPKI pin — never a blanket "ignore HTTPS errors".
 */
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { config as suite, ConfigError, ROOT } from './config/env';
import { BrowserNotFoundError, CHROMIUM_ARGS, resolveBrowserExecutable } from './config/browser';
import { ensurePkiForRun } from './certs/ensure';
import { browserVersion, environmentInfo } from './reporters/environment';

function fail(err: unknown): never {
  // One clear line, not a stack: this is what a user on a fresh machine reads.
  if (err instanceof ConfigError || err instanceof BrowserNotFoundError) console.error(err.message);
  else console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

let executablePath: string | undefined;
try {
  executablePath = resolveBrowserExecutable();
} catch (err) {
  fail(err);
}

const pkiArgs: string[] = [];
let pkiFingerprint: string | undefined;
if (suite.target === 'mock') {
  const pki = ensurePkiForRun(suite.pkiDir);
  pkiFingerprint = pki.fingerprint;
  process.env.NODE_EXTRA_CA_CERTS = pki.extraCaPath;
  pkiArgs.push(`--ignore-certificate-errors-spki-list=${pki.serverSpki}`);
} else if (suite.env.STAGING_CA_FILE) {
  process.env.NODE_EXTRA_CA_CERTS ??= path.resolve(ROOT, suite.env.STAGING_CA_FILE);
}

const reports = suite.reportsDir;
const allureResults = path.join(reports, 'allure-results');
// Allure's 環境 widget; only the main process writes reports (workers load this file too).
const allureEnvironment = process.env.TEST_WORKER_INDEX
  ? undefined
  : environmentInfo(suite, browserVersion(executablePath), pkiFingerprint);
const tsx = `"${process.execPath}" "${path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')}"`;

export default defineConfig({
  testDir: './e2e',
  outputDir: path.join(reports, 'test-results'),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    // First: scrubs the secrets the tests used from what every reporter below receives.
    ['./reporters/redact.ts'],
    // A run's Allure results and evidence pack are that run's only (history lives in allure-history.jsonl).
    ['./reporters/fresh-results.ts', { dirs: [allureResults, ...(suite.evidence ? [path.join(reports, 'evidence')] : [])] }],
    ['./reporters/evidence-index.ts'],
    ['list'],
    ['html', { outputFolder: path.join(reports, 'playwright-report'), open: 'never' }],
    ['allure-playwright', { resultsDir: allureResults, detail: true, suiteTitle: true, environmentInfo: allureEnvironment }],
    ['json', { outputFile: path.join(reports, 'results.json') }],
  ],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [...CHROMIUM_ARGS, ...pkiArgs],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer:
    suite.target === 'mock'
      ? [
          {
            name: 'mailbox',
            command: `${tsx} mailbox/main.ts`,
            url: `${suite.urls.mailbox}/health`,
            reuseExistingServer: !process.env.CI,
            stdout: 'pipe',
            timeout: 60_000,
          },
          {
            name: 'mock',
            command: `${tsx} mock/main.ts`,
            // The admin API's health: the TLS hosts that want a client certificate never look ready to a plain GET.
            url: `${suite.urls.admin}/health`,
            reuseExistingServer: !process.env.CI,
            stdout: 'pipe',
            timeout: 60_000,
          },
        ]
      : undefined,
});

