/**
 * The evidence recorder: every manual step (pages/step.ts manualStep), the browser's own
 * dialogs (pages/dialogs.ts), downloads and the mails a test received, in order.
 *
 * Always on, it only keeps the list (the Allure guard attaches it when a test fails).
 * With EVIDENCE=1 it also takes the pictures for the manuals (./screenshot.ts, ./cards.ts)
 * under reports/evidence/<flow>/NN-<step>.png, plus steps.json and an index.html per flow.
 * The fixture that runs it for every test is fixtures/evidence.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Download, Locator, Page, TestInfo } from '@playwright/test';
import { ROOT } from '../config/env';
import { entriesForTags } from '../catalogue/ids';
import { maskDynamicText, redactMailText } from './dynamic';
import { EVIDENCE_DIR, flowName, MANIFEST, plainTitle, stepFileName, type EvidenceStep, type FlowManifest } from './flow';
import { dialogCardHtml, downloadCardHtml, flowIndexHtml, mailCardHtml } from './html';
import { CardRenderer } from './cards';
import { PageTracker } from './page-tracker';
import { shootScreen } from './screenshot';

let active: EvidenceRecorder | undefined;

/** The recorder of the running test (workers run one test at a time), if any. */
export function currentEvidence(): EvidenceRecorder | undefined {
  return active;
}

export interface RecordedMail {
  subject: string;
  from: string;
  to: string[];
  text: string;
}

interface BrowserEvent {
  rank: number;
  seq: number;
  step: Omit<EvidenceStep, 'n'>;
  render: (entry: EvidenceStep) => Promise<void>;
}

export class EvidenceRecorder {
  readonly steps: EvidenceStep[] = [];
  /** The manual step running now (the failure guard names it). */
  currentStep: string | undefined;
  private count = 0;
  private seq = 0;
  /** Browser events of the running steps (innermost last), numbered when a step ends. */
  private readonly buffers: BrowserEvent[][] = [];
  private readonly pending: Promise<unknown>[] = [];
  private readonly lastScreen = new WeakMap<Page, Buffer>();
  private readonly pages: PageTracker;
  private readonly cards: CardRenderer | undefined;

  constructor(
    private readonly testInfo: TestInfo,
    /** Only in evidence mode: every page of the test is found through it. */
    browser: Browser | undefined,
    /** The flow folder, only in evidence mode. */
    readonly dir: string | undefined,
  ) {
    this.pages = new PageTracker(browser, (page, download) => this.download(page, download));
    this.cards = browser && dir !== undefined ? new CardRenderer(browser) : undefined;
  }

  get capturing(): boolean {
    return this.cards !== undefined;
  }

  /** Runs one manual step: the picture before the action when it has a target, else after it. */
  async step<T>(caption: string, body: () => Promise<T>, target?: Locator): Promise<T> {
    const entry = this.add({ kind: 'step', caption });
    const outer = this.currentStep;
    this.currentStep = caption;
    this.pages.watch(target?.page());
    this.buffers.push([]);
    try {
      if (this.capturing && target) await this.shoot(entry, target.page(), target);
      const result = await body();
      const page = this.pages.active();
      if (this.capturing && !target && page) await this.shoot(entry, page);
      return result;
    } catch (error) {
      entry.failed = true;
      const page = this.pages.active();
      // The screen the failure left, best effort: the step's own error is what matters.
      if (this.capturing && !entry.image && page) await this.shoot(entry, page).catch(() => undefined);
      throw error;
    } finally {
      this.currentStep = outer;
      this.flush(this.buffers.pop()!);
    }
  }

  /** A confirm/alert answered by pages/dialogs.ts. */
  dialog(page: Page, d: { type: string; message: string; answer: 'accept' | 'dismiss' }): void {
    const chosen = d.answer === 'accept' ? 'OK (はい)' : 'キャンセル (いいえ)';
    const message = maskDynamicText(d.message);
    const screen = this.lastScreen.get(page);
    this.browserEvent(d.type === 'alert' ? 2 : 0, { kind: 'dialog', caption: `ブラウザのダイアログで「${chosen}」を選択`, detail: message }, (entry) =>
      this.card(entry, dialogCardHtml({ ...d, message, screen: screen?.toString('base64') }), screen),
    );
  }

  /** A file the browser downloaded (the manuals show the download prompt). */
  download(page: Page, download: Download): void {
    const fileName = maskDynamicText(download.suggestedFilename());
    const screen = this.lastScreen.get(page);
    this.browserEvent(1, { kind: 'download', caption: 'ファイルをダウンロード', detail: fileName }, (entry) =>
      this.card(entry, downloadCardHtml({ fileName, screen: screen?.toString('base64') }), screen),
    );
  }

