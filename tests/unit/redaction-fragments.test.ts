/**
 * Secrets in part (issue 12): a wrong password made from the real one shares all but one of
 * its characters. Such values are Secrets (derived, logged when typed), and the scan finds a
 * long fragment of any secret even when the whole value never appears.
 *
 * Run: node --import tsx --test tests/unit/redaction-fragments.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Secret, MASK } from '../../fixtures/secret';
import { findSecrets, fragmentsOf } from '../../reporters/redaction';

const REAL = 'G7JgCa4BZR';

test('a leaked 9-of-10 fragment of a secret is caught, raw or URL-encoded, anywhere in the data', () => {
  for (const leak of [REAL.slice(0, 9), REAL.slice(1), `${REAL.slice(0, -1)}a`, `x${REAL.slice(0, 9)}y`]) {
    const findings = findSecrets(Buffer.from(`step title: fill "${leak}" into パスワード`), [REAL], { file: 'results.json' });
    assert.equal(findings.length, 1, leak);
    assert.match(findings[0].form, /^fragment \(8 of 10 characters\)$/);
    assert.ok(!JSON.stringify(findings).includes(leak), 'a finding must not carry the value');
  }
});

test('the scan stays quiet on data that shares no long piece with the secret', () => {
  assert.deepEqual(findSecrets(Buffer.from(`G7Jg Ca4B ZR ${REAL.slice(0, 7)} ${REAL.slice(3, 10)}`), [REAL], { file: 'x' }), []);
  // A 6-digit OTP has no fragment: 5 digits match by chance everywhere.
  assert.deepEqual(fragmentsOf('482913'), []);
  assert.deepEqual(fragmentsOf('abc1234'), ['abc123', 'bc1234']);
});

test('a whole-value leak is reported once, as the whole value', () => {
  const findings = findSecrets(Buffer.from(`x ${REAL} y`), [REAL], { file: 'x' });
  assert.deepEqual(findings.map((f) => f.form), ['raw']);
});

test('wrong values derived from a secret are Secrets: masked, and logged when typed', () => {
  const real = new Secret(REAL, 'issuance password');
  const revealed: string[] = [];
  const before = Secret.onReveal;
  Secret.onReveal = (v) => revealed.push(v);
  try {
    const changed = real.lastCharacterChanged();
    const longer = real.withSuffix('x');
    assert.equal(String(changed), MASK);
    assert.equal(JSON.stringify({ changed, longer }), JSON.stringify({ changed: MASK, longer: MASK }));
    assert.deepEqual(revealed, [], 'deriving reveals nothing');
    assert.equal(changed.reveal().length, REAL.length);
    assert.notEqual(changed.reveal(), REAL);
    assert.equal(longer.reveal(), `${REAL}x`);
    assert.equal(revealed.length, 3, 'each typed derived value reaches the redaction log');
    // And if one leaked, the real secret's scan finds it by its fragment.
    assert.equal(findSecrets(Buffer.from(changed.reveal()), [REAL], { file: 'x' }).length, 1);
    // Bad-input literals typed into a secret field are not secrets of the run: not logged.
    Secret.typed('ＡＢＣ１２３').reveal();
    assert.equal(revealed.length, 4);
  } finally {
    Secret.onReveal = before;
  }
});
