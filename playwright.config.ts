/**
 * The suite against TARGET (mock by default). For the mock, Playwright starts the SMTP
 * catcher and the mock (webServer). The mock's server CA (or STAGING_CA_FILE) is trusted by
 * Node (which runs the client-certificate proxy) through NODE_EXTRA_CA_CERTS and by Chromium
 * through a run-private NSS DB (config/browser-trust.ts) — on every origin, with the
 * hostname checked; never a blanket "ignore HTTPS errors" nor an SPKI pin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { config as suite, ConfigError, ROOT } from './config/env';
import { BrowserNotFoundError, CHROMIUM_ARGS, resolveBrowserExecutable } from './config/browser';
import { ensurePkiForRun, extraCaBundle } from './certs/ensure';
import { browserTrustHome } from './config/browser-trust';
import { splitPemBundle } from './certs/pem';
import { chromiumResolveArgs, parseResolve } from './config/resolve';
import { installResolve } from './config/resolve-install';
import { destructivePolicy, productionGrepInvert } from './config/safety';
import { browserVersion, environmentInfo } from './reporters/environment';
import { STOP_WITH_RUN_ENV } from './config/owner';

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

let pkiFingerprint: string | undefined;
// The browser's environment: a HOME whose NSS DB trusts exactly this run's CAs.
let browserEnv: Record<string, string> | undefined;
try {
  if (suite.target === 'mock') {
    const pki = ensurePkiForRun(suite.pkiDir);
    pkiFingerprint = pki.fingerprint;
    process.env.NODE_EXTRA_CA_CERTS = pki.extraCaPath;
    browserEnv = browserTrustHome([fs.readFileSync(pki.serverCaPath, 'utf8')]).env;
  } else if (suite.env.STAGING_CA_FILE) {
    const pems = splitPemBundle(fs.readFileSync(path.resolve(ROOT, suite.env.STAGING_CA_FILE), 'utf8'));
    if (pems.length === 0) throw new Error(`STAGING_CA_FILE ${suite.env.STAGING_CA_FILE} holds no PEM certificate`);
    const trustDir = path.join(suite.reportsDir, '.trust');
    fs.mkdirSync(trustDir, { recursive: true });
    process.env.NODE_EXTRA_CA_CERTS = extraCaBundle(trustDir, pems.join('\n'));
    browserEnv = browserTrustHome(pems).env;
  }
} catch (err) {
  fail(err);
}
// RESOLVE (config/resolve.ts): this file is loaded by the runner and by every worker, so the
// pinned names hold in each Node process (the client-certificate proxy runs in the worker).
installResolve(suite.env.RESOLVE);
const resolveArgs = chromiumResolveArgs(parseResolve(suite.env.RESOLVE));
// Production hosts: the destructive specs are filtered out before the run starts (config/safety.ts).
const refuseDestructive = productionGrepInvert(suite);
if (refuseDestructive && !process.env.TEST_WORKER_INDEX) console.error(`Refusing @destructive specs: ${destructivePolicy(suite).reason}`);

const reports = suite.reportsDir;
const allureResults = path.join(reports, 'allure-results');
// Allure's 環境 widget; only the main process writes reports (workers load this file too).
const allureEnvironment = process.env.TEST_WORKER_INDEX
  ? undefined
  : environmentInfo(suite, browserVersion(executablePath), pkiFingerprint);
// The webServers stop by themselves if this runner dies without stopping them (config/owner.ts).
const ownerEnv = { [STOP_WITH_RUN_ENV]: '1' };
const tsx = `"${process.execPath}" "${path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')}"`;

export default defineConfig({
  testDir: './e2e',
  // (A listing sends nothing: `--list` shows the refused specs too, so verify --list can say why.)
  grepInvert: process.argv.includes('--list') ? undefined : refuseDestructive,
  // A real environment's HTTPS trust is checked before any spec (a wrong CA or name stops the run).
  globalSetup: './config/trust-check.ts',
  outputDir: path.join(reports, 'test-results'),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // Against the mock a failed test runs once more, with a trace (`trace: 'on-first-retry'`
  // below): recording a trace of every test halved the main job's speed (5.5 vs 2.8 min for
  // 130 tests), and a failure here is deterministic, so the retry shows it again, traced. A
  // test that passes only on its retry is flaky and fails the run all the same. A real
  // environment is never retried: a second attempt of a state-changing spec changes it twice.
  retries: suite.target === 'mock' ? 1 : 0,
  failOnFlakyTests: true,
  // Every core, in CI and locally (Playwright's default is half); --workers overrides.
  workers: '100%',
  // Evidence mode photographs every step with the full browser (and npm test adds traces): a
  // spec that walks many refusals (the password policy, PINs) legitimately needs longer there.
  timeout: suite.evidence ? 180_000 : 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    // First: scrubs the secrets the tests used from what every reporter below receives.
    ['./reporters/redact.ts'],
    // A run's Allure results and evidence pack are that run's only (history lives in allure-history.jsonl).
    ['./reporters/fresh-results.ts', { dirs: [allureResults, ...(suite.evidence ? [path.join(reports, 'evidence')] : [])] }],
    ['./reporters/evidence-index.ts'],
    ['list'],
    // A shard's own HTML report would be thrown away: the merge builds the one report from the blobs.
    ...(process.argv.some((a) => a.startsWith('--shard')) ? [] : [['html', { outputFolder: path.join(reports, 'playwright-report'), open: 'never' }] as const]),
    ['allure-playwright', { resultsDir: allureResults, detail: true, suiteTitle: true, environmentInfo: allureEnvironment }],
    ['json', { outputFile: path.join(reports, 'results.json') }],
    // Behind the redaction reporter, so the blob holds no secret. One folder per REPORTS_DIR
    // (per shard): `npm run merge -- <shard dirs…>` merges them (docs/sharding.md).
    ['blob', { outputDir: path.join(reports, 'blob-report') }],
    ['./reporters/step-timings.ts'],
  ],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: suite.target === 'mock' ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [...CHROMIUM_ARGS, ...resolveArgs],
      env: browserEnv ? { ...(process.env as Record<string, string>), ...browserEnv } : undefined,
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
            // It stops by itself if this runner is killed (config/owner.ts).
            env: ownerEnv,
          },
          {
            name: 'mock',
            command: `${tsx} mock/main.ts`,
            // The admin API's health: the TLS hosts that want a client certificate never look ready to a plain GET.
            url: `${suite.urls.admin}/health`,
            reuseExistingServer: !process.env.CI,
            stdout: 'pipe',
            timeout: 60_000,
            // It stops by itself if this runner is killed (config/owner.ts).
            env: ownerEnv,
          },
        ]
      : undefined,
});

