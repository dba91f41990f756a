/**
 * One evidence screenshot as the manuals show a screen: the element the step acts on framed
 * in red (下図赤四角枠内), per-run values (dynamic text, typed-in fields) and secrets masked,
 * animations and the caret off. The frame and the masks exist only while the picture is taken.
 */
import type { Locator, Page } from '@playwright/test';
import { DYNAMIC_TEXT, MASK_SELECTORS } from './dynamic';

const TARGET_ATTR = 'data-evidence-target';
const FILLED_ATTR = 'data-evidence-filled';
/** The manuals' red frame, drawn only while the screenshot is taken (Playwright `style`). */
const OUTLINE_CSS = `[${TARGET_ATTR}] { outline: 3px solid #e60012 !important; outline-offset: 2px !important; }`;
const SHOT_TIMEOUT = 10_000;

export interface Screen {
  image: Buffer;
  /** Whether the picture frames the step's target. */
  outlined: boolean;
}

/** The full page as it is now; `target` (found by the page object by role/label) framed. */
export async function shootScreen(page: Page, target?: Locator): Promise<Screen> {
  if (target) await target.first().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
  let outlined = 0;
  if (target) outlined = await target.evaluateAll((els, attr) => els.map((e) => e.setAttribute(attr, '')).length, TARGET_ATTR).catch(() => 0);
  await page
    .evaluate((attr) => {
      // Values typed into text fields are per run (user IDs): mask them like dynamic text.
      const textual = new Set(['', 'text', 'email', 'tel', 'number', 'search', 'url']);
      document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea').forEach((el) => {
        if (el.value && (el instanceof HTMLTextAreaElement || textual.has(el.type))) el.setAttribute(attr, '');
      });
    }, FILLED_ATTR)
    .catch(() => undefined);
  try {
    const image = await page.screenshot({
      fullPage: true,
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
      style: OUTLINE_CSS,
      mask: [page.locator([...MASK_SELECTORS, `[${FILLED_ATTR}]`].join(', ')), page.getByText(DYNAMIC_TEXT)],
      maskColor: '#9e9e9e',
      timeout: SHOT_TIMEOUT,
    });
    return { image, outlined: outlined > 0 };
  } finally {
    await page
      .evaluate((attrs) => attrs.forEach((a) => document.querySelectorAll(`[${a}]`).forEach((el) => el.removeAttribute(a))), [TARGET_ATTR, FILLED_ATTR])
      .catch(() => undefined);
  }
}
