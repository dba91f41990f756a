/**
 * The evidence pack's layout: reports/evidence/<flow>/NN-<step>.png plus steps.json (the
 * manifest the index pages are built from) and index.html. A flow is one test: its
 * catalogue IDs and its title, so a manual writer finds "ISS-OK…" or "ISS-LANG…" (the
 * English variant of the same screens) by the IDs the catalogue gives.
 */
import path from 'node:path';
import { config } from '../config/env';
import { entriesForTags } from '../catalogue/ids';

/** reports/evidence (under REPORTS_DIR). */
export const EVIDENCE_DIR = path.join(config.reportsDir, 'evidence');

export type EvidenceKind = 'step' | 'dialog' | 'download' | 'mail';

export interface EvidenceStep {
  /** 1-based order within the flow. */
  n: number;
  kind: EvidenceKind;
  /** The manual's wording of the step (the manualStep title) or what the browser showed. */
  caption: string;
  /** Extra lines under the caption (dialog text, file name, mail subject), secrets redacted. */
  detail?: string;
  /** Image file name inside the flow folder, when there is a picture. */
  image?: string;
  /** Whether the image outlines the element the step acts on (the manuals' red frame). */
  outlined?: boolean;
  /** Whether the step threw (the picture is then the screen the failure left). */
  failed?: boolean;
}

export interface FlowManifest {
  flow: string;
  title: string;
  file: string;
  ids: string[];
  status?: string;
  steps: EvidenceStep[];
}

export const MANIFEST = 'steps.json';

/** Keeps letters (any script) and digits; everything else becomes one dash. */
export function slug(text: string, max = 60): string {
  const s = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return Array.from(s).slice(0, max).join('').replace(/-+$/, '') || 'step';
}

/** A test title without its @tags. */
export function plainTitle(title: string): string {
  return title.replace(/(^|\s)@\S+/g, ' ').replace(/\s+/g, ' ').trim();
}

export interface FlowSource {
  title: string;
  tags: readonly string[];
  file: string;
  repeatEachIndex: number;
  retry: number;
}

/** `ISS-OK+SIGNUP-OK+LOGIN-OK__a-new-user-installs…`; repeats and retries get their own folder. */
export function flowName(t: FlowSource): string {
  const ids = entriesForTags(t.tags).entries.map((e) => e.id);
  const head = ids.length ? ids.join('+') : slug(path.basename(t.file).replace(/\.spec\.ts$/, ''), 30);
  let name = `${head}__${slug(plainTitle(t.title))}`;
  if (t.repeatEachIndex) name += `~repeat${t.repeatEachIndex}`;
  if (t.retry) name += `~retry${t.retry}`;
  return name;
}

/** `03-【STEP1】認証情報パスワードを入力して-次へ-をクリック.png` */
export function stepFileName(n: number, caption: string): string {
  return `${String(n).padStart(2, '0')}-${slug(caption)}.png`;
}
