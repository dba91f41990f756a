/**
 * Which page of a test moved last (the one a step's picture is taken of, when the step has no
 * target), across every browser context the test opens; and each page's downloads.
 */
import type { Browser, BrowserContext, Download, Page } from '@playwright/test';

export class PageTracker {
  private readonly watched = new WeakSet<Page>();
  private readonly watchedContexts = new WeakSet<BrowserContext>();
  private lastActive: Page | undefined;

  constructor(
    /** Only in evidence mode: every page of the test is found through it. */
    private readonly browser: Browser | undefined,
    private readonly onDownload: (page: Page, download: Download) => void,
  ) {}

  /** Follows every page of the test; `hint` (a step's target page) becomes the active one. */
  watch(hint?: Page): void {
    const pages = this.browser
      ? this.browser.contexts().flatMap((c) => {
          this.watchContext(c);
          return c.pages();
        })
      : [];
    if (hint) pages.push(hint);
    for (const page of pages) this.watchPage(page);
    if (hint) this.lastActive = hint;
  }

  active(): Page | undefined {
    if (this.lastActive && !this.lastActive.isClosed()) return this.lastActive;
    const open = this.browser?.contexts().flatMap((c) => c.pages()) ?? [];
    return open.filter((p) => !p.isClosed()).at(-1);
  }

  private watchContext(context: BrowserContext): void {
    if (this.watchedContexts.has(context)) return;
    this.watchedContexts.add(context);
    context.on('page', (page) => this.watchPage(page));
  }

  private watchPage(page: Page): void {
    if (this.watched.has(page)) return;
    this.watched.add(page);
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.lastActive = page;
    });
    page.on('download', (download) => this.onDownload(page, download));
  }
}
