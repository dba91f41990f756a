/**
 * The run's environment for Allure's 環境 widget (environment.properties): what was
 * tested (target and base URLs), with what (browser, Playwright, Node) and against which
 * test PKI — so a result can be tied to its setup when someone compares two reports.
 */
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import type { Config } from '../config/env';

/** "Chromium 156.0.8078.79 …" from the browser binary itself (no browser launch). */
export function browserVersion(executablePath: string | undefined): string {
  try {
    const exe = executablePath ?? chromium.executablePath();
    const out = execFileSync(exe, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    return out.trim().split('\n').at(-1) ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function environmentInfo(suite: Config, browser: string, pkiFingerprint: string | undefined): Record<string, string> {
  const info: Record<string, string> = {
    TARGET: suite.target,
    Browser: browser,
    Playwright: (require('@playwright/test/package.json') as { version: string }).version,
    Node: process.version,
    'PKI fingerprint': pkiFingerprint ?? '(staging: not the test PKI)',
    Evidence: suite.evidence ? 'on' : 'off',
  };
  const urls = suite.urls as unknown as Record<string, string | undefined>;
  for (const [name, url] of Object.entries(urls)) if (url) info[`URL ${name}`] = url;
  return info;
}
