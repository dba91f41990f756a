/**
 * Which Chromium runs the suite: BROWSER_PATH when set; else Playwright's own Chromium
 * where it is installed (a developer laptop); else Debian's headless shell for headless
 * runs, else Debian's /usr/bin/chromium (CI, fresh machines: browser downloads cannot work
 * there; headed runs, and the evidence mode unless its pictures are identical).
 */
import fs from 'node:fs';
import { chromium } from '@playwright/test';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/**
 * Debian's chromium-headless-shell: the headless-only build Playwright itself uses for
 * headless runs. No GPU process and fewer services, so a context + page + click costs about
 * a third of the full browser's here (npm run bench). Used for headless runs when present.
 */
export const DEBIAN_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
/**
 * Whether the shell's evidence screenshots are pixel-identical to the full browser's
 * (scripts/evidence-compare.ts on two packs of the same specs; `npm run bench` repeats the
 * check). When they are not, the evidence mode keeps the full browser, so the pictures in
 * the manuals do not change with a speed-up.
 */
export const SHELL_EVIDENCE_IDENTICAL = false;

export class BrowserNotFoundError extends Error {}

/** undefined = Playwright's bundled browser; a path = launchOptions.executablePath. */
export function resolveBrowserExecutable(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): string | undefined {
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
  const headed = !!env.PWDEBUG || argv.some((a) => a === '--headed' || a === '--ui' || a === '--debug');
  const evidence = /^(1|true|yes)$/.test(env.EVIDENCE ?? '');
  const shell = !headed && fs.existsSync(DEBIAN_HEADLESS_SHELL);
  if (shell && (!evidence || SHELL_EVIDENCE_IDENTICAL)) return DEBIAN_HEADLESS_SHELL;
  if (fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (shell) return DEBIAN_HEADLESS_SHELL;
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
