/**
 * Every text of the suite's messages module is traced (messages/sources.ts): a documented one
 * is found VERBATIM in its document's seed (../shared/seeds, or SEEDS_DIR); a decision is found
 * in none. Only whitespace is normalised, as the seeds wrap lines: a line break may fall between
 * any two characters, and a space of the constant matches any run of blanks and line breaks.
 * Nothing else (no width folding, no punctuation folding): a changed character fails.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { forms, messages } from '../../messages';
import { SEED_FILES, sourceOf, sources, type DocName } from '../../messages/sources';
import { leaves } from './texts-walk';

const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');

const BREAK = '(?:[ \\t\\u3000]*\\r?\\n[ \\t\\u3000]*)?';
const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` as it may appear in a seed: line breaks anywhere, any whitespace run for a space. */
export function seedPattern(text: string): RegExp {
  const chars = [...text.trim()];
  let re = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (/\s/.test(c)) {
      if (!/\s/.test(chars[i - 1] ?? '')) re += '\\s+';
      continue;
    }
    if (re && !re.endsWith('\\s+')) re += BREAK;
    re += esc(c);
  }
  return new RegExp(re);
}

function readSeeds(): Record<DocName, string> {
  if (!fs.existsSync(SEEDS_DIR)) throw new Error(`the seeds are not at ${SEEDS_DIR}: set SEEDS_DIR to ../shared/seeds`);
  return Object.fromEntries(
    Object.entries(SEED_FILES).map(([name, file]) => [name, fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8')]),
  ) as Record<DocName, string>;
}

const all = leaves({ ...messages, forms });

test('the whitespace normalisation is only that: a line break or a blank run, nothing else', () => {
  assert.match('少し時間を\n置いてから', seedPattern('少し時間を置いてから'));
  assert.match('サービス  TOP', seedPattern('サービス TOP'));
  assert.doesNotMatch('サービスTOP', seedPattern('サービス TOP'));
  assert.doesNotMatch('サービス TOP', seedPattern('サービスTOP'));
  assert.doesNotMatch('別のメールで記載しました。', seedPattern('別のメールで記載いたしました。'));
  assert.doesNotMatch('ユーザーID', seedPattern('ユーザID'));
});

test('every text of the messages module names its source', () => {
  const missing = all.filter((l) => !sourceOf(l.key)).map((l) => l.key);
  assert.deepEqual(missing, [], `texts without a doc(...) or decision(...) in messages/sources.ts:\n${missing.join('\n')}`);
  const keys = new Set(all.map((l) => l.key));
  const stale = Object.keys(sources).filter((k) =>
    k.endsWith('.*') ? ![...keys].some((key) => key.startsWith(k.slice(0, -1))) : !keys.has(k),
  );
  assert.deepEqual(stale, [], `sources for texts that no longer exist:\n${stale.join('\n')}`);
});

test('every documented text is verbatim in its document', () => {
  const seeds = readSeeds();
  const wrong: string[] = [];
  for (const leaf of all) {
    const found = sourceOf(leaf.key);
    if (!found || found.source.kind !== 'doc') continue;
    const { doc, section, quote } = found.source;
    const text = quote ?? leaf.value;
    if (typeof text !== 'string') {
      wrong.push(`${leaf.key}: a function needs the documented fragment as quote`);
      continue;
    }
    if (!seedPattern(text).test(seeds[doc])) wrong.push(`${leaf.key} = ${JSON.stringify(text)}: not in ${doc} (${section}, ${SEED_FILES[doc]})`);
    if (quote && typeof leaf.value === 'string' && !leaf.value.includes(quote.replace(/\*\*/g, '')) && !quote.includes(leaf.value)) {
      wrong.push(`${leaf.key} = ${JSON.stringify(leaf.value)}: neither holds nor is held by its quote ${JSON.stringify(quote)}`);
    }
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
});

test('no decision is claimed for a text the documents show (else it must be traced), and each says why', () => {
  const seeds = readSeeds();
  const wrong: string[] = [];
  for (const leaf of all) {
    const found = sourceOf(leaf.key);
    if (!found || found.source.kind !== 'decision') continue;
    if (!found.source.why.trim()) wrong.push(`${leaf.key}: a decision without its reason`);
    if (typeof leaf.value !== 'string' || found.source.alsoInSeeds) continue;
    const inDoc = (Object.keys(seeds) as DocName[]).find((d) => seedPattern(leaf.value as string).test(seeds[d]));
    if (inDoc) wrong.push(`${leaf.key} = ${JSON.stringify(leaf.value)} is in ${inDoc}: trace it with doc(), or say why with alsoInSeeds`);
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
});

test('a changed character of a documented text is caught (the check can fail)', () => {
  const seeds = readSeeds();
  const changed = messages.ebunsho.notLoggedInForAYear.replace('1年間', '2年間');
  assert.doesNotMatch(seeds.EG25, seedPattern(changed));
  assert.match(seeds.EG25, seedPattern(messages.ebunsho.notLoggedInForAYear));
});
