/**
 * The evidence pack's pure parts: flow and file names, the masking of per-run values in
 * card texts, the index pages (escaped, in order, with captions and guide links), and the
 * pixel comparison (pixelmatch) used to show two runs give the same pictures.
 *
 * Run: node --import tsx --test tests/unit/evidence.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { DYNAMIC_TEXT, maskDynamicText } from '../../evidence/dynamic';
import { flowName, plainTitle, slug, stepFileName, type FlowManifest } from '../../evidence/flow';
import { dialogCardHtml, flowIndexHtml, packIndexHtml } from '../../evidence/html';
import { compareFlows, compareRepeats, DEFAULT_THRESHOLD, pixelDifference } from '../../scripts/evidence-compare';

describe('names', () => {
  test('a flow is named by its catalogue IDs and its title; repeats and retries apart', () => {
    const t = { title: 'a new user signs up @ISS-OK @SIGNUP-OK @slow', tags: ['@ISS-OK', '@SIGNUP-OK', '@slow'], file: '/x/e2e/onboarding.spec.ts' };
    assert.equal(flowName({ ...t, repeatEachIndex: 0, retry: 0 }), 'ISS-OK+SIGNUP-OK__a-new-user-signs-up');
    assert.equal(flowName({ ...t, repeatEachIndex: 1, retry: 2 }), 'ISS-OK+SIGNUP-OK__a-new-user-signs-up~repeat1~retry2');
    assert.equal(flowName({ ...t, tags: [], repeatEachIndex: 0, retry: 0 }), 'onboarding__a-new-user-signs-up');
  });

  test('step files are numbered in order and keep Japanese captions readable', () => {
    assert.equal(stepFileName(3, '【STEP1】認証情報パスワードを入力して「次へ」をクリック'), '03-STEP1-認証情報パスワードを入力して-次へ-をクリック.png');
    assert.equal(slug('<script>/../../x'), 'script-x');
    assert.equal(plainTitle('wrong password is refused @EG18-1-2'), 'wrong password is refused');
  });
});

describe('dynamic values', () => {
  test('per-run values are replaced, fixed wording is kept', () => {
    const text = 'ユーザID：877898\nCN=S4700123P serial 0A:1B:2C:3D:4E:5F:60:71 2024/05/08 15:47\nhttps://h:51401/scira/Entrance.jsp?p1=1&p2=ab&p3=cd\nSignUp.do?cd=000123';
    const out = maskDynamicText(text);
    for (const gone of ['877898', 'S4700123P', '0A:1B', '2024/05/08', '15:47', 'p2=ab', 'cd=000123', '51401']) assert.ok(!out.includes(gone), `${gone} in ${out}`);
    assert.match(out, /^ユーザID：■■■■/);
    assert.match(out, /Entrance\.jsp\?p1=■■■■&p2=■■■■&p3=■■■■/);
  });

  test('the screen mask pattern matches the same values and not the fixed labels', () => {
    for (const s of ['S4700010P', '2025/08/27', '12:34', '877898', 'DEADBEEF00112233']) assert.match(s, DYNAMIC_TEXT, s);
    for (const s of ['【STEP2】CSPとKey長を選択', '2048 bit', 'Copyright 2009-2015', 'エラーコード：46']) assert.doesNotMatch(s, DYNAMIC_TEXT, s);
  });
});

describe('index pages', () => {
  const flow: FlowManifest = {
    flow: 'EG18-1-4__cancel',
    title: 'いいえ <b>cancels</b>',
    file: 'e2e/issuance/cancelled.spec.ts',
    ids: ['EG18-1-4'],
    status: 'passed',
    steps: [
      { n: 1, kind: 'step', caption: '【STEP1】「次へ」をクリック', image: '01-STEP1.png', outlined: true },
      { n: 2, kind: 'dialog', caption: 'ブラウザのダイアログで「キャンセル (いいえ)」を選択', detail: 'この操作を許可しますか?', image: '02-dialog.png' },
    ],
  };

  test('a flow page shows the steps in order with captions, the red-frame note and the guide link', () => {
    const html = flowIndexHtml(flow);
    assert.ok(html.indexOf('01-STEP1.png') < html.indexOf('02-dialog.png'));
    assert.match(html, /【STEP1】「次へ」をクリック \(下図赤四角枠内\)/);
    assert.match(html, /EG18 1-4 .*エラー対応ガイド/);
    assert.ok(html.includes('いいえ &lt;b&gt;cancels&lt;/b&gt;') && !html.includes('<b>cancels'), 'escaped');
  });

  test('the pack page lists every flow', () => {
    assert.match(packIndexHtml([flow]), /href="EG18-1-4__cancel\/index\.html"/);
  });

  test('a dialog card frames the chosen button', () => {
    assert.match(dialogCardHtml({ type: 'confirm', message: 'x', answer: 'dismiss' }), /<span class="chosen">キャンセル<\/span>/);
    assert.match(dialogCardHtml({ type: 'alert', message: 'x', answer: 'accept' }), /primary chosen">OK/);
  });
});

describe('pixel comparison', () => {
  const png = (fill: (x: number, y: number) => number, width = 4, height = 3) => {
    const p = new PNG({ width, height });
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) p.data.writeUInt32BE(fill(x, y), (y * width + x) * 4);
    return PNG.sync.write(p);
  };
  const white = () => 0xffffffff;

  test('a re-encoded identical image counts as identical; a one-step colour change only below the threshold', () => {
    const a = png(white);
    const b = png((x, y) => (x === 1 && y === 2 ? 0xfefefeff : 0xffffffff));
    assert.deepEqual(pixelDifference(a, a), { pixels: 0, identical: true });
    assert.deepEqual(pixelDifference(a, PNG.sync.write(PNG.sync.read(a), { deflateLevel: 1 })), { pixels: 0, identical: true });
    assert.deepEqual(pixelDifference(a, b), { pixels: 0, identical: false }, `within the default threshold ${DEFAULT_THRESHOLD}`);
    const strict = pixelDifference(a, b, { threshold: 0 });
    assert.ok('pixels' in strict && strict.pixels === 1 && strict.diff, 'threshold 0 counts it, with a diff image');
  });

  test('identical pictures pass; a changed region fails and leaves a diff image showing it in red', () => {
    const pack = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-diff-'));
    try {
      const [a, b, diffDir] = ['a', 'b', 'diff'].map((d) => path.join(pack, d));
      for (const d of [a, b]) fs.mkdirSync(d);
      // A 40×30 screen; in B a 6×4 block (a changed word) is black.
      const changed = (x: number, y: number) => (x >= 10 && x < 16 && y >= 5 && y < 9 ? 0x000000ff : 0xffffffff);
      // The same picture encoded differently: not the same bytes, the same pixels.
      const gradient = png((x, y) => (((x * 6) << 24) | ((y * 8) << 16) | 0x80ff) >>> 0, 40, 30);
      fs.writeFileSync(path.join(a, '01-same.png'), gradient);
      fs.writeFileSync(path.join(b, '01-same.png'), PNG.sync.write(PNG.sync.read(gradient), { deflateLevel: 1, filterType: 0 }));
      assert.ok(!gradient.equals(fs.readFileSync(path.join(b, '01-same.png'))));
      fs.writeFileSync(path.join(a, '02-changed.png'), png(white, 40, 30));
      fs.writeFileSync(path.join(b, '02-changed.png'), png(changed, 40, 30));
      const [same, different] = compareFlows(a, b, 'f', { diffDir });
      assert.equal(same.result, 'identical-pixels');
      assert.equal(different.result, 'different');
      assert.equal(different.differentPixels, 24);
      assert.equal(different.diffImage, path.join(diffDir, 'f', '02-changed.png'));
      assert.ok(!fs.existsSync(path.join(diffDir, 'f', '01-same.png')), 'no diff image for a passing picture');
      const diff = PNG.sync.read(fs.readFileSync(different.diffImage));
      const rgba = (x: number, y: number) => diff.data.readUInt32BE((y * 40 + x) * 4);
      assert.equal(rgba(12, 6), 0xff0000ff, 'a changed pixel is red');
      assert.notEqual(rgba(30, 20), 0xff0000ff, 'an unchanged pixel is not');
    } finally {
      fs.rmSync(pack, { recursive: true, force: true });
    }
  });

  test('repeats of a flow are compared with the first run; missing pictures are reported', () => {
    const pack = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-compare-'));
    try {
      for (const d of ['f', 'f~repeat1']) fs.mkdirSync(path.join(pack, d));
      fs.writeFileSync(path.join(pack, 'f', '01-a.png'), png(() => 0xffffffff));
      fs.writeFileSync(path.join(pack, 'f~repeat1', '01-a.png'), png(() => 0xffffffff));
      fs.writeFileSync(path.join(pack, 'f', '02-b.png'), png(() => 0xffffffff));
      assert.deepEqual(
        compareRepeats(pack).map((r) => [r.file, r.result]),
        [
          ['01-a.png', 'identical-bytes'],
          ['02-b.png', 'missing'],
        ],
      );
      assert.equal(compareFlows(path.join(pack, 'f'), path.join(pack, 'f'), 'f').every((r) => r.result === 'identical-bytes'), true);
    } finally {
      fs.rmSync(pack, { recursive: true, force: true });
    }
  });
});
