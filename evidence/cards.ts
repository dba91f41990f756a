/**
 * Cards: what the browser showed outside the page (a dialog, a download prompt) or what the
 * test read (a mail), drawn as a picture for the evidence pack from the HTML of ./html.ts.
 */
import type { Browser, BrowserContext } from '@playwright/test';
import { PNG } from 'pngjs';

export class CardRenderer {
  private context: Promise<BrowserContext> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly browser: Browser) {}

  /**
   * The card as a PNG. Cards are drawn one at a time, at the size of the screen behind them
   * (fixed, not measured: a full-page capture taken while the backdrop image is still being
   * laid out repeats the content), after fonts and images are ready.
   */
  render(html: string, backdrop?: Buffer): Promise<Buffer> {
    const draw = async () => {
      this.context ??= this.browser.newContext({ viewport: { width: 1280, height: 400 }, locale: 'ja-JP', deviceScaleFactor: 1 });
      const page = await (await this.context).newPage();
      try {
        const size = backdrop ? pngSize(backdrop) : undefined;
        if (size) await page.setViewportSize(size);
        await page.setContent(html);
        await page.evaluate(async () => {
          await document.fonts.ready;
          await Promise.all(Array.from(document.images).map((img) => img.decode().catch(() => undefined)));
        });
        return await page.screenshot({ fullPage: !size, animations: 'disabled', caret: 'hide', scale: 'css' });
      } finally {
        await page.close();
      }
    };
    const done = this.queue.then(draw);
    this.queue = done.catch(() => undefined);
    return done;
  }

  async close(): Promise<void> {
    if (this.context) await (await this.context).close().catch(() => undefined);
  }
}

/** Width and height of a PNG, read by pngjs (a full decode: a few milliseconds per card, evidence mode only). */
export function pngSize(png: Buffer): { width: number; height: number } {
  const { width, height } = PNG.sync.read(png);
  return { width, height };
}
