/**
 * Which Chromium runs the suite: BROWSER_PATH when set; else Playwright's own Chromium
 * where it is installed (a developer laptop); else Debian's /usr/bin/chromium (CI, fresh
 * machines: browser downloads cannot work there).
 */
import fs from 'node:fs';
import { chromium } from '@playwright/test';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export class BrowserNotFoundError extends Error {}

/** undefined = Playwright's bundled browser; a path = launchOptions.executablePath. */
export function resolveBrowserExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env.BROWSER_PATH;
  if (override) {
    if (!fs.existsSync(override)) throw new BrowserNotFoundError(`BROWSER_PATH=${override} does not exist.`);
    return override;
  }
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright's browser is not installed: fall through to Debian's.
  }
  if (fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  throw new BrowserNotFoundError(
    'No Chromium found: run `apt-get install -y chromium fonts-noto-cjk` (or `npm run setup`), or set BROWSER_PATH.',
  );
}

/** Flags for a closed network (no background calls home) and a stable rendering. */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--font-render-hinting=none',
];
