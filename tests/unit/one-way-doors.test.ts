/**
 * The suite's expectations come from the documents, never from the mock: nothing under
 * e2e/, pages/ or fixtures/ may import from mock/ — types included, and not through a
 * file of the repository they import either. This test fails the build when one does,
 * and proves on planted violations (a temporary tree) that it would notice each form.
 *
 * Run: node --import tsx --test tests/unit/one-way-doors.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { describeReference, referencesInto } from './mock-imports';

const ROOT = path.resolve(__dirname, '..', '..');
// evidence/ and import-tool/ are the suite's too (the recorder, the import-tool model), not only reached through fixtures/.
const SUITE_DIRS = ['e2e', 'pages', 'fixtures', 'evidence', 'import-tool'];

describe('one-way doors: the suite does not import the mock', () => {
  test('no file under e2e/, pages/, fixtures/ (or anything they import) resolves into mock/', () => {
    const hits = referencesInto(ROOT, SUITE_DIRS);
    assert.deepEqual(hits.map(describeReference), [], 'the suite must carry its own rules and wire types');
  });

  describe('planted violations are caught', () => {
    const plants: Record<string, string> = {
      'a static import': "import { X } from '../mock/rules';\nexport const y = X;\n",
      'a type-only import': "import type { X } from '../mock/rules';\nexport let y: X | undefined;\n",
      'a re-export': "export { X } from '../mock/rules';\n",
      'a roundabout path': "import { X } from '../pages/../mock/rules';\nexport const y = X;\n",
      'a directory index': "import { X } from '../mock';\nexport const y = X;\n",
      'a dynamic import()': "export const load = () => import('../mock/rules');\n",
      'require()': "// eslint-disable-next-line\nexport const r = require('../mock/rules');\n",
      'import = require()': "import r = require('../mock/rules');\nexport const y = r.X;\n",
      'typeof import()': "export let y: typeof import('../mock/rules') | undefined;\n",
      'a template-literal import()': 'export const load = () => import(`../mock/rules`);\n',
      'a missing mock file': "import { X } from '../mock/not-there';\nexport const y = X;\n",
    };

    function tree(files: Record<string, string>): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'one-way-doors-'));
      fs.copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
      for (const [name, text] of Object.entries({ 'mock/rules.ts': 'export const X = 5;\nexport type X = number;\n', 'mock/index.ts': "export * from './rules';\n", ...files })) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
      }
      return dir;
    }

    for (const [form, text] of Object.entries(plants)) {
      test(form, () => {
        const dir = tree({ 'e2e/planted.spec.ts': text, 'pages/clean.ts': 'export const clean = 1;\n' });
        try {
          const hits = referencesInto(dir, SUITE_DIRS);
          assert.equal(hits.length, 1, `expected the planted reference to be found: ${JSON.stringify(hits)}`);
          assert.equal(hits[0].file, path.join('e2e', 'planted.spec.ts'));
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    }

    test('through a helper outside the suite folders (transitive)', () => {
      const dir = tree({
        'fixtures/index.ts': "import { rule } from '../shared/rule';\nexport const r = rule;\n",
        'shared/rule.ts': "import { X } from '../mock/rules';\nexport const rule = X;\n",
      });
      try {
        const hits = referencesInto(dir, SUITE_DIRS);
        assert.equal(hits.length, 1);
        assert.equal(hits[0].file, path.join('shared', 'rule.ts'));
        assert.deepEqual(hits[0].via, [path.join('fixtures', 'index.ts')]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    test('a clean tree passes (the check is not simply always red)', () => {
      const dir = tree({ 'e2e/clean.spec.ts': "import { clean } from '../pages/clean';\nexport const y = clean;\n", 'pages/clean.ts': 'export const clean = 1;\n' });
      try {
        assert.deepEqual(referencesInto(dir, SUITE_DIRS), []);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
