/**
 * The one-pass pre-filter of the redaction scan and reporter (reporters/secret-index.ts) must
 * change nothing but the time: with a whole run's worth of secrets, the same findings and the
 * same scrubbed bytes as searching every form of every secret one by one.
 *
 * Run: node --import tsx --test tests/unit/secret-index.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MASK } from '../../fixtures/secret';
import { findSecrets, formsOf, Redactor } from '../../reporters/redaction';
import { SecretIndex } from '../../reporters/secret-index';

const SECRETS = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? String(482913 + i) : `Pw${i}xQ7mZk9`.slice(0, 10)));
const USED = [SECRETS[5], SECRETS[6], SECRETS[22]];
const DATA = Buffer.from(
  `title: fill "${USED[0]}"\nbody=userId%3D1%26password%3D${encodeURIComponent(USED[1])}\n` +
    `{"v":"${Buffer.from(USED[2]).toString('base64').replace(/=+$/, '')}"} fragment ${SECRETS[9].slice(1)} resources/a9f${SECRETS[3]}c0d.dat`,
);

test('the index names every secret whose needle occurs, and a buffer without any gives none', () => {
  const index = new SecretIndex(SECRETS.map(formsOf));
  const maybe = index.candidates(DATA);
  for (const s of USED) assert.ok(maybe.has(SECRETS.indexOf(s)), s);
  assert.equal(index.candidates(Buffer.from('nothing secret here at all')).size, 0);
  assert.equal(index.candidates(Buffer.alloc(3)).size, 0);
});

test('findSecrets with many secrets finds what each secret alone finds', () => {
  const together = findSecrets(DATA, SECRETS, { file: 'x' });
  const alone = SECRETS.flatMap((s, i) => findSecrets(DATA, [s], { file: 'x' }).map((f) => ({ ...f, secretIndex: i })));
  assert.deepEqual(together, alone);
  assert.ok(together.length >= 4, 'the used secrets and the 9-character fragment are found');
  assert.ok(!together.some((f) => f.secretIndex === 3), 'a 6-digit value inside a resource name is no finding');
});

test('the Redactor scrubs the same bytes with the index (many needles) as without it (few)', () => {
  const many = new Redactor(SECRETS).bytes(DATA)!;
  const few = USED.reduce<Buffer>((out, s) => new Redactor([s]).bytes(out) ?? out, DATA);
  assert.equal(many.toString(), few.toString());
  for (const s of USED) assert.ok(!many.includes(s) && !many.includes(encodeURIComponent(s)), s);
  assert.ok(many.includes(MASK));
  assert.equal(new Redactor(SECRETS).bytes(Buffer.from('nothing secret here at all')), undefined);
});
