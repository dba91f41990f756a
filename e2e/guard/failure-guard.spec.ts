/**
 * The failure guard (fixtures/guard.ts) in both directions. Each `test.fail()` test's own body
 * runs to its end without a failing assertion, so the only thing that can fail it is the
 * guard's check after the test: if the guard stopped working, these tests would pass and be
 * reported as "expected to fail, but passed". The last tests show it stays quiet on a clean
 * page and on what a test planned or allowed.
 *
 * The bad pages are Playwright-fulfilled routes on a name that cannot resolve (guard.invalid):
 * nothing of the service is involved.
 */
import { test, expect, allowServerErrors } from '../../fixtures';
import { dialogsOf } from '../../pages/dialogs';

const ORIGIN = 'https://guard.invalid';

test.beforeEach(async ({ context }) => {
  await context.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/fail') return route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>500</h1>' });
    if (path === '/throws') return route.fulfill({ contentType: 'text/html', body: '<script>throw new Error("guard-probe")</script><h1>throws</h1>' });
    return route.fulfill({ contentType: 'text/html', body: '<h1>ok</h1>' });
  });
});

test.describe('the guard fails the test', () => {
  test('on a 5xx answer to a page', async ({ page }) => {
    test.fail(true, 'the guard must fail this test: the page answered 500');
    const res = await page.goto(`${ORIGIN}/fail`);
    expect(res?.status()).toBe(500);
  });

  test('on a 5xx in a context the test made itself', async ({ browser }) => {
    test.fail(true, 'the guard must fail this test: a second context saw a 500');
    const context = await browser.newContext();
    await context.route(`${ORIGIN}/**`, (route) => route.fulfill({ status: 503, body: 'down' }));
    const page = await context.newPage();
    expect((await page.goto(`${ORIGIN}/any`))?.status()).toBe(503);
    await context.close();
  });

  test('on an uncaught page error', async ({ page }) => {
    test.fail(true, 'the guard must fail this test: the page threw');
    const thrown = page.waitForEvent('pageerror');
    await page.goto(`${ORIGIN}/throws`);
    expect((await thrown).message).toContain('guard-probe');
  });

  test('on a confirm nobody planned an answer for', async ({ page }) => {
    test.fail(true, 'the guard must fail this test: an unplanned confirm');
    await page.goto(`${ORIGIN}/ok`);
    const dialogs = dialogsOf(page);
    expect(await page.evaluate(() => confirm('unplanned?'))).toBe(false);
    expect(dialogs.seen).toHaveLength(1);
  });

  test('on a dialog of a page without a recorder', async ({ page }) => {
    test.fail(true, 'the guard must fail this test: an alert nobody records');
    await page.goto(`${ORIGIN}/ok`);
    await page.evaluate(() => alert('nobody listens'));
    await expect(page.getByRole('heading', { name: 'ok' })).toBeVisible();
  });
});

test.describe('the guard stays quiet', () => {
  test('on a clean page with a planned confirm and a recorded alert', async ({ page }) => {
    await page.goto(`${ORIGIN}/ok`);
    const dialogs = dialogsOf(page);
    dialogs.plan('accept');
    expect(await page.evaluate(() => confirm('planned?'))).toBe(true);
    await page.evaluate(() => alert('recorded'));
    expect(dialogs.seen.map((d) => [d.type, d.answer])).toEqual([
      ['confirm', 'accept'],
      ['alert', 'accept'],
    ]);
  });

  test('on a 5xx the test allowed', async ({ page }, testInfo) => {
    allowServerErrors(testInfo, /\/fail$/);
    expect((await page.goto(`${ORIGIN}/fail`))?.status()).toBe(500);
  });
});
