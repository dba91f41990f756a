/**
 * The catalogue data (catalogue/ids.ts) against the catalogue document, and the Allure
 * mapping built from it: the table must hold exactly the document's IDs (an ID added to
 * catalogue.md and not here would be silently uncovered), each with one of the five
 * systems and sections of known documents.
 *
 * Run: node --import tsx --test tests/unit/catalogue.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { CATALOGUE, CATALOGUE_IDS, entriesForTags, guideLinks, highestSeverity, looksLikeId, SYSTEMS } from '../../catalogue/ids';
import { documentOf, guideUrl } from '../../catalogue/guides';
import { failureNote } from '../../fixtures/allure';

const CATALOGUE_MD = process.env.CATALOGUE_MD ?? '/work/shared/spec/catalogue.md';

/** IDs of catalogue.md: first cell of every table row of the Mails and Paths sections. */
function documentIds(md: string): string[] {
  const ids: string[] = [];
  for (const line of md.split('\n')) {
    const m = /^\|\s*([A-Z][A-Z0-9-]*(?:\s*\/\s*[A-Z][A-Z0-9-]*)*)\s*\|/.exec(line);
    if (!m || m[1] === 'ID') continue;
    for (const id of m[1].split('/').map((s) => s.trim())) if (looksLikeId(id)) ids.push(id);
  }
  return ids;
}

describe('catalogue data', () => {
  test('holds exactly the IDs of catalogue.md', { skip: !fs.existsSync(CATALOGUE_MD) && 'catalogue.md not on this machine' }, () => {
    const fromDoc = documentIds(fs.readFileSync(CATALOGUE_MD, 'utf8'));
    assert.ok(fromDoc.length > 30, `parsed ${fromDoc.length} IDs`);
    assert.deepEqual([...CATALOGUE_IDS].sort(), [...new Set(fromDoc)].sort());
  });

  test('every entry has a system, a severity and sections of known documents', () => {
    for (const e of CATALOGUE.values()) {
      assert.ok(SYSTEMS.includes(e.system), e.id);
      assert.ok(e.sections.length > 0, e.id);
      for (const section of e.sections) assert.doesNotThrow(() => documentOf(section), `${e.id}: ${section}`);
    }
    assert.equal(new Set(CATALOGUE_IDS).size, CATALOGUE_IDS.length, 'IDs are unique');
  });

  test('tags map to entries; unknown ID-shaped tags are reported, free tags ignored', () => {
    const { entries, unknown } = entriesForTags(['@ISS-OK', '@EG18-1-2', '@ISS-OK', '@slow', '@EG18-1-9']);
    assert.deepEqual(entries.map((e) => e.id), ['ISS-OK', 'EG18-1-2']);
    assert.deepEqual(unknown, ['EG18-1-9']);
  });

  test('several IDs: the worst severity wins', () => {
    assert.equal(highestSeverity([CATALOGUE.get('ISS-LANG')!, CATALOGUE.get('EG18-1-2')!]), 'normal');
    assert.equal(highestSeverity([CATALOGUE.get('EG18-1-2')!, CATALOGUE.get('ISS-OK')!]), 'critical');
  });

  test('guide links name the section and point into the document', () => {
    assert.equal(guideUrl('EG18 1-2', 'https://intranet.example/guides/'), 'https://intranet.example/guides/001_1b624e5e5610a32c.txt#1-2');
    const [link] = guideLinks(CATALOGUE.get('EG25-1-2')!);
    assert.match(link.name, /^EG25 1-2 .*エラー対応ガイド/);
    assert.match(link.url, /000_d5072cba060ba536\.txt#1-2$/);
  });
});

describe('failure note (Allure guard)', () => {
  test('names the guide sections and marks the failing step', () => {
    const note = failureNote({ title: 't', status: 'failed' }, [CATALOGUE.get('EG18-1-2')!], {
      steps: [
        { n: 1, kind: 'step', caption: '発行サイトURLにアクセス' },
        { n: 2, kind: 'step', caption: '【STEP1】認証情報パスワードを入力して「次へ」をクリック', failed: true },
        { n: 3, kind: 'dialog', caption: 'ブラウザのダイアログで「OK (はい)」を選択', detail: 'この操作を許可しますか?' },
      ],
    });
    assert.match(note, /EG18-1-2/);
    assert.match(note, /\[EG18 1-2 .*\]\(file:.*001_1b624e5e5610a32c\.txt#1-2\)/);
    assert.match(note, /2\. ✗ 【STEP1】.* ← ここで失敗/);
    assert.match(note, /3\. ✓ \[dialog\] /);
  });
});
