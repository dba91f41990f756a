/**
 * The catcher mail source's "after the marker": after a reissue the reader must return the new
 * mail, never the older one with the same subject (the catcher keeps both).
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { buildMailbox } from '../../mailbox/server';
import { CatcherMailSource } from '../../fixtures/mailbox';
import { MailTimeoutError } from '../../fixtures/mail-source';

const box = buildMailbox({ host: '127.0.0.1', smtpPort: 0, apiPort: 0 });
let transport: ReturnType<typeof nodemailer.createTransport>;
let source: CatcherMailSource;

before(async () => {
  await box.listen();
  const smtpPort = box.smtpPort;
  const apiPort = (box.api.server.address() as AddressInfo).port;
  transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
  source = new CatcherMailSource(`http://127.0.0.1:${apiPort}`, 5_000);
});

after(async () => {
  transport.close();
  await box.close();
});

const send = (to: string, subject: string, text: string) => transport.sendMail({ from: 'no-reply@ds.e-kakushin.com', to, subject, text });

test('a marker taken before the reissue returns the reissued mail, not the older one with the same subject', async () => {
  const to = 'reissue@onboarding.test';
  await send(to, 'パスワード再通知', 'old');
  const marker = await source.mark(to);
  await send(to, 'パスワード再通知', 'new');
  assert.equal((await source.waitFor(to, 'パスワード再通知', { after: marker })).text.trim(), 'new');
  assert.deepEqual((await source.list(to, { after: marker })).map((m) => m.text.trim()), ['new']);
});

test('with a marker taken after every mail, none of them is returned: the wait times out naming recipient and subject', async () => {
  const to = 'stale@onboarding.test';
  await send(to, 'OTP', 'one');
  await send(to, 'OTP', 'two');
  const marker = await source.mark(to);
  const err = await source.waitFor(to, 'OTP', { after: marker, timeoutMs: 200 }).catch((e: unknown) => e);
  assert.ok(err instanceof MailTimeoutError);
  assert.match(err.message, /stale@onboarding\.test/);
  assert.match(err.message, /"OTP"/);
});

test('a mail sent while waiting after the marker is the one returned; lastId (the older form) behaves the same', async () => {
  const to = 'waiting@onboarding.test';
  await send(to, 'OTP', 'before');
  const marker = await source.mark(to);
  const lastId = await source.lastId(to);
  const waiting = source.waitFor(to, /^OTP$/, { after: marker });
  const waitingById = source.waitFor(to, 'OTP', { after: lastId });
  await send(to, 'OTP', 'after');
  assert.equal((await waiting).text.trim(), 'after');
  assert.equal((await waitingById).text.trim(), 'after');
  assert.notEqual(await source.lastId(to), lastId, 'a new mail moves lastId');
});

test('a marker of another source is refused rather than misread', async () => {
  await assert.rejects(
    source.waitFor('x@onboarding.test', 'y', { after: { source: 'imap', mailbox: 'INBOX', uidValidity: '1', uidNext: 5 }, timeoutMs: 100 }),
    TypeError,
  );
});
