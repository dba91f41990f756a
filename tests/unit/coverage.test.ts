/**
 * `npm run coverage` (catalogue/coverage.ts) and the Allure categories (allurerc.mjs):
 * an ID without a spec is reported and fails the command, a spec's last result comes from
 * results.json, typos in ID tags are named; failures land in the category that tells who
 * should look first (product, environment, test), matched by Allure's own matcher.
 *
 * Run: node --import tsx --test tests/unit/coverage.test.ts
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { coverage, formatCoverage, lastResult, type JsonReport } from '../../catalogue/coverage';
import { CATALOGUE_IDS } from '../../catalogue/ids';

const spec = (id: string, title: string, tags: string[], status?: string) => ({
  id,
  title,
  file: 'issuance/x.spec.ts',
  line: 10,
  tags,
  tests: [{ projectName: 'chromium', status, results: status ? [{ status: status === 'unexpected' ? 'failed' : 'passed' }] : [] }],
});

describe('catalogue coverage', () => {
  const listed: JsonReport = {
    suites: [
      {
        title: 'x.spec.ts',
        specs: [spec('a', 'wrong password @EG18-1-2', ['EG18-1-2'])],
        suites: [{ title: 'describe', specs: [spec('b', 'typo @EG18-1-22 @ISS-OK', ['EG18-1-22', 'ISS-OK', 'slow'])] }],
      },
    ],
  };
  const results: JsonReport = { suites: [{ title: 'x.spec.ts', specs: [spec('a', 'wrong password @EG18-1-2', ['EG18-1-2'], 'unexpected')] }] };

  test('lists each ID with its specs and their last result', () => {
    const c = coverage(listed, results);
    const row = (id: string) => c.rows.find((r) => r.id === id)!;
    assert.deepEqual(row('EG18-1-2').specs.map((s) => [s.location, s.result]), [['e2e/issuance/x.spec.ts:10', 'failed']]);
    assert.deepEqual(row('ISS-OK').specs.map((s) => s.result), ['not run']);
    assert.equal(c.rows.length, CATALOGUE_IDS.length);
  });

  test('IDs without a spec are uncovered; ID-shaped tags the catalogue lacks are named', () => {
    const c = coverage(listed, undefined);
    assert.equal(c.uncovered.length, CATALOGUE_IDS.length - 2);
    assert.ok(!c.uncovered.includes('ISS-OK') && c.uncovered.includes('BS-SETUP'));
    assert.deepEqual(c.unknownTags, [{ tag: 'EG18-1-22', specs: ['e2e/issuance/x.spec.ts:10'] }]);
    const text = formatCoverage(c);
    assert.match(text, /✗ BS-SETUP\s+NO SPEC/);
    assert.match(text, /Unknown ID tag @EG18-1-22/);
    assert.match(text, new RegExp(`2/${CATALOGUE_IDS.length} catalogue IDs have a spec`));
  });

  test('last result over projects: a failure wins, then flaky, passed, skipped', () => {
    const s = (...statuses: string[]) => ({ ...spec('x', 't', []), tests: statuses.map((st) => ({ projectName: 'p', status: st, results: [{ status: 'x' }] })) });
    assert.equal(lastResult(s('expected', 'unexpected')), 'failed');
    assert.equal(lastResult(s('expected', 'flaky')), 'flaky');
    assert.equal(lastResult(s('skipped', 'expected')), 'passed');
    assert.equal(lastResult(s('skipped')), 'skipped');
    assert.equal(lastResult(undefined), 'not run');
  });
});

describe('Allure categories (allurerc.mjs)', () => {
  // Allure's own matcher decides in the report; use it rather than a re-implementation.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- allure's own package, loaded synchronously inside describe
  const core = require('@allurereport/core-api') as {
    normalizeCategoriesConfig: (c: unknown) => { id: string }[];
    matchCategory: (c: unknown, d: { status: string; labels: []; message?: string; flaky: boolean }) => { id: string } | undefined;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the .mjs config has no types; require(esm) loads it synchronously
  const { categories } = require('../../allurerc.mjs') as { categories: unknown };
  const normalized = core.normalizeCategoriesConfig(categories);
  const category = (status: string, message: string) => core.matchCategory(normalized, { status, labels: [], message, flaky: false })?.id;

  test('a wrong screen or wording is a product defect', () => {
    assert.equal(category('failed', 'Error: expect(locator).toHaveText(expected) failed\nExpected: "認証に失敗したか…"'), 'product-defect');
  });

  test('an unreachable host, a missing browser or a mail that never came is the environment', () => {
    assert.equal(category('broken', 'Error: page.goto: net::ERR_CONNECTION_REFUSED at https://127.0.0.1:47401/'), 'environment');
    assert.equal(category('failed', 'browserType.launch: Executable doesn\'t exist at /usr/bin/chromium'), 'environment');
    assert.equal(category('broken', 'MailTimeoutError: no mail "パスワードのご連絡" for u1@onboarding.test within 15000 ms'), 'environment');
  });

  test('a broken test or page object is a test defect', () => {
    assert.equal(category('broken', "TypeError: Cannot read properties of undefined (reading 'reveal')"), 'test-defect');
    assert.equal(category('failed', 'Error: locator.click: Error: strict mode violation: getByRole(\'button\') resolved to 3 elements'), 'test-defect');
  });

  test('anything else broken is left to a person', () => {
    assert.equal(category('broken', 'Error: something odd'), 'unclassified');
  });
});
