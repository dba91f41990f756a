/**
 * `npm run double [-- --faults tls10,repo-down] [--dir DIR] [--seed FILE]`: the staging double
 * in its own process. Prints the env file's path (`DOUBLE_ENV_FILE=<path>`, then "double
 * ready") and runs until SIGINT/SIGTERM. Point the suite at it with that env file.
 */
import { parseArgs } from 'node:util';
import { DEPLOYMENT_FAULTS, parseDeploymentFaults } from './faults';
import { startDouble } from './start';

async function main() {
  const { values } = parseArgs({
    options: { faults: { type: 'string', default: '' }, dir: { type: 'string' }, seed: { type: 'string' }, mail: { type: 'string' } },
  });
  const faults = parseDeploymentFaults(values.faults);
  const double = await startDouble({
    faults,
    dir: values.dir,
    seedFile: values.seed,
    mail: values.mail === 'catcher' || values.mail === 'imap' ? values.mail : undefined,
    log: (l) => console.error(l),
  });
  for (const f of faults) console.log(`deployment fault: ${f} (${DEPLOYMENT_FAULTS[f]})`);
  for (const [k, v] of Object.entries(double.env)) console.log(`  ${k}=${/PASSWORD/.test(k) ? '********' : v}`);
  console.log(`DOUBLE_ENV_FILE=${double.envFile}`);
  console.log('double ready');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await double.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err) => {
  console.error(`double failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exit(1);
});
