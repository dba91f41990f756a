/**
 * Page objects and specs find things by role, label and visible text — what the real
 * service's users see — never by the mock's markup (ids, classes, test ids, data-*
 * attributes, CSS/XPath selectors). This test fails the build on any such locator outside
 * the short reasoned allow-list (tests/unit/markup-locators.ts), and proves on planted
 * violations that each form is caught.
 *
 * Run: node --import tsx --test tests/unit/behaviour-not-markup.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ALLOWED, markupFindings } from './markup-locators';

const ROOT = path.resolve(__dirname, '..', '..');
const SUITE_DIRS = ['e2e', 'pages', 'fixtures'];

describe('behaviour, not markup', () => {
  test('no page object, spec or fixture locates by markup', () => {
    const findings = markupFindings(ROOT, SUITE_DIRS).map((f) => `${f.file}:${f.line} ${f.what}: ${f.code}`);
    assert.deepEqual(findings, [], 'find it by role, label or visible text (or add a reasoned entry to ALLOWED)');
  });

  test('every allow-list entry has a reason and names a file that exists', () => {
    for (const a of ALLOWED) {
      assert.ok(a.reason.length > 10, a.file);
      assert.ok(fs.existsSync(path.join(ROOT, a.file)), `${a.file} no longer exists: drop the entry`);
    }
  });

  describe('planted violations are caught', () => {
    const plants: Record<string, string> = {
      'a test id': "await page.getByTestId('last-login').click();",
      'an id selector': "await expect(page.locator('#step2')).toBeVisible();",
      'a class selector': "await page.locator('.error').click();",
      'a data attribute read': "const t = await page.getByRole('region').getAttribute('data-token');",
      'an attribute selector': "await page.locator('[data-token]').count();",
      'an XPath': "await page.locator('xpath=//section').count();",
      'a chained CSS locator': "await page.getByRole('main').locator('p.hint').textContent();",
      'a selector held in a constant': "const SEL = '#injected';\nawait expect(page.locator(SEL)).toHaveCount(0);",
      'a template selector': 'await page.locator(`#${id}`).click();',
      'page.$()': "await page.$('section');",
      'page.click(selector)': "await page.click('button.primary');",
      'waitForSelector': "await page.waitForSelector('#step3');",
      'toHaveClass': "await expect(page.getByRole('link')).toHaveClass(/current/);",
      'toHaveId': "await expect(page.getByRole('alert')).toHaveId('step2-error');",
    };
    for (const [form, code] of Object.entries(plants)) {
      test(form, () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'markup-plant-'));
        try {
          fs.mkdirSync(path.join(dir, 'pages'));
          fs.writeFileSync(path.join(dir, 'pages', 'planted.ts'), `export async function f(page: any, expect: any, id: string) {\n${code}\n}\n`);
          const findings = markupFindings(dir, SUITE_DIRS);
          assert.ok(findings.length >= 1, `not caught: ${code}`);
          assert.ok(findings.every((f) => f.file === 'pages/planted.ts'));
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    }

    test('role, label and text locators pass', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'markup-plant-'));
      try {
        fs.mkdirSync(path.join(dir, 'pages'));
        fs.writeFileSync(
          path.join(dir, 'pages', 'clean.ts'),
          [
            'export async function f(page: any, expect: any) {',
            "  await page.getByRole('button', { name: '次へ' }).click();",
            "  await page.getByLabel('パスワード').fill('x');",
            "  await expect(page.getByText('完了')).toBeVisible();",
            "  await expect(page.getByRole('link').filter({ hasText: 'TOP' })).toHaveAttribute('aria-current', 'page');",
            "  await expect(page.getByLabel('パスワード')).toHaveAttribute('type', 'password');",
            "  await page.getByRole('combobox').getByRole('option').count();",
            "  const file = 'client.cer';",
            '}',
          ].join('\n'),
        );
        assert.deepEqual(markupFindings(dir, SUITE_DIRS), []);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
