/**
 * The embedded servers (mock, mailbox) stop when the run that started them is gone.
 *
 * Playwright starts them as webServers and stops them when it ends normally; a runner that is
 * killed (SIGTERM from a CI timeout, SIGKILL) cannot, and the servers would keep their ports,
 * so the next run fails with "port already used". Playwright gives a webServer a pipe as its
 * stdin, held by the runner alone: when the runner dies, however it dies, the kernel closes
 * it and the server reads the end of its stdin. playwright.config.ts sets STOP_WITH_RUN for
 * its webServers; `npm run mock` in a terminal is not affected.
 */
import type { Readable } from 'node:stream';

export const STOP_WITH_RUN_ENV = 'STOP_WITH_RUN';

export function stopWhenOwnerExits(stop: () => void, env: NodeJS.ProcessEnv = process.env, stdin: Readable & { isTTY?: boolean } = process.stdin): void {
  if (env[STOP_WITH_RUN_ENV] !== '1' || stdin.isTTY) return;
  let stopped = false;
  const once = () => {
    if (stopped) return;
    stopped = true;
    console.error('the run that started this server is gone (its stdin ended): stopping');
    stop();
  };
  stdin.once('end', once);
  stdin.once('error', once);
  // Nothing is read from it: data is dropped, only its end matters.
  stdin.on('data', () => undefined);
}
