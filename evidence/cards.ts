/**
 * Cards: what the browser showed outside the page (a dialog, a download prompt) or what the
 * test read (a mail), drawn as a picture for the evidence pack from the HTML of ./html.ts.
 */
import crypto from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { PNG } from 'pngjs';

/** A mail card's width, and its least height (a longer mail makes a taller card). */
const CARD_VIEWPORT = { width: 1280, height: 400 };

/**
 * Cards this worker has drawn, by what they were drawn from. Per-user values in a mail are
 * masked before its card is drawn, so most tests' mails make the same card (in the bench's
 * flows, 19 mail cards were 5 different pictures); the same HTML in the same browser is the
 * same picture, byte for byte. Bounded: the oldest entry goes first.
 */
const drawn = new Map<string, Promise<Buffer>>();
const MAX_DRAWN = 64;

function cardKey(html: string, backdrop: Buffer | undefined): string {
  const hash = crypto.createHash('sha256').update(html);
  if (backdrop) hash.update(backdrop);
  return hash.digest('hex');
}

export class CardRenderer {
  /**
   * One page for all the test's cards, each drawn over the last: a new page is a new
   * renderer process, which cost more than the picture itself (about 190 ms a card).
   */
  private page: Promise<Page> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly browser: Browser) {}

  /**
   * The card as a PNG. Cards are drawn one at a time, at the size of the screen behind them
   * (fixed, not measured: a full-page capture taken while the backdrop image is still being
   * laid out repeats the content), after fonts and images are ready.
   */
  render(html: string, backdrop?: Buffer): Promise<Buffer> {
    const key = cardKey(html, backdrop);
    const known = drawn.get(key);
    if (known) return known;
    const done = this.queue.then(() => this.draw(html, backdrop));
    this.queue = done.catch(() => undefined);
    drawn.set(key, done);
    // A card that failed to draw is drawn again next time, not remembered as failed.
    done.catch(() => drawn.delete(key));
    if (drawn.size > MAX_DRAWN) drawn.delete(drawn.keys().next().value!);
    return done;
  }

  private async draw(html: string, backdrop: Buffer | undefined): Promise<Buffer> {
    this.page ??= this.browser.newContext({ viewport: CARD_VIEWPORT, locale: 'ja-JP', deviceScaleFactor: 1 }).then((c) => c.newPage());
    const page = await this.page;
    const size = backdrop ? pngSize(backdrop) : undefined;
    // Always set: the card before may have been drawn at another screen's size.
    await page.setViewportSize(size ?? CARD_VIEWPORT);
    await page.setContent(html);
    await page.evaluate(async () => {
      await document.fonts.ready;
      await Promise.all(Array.from(document.images).map((img) => img.decode().catch(() => undefined)));
    });
    return await page.screenshot({ fullPage: !size, animations: 'disabled', caret: 'hide', scale: 'css' });
  }

  async close(): Promise<void> {
    await this.page?.then((page) => page.context().close()).catch(() => undefined);
  }
}

/** Width and height of a PNG, read by pngjs (a full decode: a few milliseconds per card, evidence mode only). */
export function pngSize(png: Buffer): { width: number; height: number } {
  const { width, height } = PNG.sync.read(png);
  return { width, height };
}
