/**
 * `npm run evidence [-- <playwright args>]`: the specs in the evidence mode (EVIDENCE=1):
 * every manual step's screenshot, dialogs, downloads and mails under reports/evidence/,
 * one index.html per flow and reports/evidence/index.html for the pack.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../config/env';

const cli = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
const run = spawnSync(process.execPath, [cli, 'test', ...process.argv.slice(2)], {
  cwd: ROOT,
  env: { ...process.env, EVIDENCE: '1' },
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
