/**
 * The happy journey must FAIL when a step of the mock is broken (issue 2, "done when").
 * Each case starts the real mock with one deliberate defect (MOCK_FAULTS) on its own
 * ports, runs e2e/onboarding.spec.ts, and expects a failure at the step that guards it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { FAULTS, type FaultName } from '../../mock/faults';

const ROOT = path.resolve(__dirname, '..', '..');

/** What the failing run must say: the assertion that caught the defect. */
const EXPECTED: Record<FaultName, RegExp> = {
  'wrong-issuance-password': /認証情報パスワードを入力して「次へ」|【STEP2】CSPとKey長を選択|expectShown/,
  'wrong-issuer': /the issued certificate|not signed by|toEqual/,
  'signup-not-bound': /サービスTOP|expectShown|toBeVisible/,
  'top-without-disk-table': /columnheader|ご契約ディスク容量|toHaveText/,
};

function runJourney(fault: FaultName, index: number) {
  return spawnSync(process.execPath, [require.resolve('@playwright/test/cli'), 'test', 'e2e/onboarding.spec.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    env: {
      ...process.env,
      CI: '1',
      MOCK_FAULTS: fault,
      MOCK_BASE_PORT: String(25400 + index * 100),
      REPORTS_DIR: path.join('reports', 'meta', fault),
    },
  });
}

(Object.keys(FAULTS) as FaultName[]).forEach((fault, index) => {
  test(`the journey fails when the mock has the defect "${fault}" (${FAULTS[fault]})`, () => {
    const run = runJourney(fault, index);
    const output = `${run.stdout}\n${run.stderr}`;
    assert.notEqual(run.status, 0, `the journey passed although the mock had "${fault}":\n${output.slice(-2000)}`);
    assert.match(output, /1 failed/, output.slice(-2000));
    assert.match(output, EXPECTED[fault], output.slice(-3000));
  });
});