  /**
   * Dialogs and downloads of one step race each other (a download and the alert after it
   * reach Playwright in either order), so they are numbered when the step ends, in the
   * order a user meets them: the question (confirm), then the file, then the notice (alert).
   */
  private browserEvent(rank: number, step: Omit<EvidenceStep, 'n'>, render: (entry: EvidenceStep) => Promise<void>): void {
    const event = { rank, seq: this.seq++, step, render };
    const buffer = this.buffers.at(-1);
    if (buffer) buffer.push(event);
    else this.emit(event);
  }

  private flush(events: BrowserEvent[]): void {
    events.sort((a, b) => a.rank - b.rank || a.seq - b.seq).forEach((e) => this.emit(e));
  }

  private emit(event: BrowserEvent): void {
    const entry = this.add(event.step);
    if (this.capturing) this.later(event.render(entry));
  }

  /**
   * A mail the test read: secrets redacted, per-user values masked (the manuals show mail
   * examples). Its card is drawn while the test goes on, like a dialog's: the test's next
   * step does not wait for a picture of what it has already read.
   */
  mail(mail: RecordedMail): void {
    const text = maskDynamicText(redactMailText(mail.text));
    const to = mail.to.map((a) => a.replace(/^[^@\s]+@/, '■■■■@')).join(', ');
    const entry = this.add({ kind: 'mail', caption: `メールを受信: ${mail.subject}`, detail: text });
    if (this.capturing) this.later(this.card(entry, mailCardHtml({ subject: mail.subject, from: mail.from, to, text })));
  }

  /** Writes steps.json and index.html (evidence mode) once everything is rendered. */
  async finish(): Promise<void> {
    await Promise.allSettled(this.pending);
    await this.cards?.close();
    if (!this.dir || !this.steps.some((s) => s.image)) return;
    const manifest: FlowManifest = {
      flow: path.basename(this.dir),
      title: plainTitle(this.testInfo.title),
      file: path.relative(ROOT, this.testInfo.file),
      ids: entriesForTags(this.testInfo.tags).entries.map((e) => e.id),
      status: this.testInfo.status,
      steps: this.steps,
    };
    fs.writeFileSync(path.join(this.dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.writeFileSync(path.join(this.dir, 'index.html'), flowIndexHtml(manifest));
  }

  private add(step: Omit<EvidenceStep, 'n'>): EvidenceStep {
    const entry = { n: ++this.count, ...step };
    this.steps.push(entry);
    return entry;
  }

  private later(work: Promise<unknown>): void {
    this.pending.push(work.catch((e) => console.warn(`evidence: ${String(e)}`)));
  }

  /** One screenshot of the page, the step's target framed. */
  private async shoot(entry: EvidenceStep, page: Page, target?: Locator): Promise<void> {
    const { image, outlined } = await shootScreen(page, target);
    this.save(entry, image);
    entry.outlined = outlined;
    this.lastScreen.set(page, image);
  }

  private save(entry: EvidenceStep, image: Buffer): void {
    const file = stepFileName(entry.n, entry.caption);
    fs.mkdirSync(this.dir!, { recursive: true });
    fs.writeFileSync(path.join(this.dir!, file), image);
    entry.image = file;
  }

  /** Renders a card into the step's PNG (./cards.ts). */
  private async card(entry: EvidenceStep, html: string, backdrop?: Buffer): Promise<void> {
    this.save(entry, await this.cards!.render(html, backdrop));
  }
}

/** Records a mail the test read into the evidence (no-op outside a test). */
export function recordMail(mail: RecordedMail): void {
  active?.mail(mail);
}

export async function runRecorder(testInfo: TestInfo, browser: Browser | undefined, use: (r: EvidenceRecorder) => Promise<void>): Promise<void> {
  let dir: string | undefined;
  if (browser) {
    dir = path.join(EVIDENCE_DIR, flowName(testInfo));
    // A rerun of the same flow replaces its pictures, never mixes old and new ones.
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const recorder = new EvidenceRecorder(testInfo, browser, dir);
  active = recorder;
  try {
    await use(recorder);
  } finally {
    active = undefined;
    await recorder.finish();
  }
}

/**
 * Evidence mode only: Chromium re-rasterizes whole tiles instead of just the changed
 * part, so an element's anti-aliased edges do not depend on which earlier repaint touched
 * them (seen: the corner pixels of a button next to a select that page JS filled in).
 */
export const EVIDENCE_CHROMIUM_ARGS = ['--disable-partial-raster'];
