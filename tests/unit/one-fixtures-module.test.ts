/**
 * Specs and the helpers beside them (everything under e2e/) take `test`, `expect`, `Secret`,
 * the fixtures' types and helpers from ONE module, fixtures/index.ts — never from another file
 * of fixtures/ — so the fixtures can be rearranged without touching a spec. Proved on planted
 * references that it would notice one.
 *
 * Run: node --import tsx --test tests/unit/one-fixtures-module.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { moduleSpecifiers, sourceFiles } from './mock-imports';

const ROOT = path.resolve(__dirname, '..', '..');

/** References from `file` into fixtures/ that are not fixtures/index.ts. */
function besideTheIndex(root: string, file: string, text: string): string[] {
  const fixtures = path.join(root, 'fixtures');
  return moduleSpecifiers(file, text)
    .filter(({ specifier }) => specifier.startsWith('.'))
    .filter(({ specifier }) => {
      const target = path.resolve(path.dirname(file), specifier).replace(/\.tsx?$/, '');
      return target.startsWith(`${fixtures}${path.sep}`) && target !== path.join(fixtures, 'index');
    })
    .map(({ specifier, line }) => `${path.relative(root, file)}:${line} ${specifier}`);
}

describe('one fixtures module for e2e/', () => {
  test('nothing under e2e/ imports a fixtures/ file other than fixtures/index.ts', () => {
    const hits = sourceFiles(path.join(ROOT, 'e2e')).flatMap((f) => besideTheIndex(ROOT, f, fs.readFileSync(f, 'utf8')));
    assert.deepEqual(hits, [], 'import it from the fixtures module (re-export it from fixtures/index.ts if it is missing)');
  });

  test('planted references are caught; the index itself is not', () => {
    const file = path.join(ROOT, 'e2e', 'x', 'planted.spec.ts');
    const text = [
      "import { test } from '../../fixtures';",
      "import { Secret } from '../../fixtures/index';",
      "import type { MockAdmin } from '../../fixtures/admin';",
      "export { parseOtpMail } from '../../fixtures/bulksign-mail.ts';",
      "const lazy = () => import('../../pages/../fixtures/guard');",
    ].join('\n');
    assert.deepEqual(besideTheIndex(ROOT, file, text), [
      'e2e/x/planted.spec.ts:3 ../../fixtures/admin',
      'e2e/x/planted.spec.ts:4 ../../fixtures/bulksign-mail.ts',
      'e2e/x/planted.spec.ts:5 ../../pages/../fixtures/guard',
    ]);
  });
});
