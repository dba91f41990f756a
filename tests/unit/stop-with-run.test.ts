/**
 * The mock and the mailbox stop when the run that started them dies (config/owner.ts): the
 * end of their stdin pipe is the signal, so a killed runner leaves no server holding ports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { STOP_WITH_RUN_ENV } from '../../config/owner';

const OWNER = path.join(__dirname, '..', '..', 'config', 'owner.ts');
// A stand-in server: stops (exit 7) when told its owner is gone, answers "alive" on IPC.
const SERVER = `
  const { stopWhenOwnerExits } = require(${JSON.stringify(OWNER)});
  stopWhenOwnerExits(() => process.exit(7));
  process.on('message', () => process.send('alive'));
  process.stdin.on('end', () => process.send('stdin ended'));
  process.stdin.resume();
  process.send('ready');
`;

function start(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', SERVER], { env: { ...process.env, ...env }, stdio: ['pipe', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // The next message, or how the process ended if it ends first.
  assert.ok(child.stdin, 'stdin is a pipe');
  const stdin = child.stdin;
  const next = () => Promise.race([new Promise<unknown>((resolve) => child.once('message', resolve)), exited.then((code) => `exited ${code}`)]);
  return { child, stdin, next, exited };
}

test('a server started by a run stops when the run is gone (its stdin ends)', async () => {
  const { stdin, next, exited } = start({ [STOP_WITH_RUN_ENV]: '1' });
  assert.equal(await next(), 'ready');
  stdin.end();
  assert.equal(await exited, 7);
});

test('a server not started by a run ignores the end of its stdin', async () => {
  const { child, stdin, next, exited } = start({ [STOP_WITH_RUN_ENV]: '' });
  assert.equal(await next(), 'ready');
  stdin.end();
  assert.equal(await next(), 'stdin ended');
  child.send('ping');
  assert.equal(await next(), 'alive');
  child.kill();
  assert.notEqual(await exited, 7);
});
