/**
 * The browser's own dialogs (confirm / alert) that the manuals show, answered the way a
 * spec says and recorded so the spec can assert on their texts. Playwright would dismiss
 * them silently otherwise, which is a "いいえ" the user never chose.
 */
import type { Dialog, Page } from '@playwright/test';
import { currentEvidence } from '../evidence/recorder';
import { reportViolation } from '../fixtures/guard-report';

export type DialogAnswer = 'accept' | 'dismiss';

export class Dialogs {
  readonly seen: { type: string; message: string; answer: DialogAnswer }[] = [];
  private readonly answers: DialogAnswer[] = [];
  private waiters: (() => void)[] = [];

  constructor(private readonly page: Page) {
    page.on('dialog', (dialog) => void this.answer(dialog));
  }

  /** The answers for the next confirm dialogs, in order; alerts are always acknowledged. */
  plan(...answers: DialogAnswer[]): void {
    this.answers.push(...answers);
  }

  /** Resolves once `count` dialogs in total have been shown. */
  async waitForCount(count: number): Promise<void> {
    while (this.seen.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private async answer(dialog: Dialog): Promise<void> {
    const needsPlan = dialog.type() !== 'alert';
    const planned = needsPlan ? this.answers.shift() : undefined;
    // A confirm (or prompt) with no planned answer is a "いいえ" nobody chose: the guard fails the test.
    if (needsPlan && planned === undefined)
      reportViolation({ kind: 'unplanned dialog', url: this.page.url(), detail: `${dialog.type()} 「${dialog.message()}」 (no answer planned)` });
    const answer: DialogAnswer = needsPlan ? (planned ?? 'dismiss') : 'accept';
    const seen = { type: dialog.type(), message: dialog.message(), answer };
    this.seen.push(seen);
    // The manuals show these dialogs: they are steps of the evidence pack too.
    currentEvidence()?.dialog(this.page, seen);
    if (answer === 'accept') await dialog.accept();
    else await dialog.dismiss();
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }
}

const registry = new WeakMap<Page, Dialogs>();

/** Whether a page has a recorder (the failure guard dismisses and fails dialogs of pages without one). */
export function hasDialogRecorder(page: Page): boolean {
  return registry.has(page);
}

/** One recorder per page, shared by every page object on it. */
export function dialogsOf(page: Page): Dialogs {
  let d = registry.get(page);
  if (!d) {
    d = new Dialogs(page);
    registry.set(page, d);
  }
  return d;
}
