/**
 * The card renderer's bookkeeping, with a stand-in browser that counts what it is asked to
 * draw: one page per renderer, a card drawn once per HTML (and backdrop) in a worker, a card
 * that failed to draw drawn again. That the pictures stay the same is shown on real packs by
 * scripts/evidence-compare.ts (docs/performance.md).
 *
 * Run: node --import tsx --test tests/unit/evidence-cards.test.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from '@playwright/test';
import { PNG } from 'pngjs';
import { CardRenderer } from '../../evidence/cards';

/** A browser whose pages "draw" the HTML they were given as the PNG bytes. */
function countingBrowser(options: { failOn?: string } = {}) {
  const counts = { contexts: 0, pages: 0, draws: 0, sizes: [] as string[] };
  const browser = {
    newContext: async () => {
      counts.contexts++;
      return {
        newPage: async () => {
          counts.pages++;
          let content = '';
          const page = {
            setViewportSize: async (size: { width: number; height: number }) => void counts.sizes.push(`${size.width}x${size.height}`),
            setContent: async (html: string) => void (content = html),
            evaluate: async () => undefined,
            screenshot: async () => {
              if (content === options.failOn) throw new Error('the renderer crashed');
              counts.draws++;
              return Buffer.from(`drawn:${content}`);
            },
            context: () => ({ close: async () => undefined }),
          };
          return page;
        },
      };
    },
  };
  return { browser: browser as unknown as Browser, counts };
}

const unique = () => `<p>${Math.random()}</p>`;

test('a test draws all its cards on one page, each at its own size', async () => {
  const { browser, counts } = countingBrowser();
  const cards = new CardRenderer(browser);
  const backdrop = PNG.sync.write(new PNG({ width: 3, height: 2 }));
  await cards.render(unique());
  await cards.render(unique(), backdrop);
  await cards.render(unique());
  await cards.close();
  assert.deepEqual({ contexts: counts.contexts, pages: counts.pages, draws: counts.draws }, { contexts: 1, pages: 1, draws: 3 });
  assert.deepEqual(counts.sizes, ['1280x400', '3x2', '1280x400'], 'a mail card after a dialog card is back at the mail size');
});

test('the same card HTML is drawn once per worker, also across tests; other HTML or another backdrop is drawn', async () => {
  const html = unique();
  const first = countingBrowser();
  const a = await new CardRenderer(first.browser).render(html);
  const second = countingBrowser();
  const b = await new CardRenderer(second.browser).render(html);
  assert.equal(b.toString(), `drawn:${html}`);
  assert.deepEqual(b, a);
  assert.equal(second.counts.draws, 0, 'the second test reuses the picture');

  await new CardRenderer(second.browser).render(unique());
  assert.equal(second.counts.draws, 1, 'different HTML is drawn');
  const backdrop = (width: number) => PNG.sync.write(new PNG({ width, height: 2 }));
  const withBackdrop = unique();
  await new CardRenderer(second.browser).render(withBackdrop, backdrop(3));
  await new CardRenderer(second.browser).render(withBackdrop, backdrop(4));
  assert.equal(second.counts.draws, 3, 'the same HTML over another screen is another picture');
});

test('a card that failed to draw is not remembered: the next test draws it', async () => {
  const html = unique();
  const failing = countingBrowser({ failOn: html });
  await assert.rejects(new CardRenderer(failing.browser).render(html), /renderer crashed/);
  const working = countingBrowser();
  assert.equal((await new CardRenderer(working.browser).render(html)).toString(), `drawn:${html}`);
  assert.equal(working.counts.draws, 1);
});
