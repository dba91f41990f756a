/**
 * `node --import tsx verify/preflight/cli.ts [--env-file FILE] [--json]`: the preflight on
 * its own. Prints one line per check (status, guide section, title, detail) and exits 1 when
 * any check failed.
 */
import { parseArgs } from 'node:util';

async function main() {
  const { values } = parseArgs({ options: { 'env-file': { type: 'string' }, json: { type: 'boolean', default: false } } });
  // The configuration module reads DOTENV_PATH as it loads: set it first.
  if (values['env-file']) process.env.DOTENV_PATH = values['env-file'];
  const { config } = await import('../../config/env');
  const { loadAccounts } = await import('../../fixtures/accounts');
  const { runPreflight, preflightPassed } = await import('./index');
  const accountsFile = (config.env as { ACCOUNTS_FILE?: string }).ACCOUNTS_FILE;
  const accounts = accountsFile ? loadAccounts(accountsFile) : undefined;
  const run = await runPreflight(config, accounts);
  if (values.json) {
    console.log(JSON.stringify({ ms: run.ms, results: run.results }, null, 2));
  } else {
    const mark = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;
    const w = Math.max(...run.results.map((r) => r.id.length));
    for (const r of run.results) console.log(`${mark[r.status]}  ${r.id.padEnd(w)}  ${r.section.padEnd(18)}  ${r.title} — ${r.detail}`);
    const count = (s: string) => run.results.filter((r) => r.status === s).length;
    console.log(`\npreflight: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped in ${(run.ms / 1000).toFixed(1)} s`);
  }
  process.exit(preflightPassed(run.results) ? 0 : 1);
}

main().catch((err) => {
  console.error(`preflight could not run: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
