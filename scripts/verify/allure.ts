/** Allure result files for the preflight checks and the verdict: their own epic and parent suite. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CheckResult } from '../../verify/preflight/types';
import type { Verdict } from './verdict';

const EPIC = '導入前検証 (npm run verify)';

function write(dir: string, name: string, status: 'passed' | 'failed' | 'skipped', suite: string, message: string, extra: { name: string; value: string }[] = []) {
  const uuid = crypto.randomUUID();
  const now = Date.now();
  const result = {
    uuid,
    historyId: crypto.createHash('md5').update(`${suite}/${name}`).digest('hex'),
    name,
    fullName: `${EPIC} / ${suite} / ${name}`,
    status,
    statusDetails: { message },
    stage: 'finished',
    start: now,
    stop: now,
    labels: [
      { name: 'epic', value: EPIC },
      { name: 'parentSuite', value: EPIC },
      { name: 'suite', value: suite },
      ...extra,
    ],
  };
  fs.writeFileSync(path.join(dir, `${uuid}-result.json`), JSON.stringify(result));
}

export function writeAllure(dir: string, verdict: Verdict, preflight: readonly CheckResult[]): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const r of preflight) {
    write(dir, `${r.id}: ${r.title}`, r.status === 'pass' ? 'passed' : r.status === 'fail' ? 'failed' : 'skipped', 'preflight', `${r.section} — ${r.detail}`, [{ name: 'feature', value: r.section }]);
  }
  for (const row of verdict.rows) {
    const status = row.outcome === 'verified' ? 'passed' : row.outcome === 'failed' ? 'failed' : 'skipped';
    write(dir, `${row.id}: ${row.outcome}`, status, `readiness verdict (${verdict.environment})`, row.reason, [
      { name: 'tag', value: row.id },
      { name: 'catalogueId', value: row.id }, // the per-ID label the suite's results carry (catalogue/allure.ts)
    ]);
  }
}
