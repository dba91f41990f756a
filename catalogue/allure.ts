/**
 * What the Allure report says of a test, from its catalogue tags (`@EG18-1-2`), as plain data
 * (fixtures/allure.ts hands it to Allure).
 *
 * The tree (allurerc.mjs groupBy epic → feature → story) holds each test ONCE: the path is
 * its primary ID's — the first catalogue ID of the test — system, main guide section and ID.
 * Every ID a test carries stays findable: a `catalogueId` label per ID (and allure-playwright's
 * own `tag` label per Playwright tag), a link per guide section of every ID, the severity of
 * the worst ID, and the coverage listing (`npm run coverage`) by ID.
 */
import { entriesForTags, guideLinks, highestSeverity, type CatalogueEntry, type GuideLink } from './ids';
import type { EvidenceStep } from '../evidence/flow';

export interface AllureLabel {
  name: string;
  value: string;
}

export interface CatalogueLabels {
  entries: CatalogueEntry[];
  /** Tags that look like catalogue IDs but are not in the catalogue (a typo). */
  unknown: string[];
  labels: AllureLabel[];
  links: GuideLink[];
}

export function catalogueLabels(tags: readonly string[]): CatalogueLabels {
  const { entries, unknown } = entriesForTags(tags);
  const [primary] = entries;
  if (!primary) return { entries, unknown, labels: [], links: [] };
  const labels = [
    { name: 'epic', value: primary.system },
    { name: 'feature', value: primary.sections[0] },
    { name: 'story', value: primary.id },
    ...entries.map((e) => ({ name: 'catalogueId', value: e.id })),
    { name: 'severity', value: highestSeverity(entries) },
  ];
  const all = entries.flatMap(guideLinks);
  const links = all.filter((l, i) => all.findIndex((o) => o.url === l.url) === i);
  return { entries, unknown, labels, links };
}

/** Markdown for a failed test: where to read, and how far the manual got. */
export function failureNote(testInfo: { title: string; status?: string }, entries: readonly CatalogueEntry[], evidence: { steps: readonly EvidenceStep[] }): string {
  const lines = [`# 失敗時の状況`, '', `- テスト: ${testInfo.title}`, `- 結果: ${testInfo.status}`, ''];
  if (entries.length) {
    lines.push('## 対応ガイド');
    for (const e of entries) {
      lines.push(`- **${e.id}** ${e.summary}`);
      for (const l of guideLinks(e)) lines.push(`  - [${l.name}](${l.url})`);
    }
    lines.push('');
  }
  lines.push('## 実行した手順');
  if (!evidence.steps.length) lines.push('(手順なし: 失敗はページ操作の前)');
  for (const s of evidence.steps) {
    const mark = s.failed ? '✗' : '✓';
    const kind = s.kind === 'step' ? '' : `[${s.kind}] `;
    lines.push(`${s.n}. ${mark} ${kind}${s.caption}${s.failed ? ' ← ここで失敗' : ''}`);
    if (s.detail && s.kind !== 'mail') lines.push(`   ${s.detail.replace(/\n/g, ' ')}`);
  }
  return `${lines.join('\n')}\n`;
}
