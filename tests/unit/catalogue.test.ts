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
import { catalogueLabels, failureNote } from '../../catalogue/allure';

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

describe('Allure labels (catalogue/allure.ts): each test once in the tree', () => {
  const tree = (labels: { name: string; value: string }[]) => ['epic', 'feature', 'story'].map((name) => labels.filter((l) => l.name === name).map((l) => l.value));

  test('a test with two IDs of different systems and sections gets ONE epic/feature/story path, its primary ID\'s', () => {
    const { labels } = catalogueLabels(['@ISS-OK', '@SIGNUP-OK', '@slow']);
    assert.deepEqual(tree(labels), [['証明書発行サイト'], ['IM12 2-3'], ['ISS-OK']]);
  });

  test('an ID with several guide sections is filed under its main section only', () => {
    const { labels } = catalogueLabels(['@EG-2-2-46']);
    assert.deepEqual(tree(labels), [['エコ文書'], ['EG25 2-2'], ['EG-2-2-46']]);
  });

  test('every ID stays findable: a catalogueId label each, links to every section, the worst severity', () => {
    const { labels, links } = catalogueLabels(['@EG18-1-2', '@ISS-OK']);
    assert.deepEqual(labels.filter((l) => l.name === 'catalogueId').map((l) => l.value), ['EG18-1-2', 'ISS-OK']);
    assert.deepEqual(labels.filter((l) => l.name === 'severity').map((l) => l.value), ['critical']);
    assert.deepEqual(links.map((l) => l.name.split(' ').slice(0, 2).join(' ')), ['EG18 1-2', 'IM12 2-3', 'TJK 1)']);
  });

  test('the tree has as many leaves as tests (not one per ID and section)', () => {
    const tests = [['@ISS-OK', '@SIGNUP-OK', '@LOGIN-OK'], ['@EG-2-2-46'], ['@EG18-1-2', '@EG18-1-5']];
    const leaves = tests.flatMap((tags) => {
      const [epics, features, stories] = tree(catalogueLabels(tags).labels);
      return epics.flatMap((e) => features.flatMap((f) => stories.map((s) => `${e}/${f}/${s}`)));
    });
    assert.equal(leaves.length, tests.length);
  });

  test('a test without a catalogue tag gets no labels (and a typo is reported)', () => {
    assert.deepEqual(catalogueLabels(['@slow']).labels, []);
    assert.deepEqual(catalogueLabels(['@EG18-1-9']).unknown, ['EG18-1-9']);
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
