/**
 * HTML of the evidence pack: one page per flow (the steps in order, each picture with its
 * caption, as a manual page reads), the pack's table of contents, and the "cards" that
 * stand in for what the browser draws itself (confirm/alert dialogs, downloads) and for
 * the mails — rendered by Chromium into PNGs like the screens.
 *
 * Rendered by nunjucks from evidence/templates/ with autoescape on: titles, captions,
 * dialog messages and mail texts come from specs, pages and mails, and are never markup.
 */
import path from 'node:path';
import nunjucks from 'nunjucks';
import { CATALOGUE, guideLinks } from '../catalogue/ids';
import type { FlowManifest } from './flow';

const templates = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(__dirname, 'templates')), { autoescape: true });

const KIND_LABEL: Record<string, string> = { step: '手順', dialog: 'ダイアログ', download: 'ダウンロード', mail: 'メール' };

/** One flow: title, catalogue IDs with their guide sections, then every step in order. */
export function flowIndexHtml(flow: FlowManifest): string {
  const ids = flow.ids.map((id) => {
    const entry = CATALOGUE.get(id);
    return { id, summary: entry?.summary ?? '', links: entry ? guideLinks(entry) : [] };
  });
  const steps = flow.steps.map((s) => ({ ...s, number: String(s.n).padStart(2, '0'), kindLabel: KIND_LABEL[s.kind] }));
  return templates.render('flow.njk', { flow, ids, steps });
}

/** The pack's table of contents: every flow with its IDs, step count and result. */
export function packIndexHtml(flows: FlowManifest[]): string {
  return templates.render('pack.njk', { flows });
}

/** A confirm/alert over the page it came from, the chosen button framed in red. */
export function dialogCardHtml(d: { type: string; message: string; answer: 'accept' | 'dismiss'; screen?: string }): string {
  const isConfirm = d.type === 'confirm' || d.type === 'beforeunload';
  return templates.render('dialog-card.njk', { ...d, isConfirm });
}

/** The browser's download notice for one file. */
export function downloadCardHtml(d: { fileName: string; screen?: string }): string {
  return templates.render('download-card.njk', d);
}

/** A received mail (already redacted and masked by the caller). */
export function mailCardHtml(d: { subject: string; from: string; to: string; text: string }): string {
  return templates.render('mail-card.njk', d);
}
