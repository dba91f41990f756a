/**
 * The one SMTP receiver behind the catcher and the staging double's relay
 * (mailbox/smtp-receiver.ts): the whole message and its envelope reach onMail; the sender's
 * transaction waits for onMail and fails when it fails; loopback only.
 *
 * Run: flock /tmp/pw.lock node --import tsx --test tests/unit/smtp-receiver.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { receiveSmtp, type SmtpEnvelope } from '../../mailbox/smtp-receiver';

const send = (port: number, mail: Mail.Options) => {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return transport.sendMail(mail).finally(() => transport.close());
};

test('a message arrives whole with its envelope; the sender is answered only after onMail', async () => {
  const got: { raw: string; envelope: SmtpEnvelope }[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const receiver = await receiveSmtp({
    host: '127.0.0.1',
    port: 0,
    onMail: async (raw, envelope) => {
      await held;
      got.push({ raw: raw.toString(), envelope });
    },
  });
  try {
    let answered = false;
    const sent = send(receiver.port, { from: 'From@a.test', to: ['One@b.test', 'two@b.test'], subject: 'subject', text: 'line 1\nline 2' }).then(() => (answered = true));
    // The sender waits on onMail: nothing is acknowledged before it is kept.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(answered, false);
    release();
    await sent;
    assert.equal(got.length, 1);
    assert.deepEqual(got[0].envelope, { from: 'From@a.test', to: ['One@b.test', 'two@b.test'] });
    assert.match(got[0].raw, /Subject: subject[\s\S]*line 1\r?\nline 2/);
  } finally {
    await receiver.close();
  }
});

test('when onMail fails the sender sees the failure', async () => {
  const receiver = await receiveSmtp({ host: '127.0.0.1', port: 0, onMail: () => Promise.reject(new Error('mailbox full')) });
  try {
    await assert.rejects(send(receiver.port, { from: 'a@a.test', to: 'b@b.test', text: 'x' }), /mailbox full/);
  } finally {
    await receiver.close();
  }
});

test('a message over the size limit is refused, not kept', async () => {
  let kept = 0;
  const receiver = await receiveSmtp({ host: '127.0.0.1', port: 0, onMail: () => void kept++ });
  try {
    await assert.rejects(send(receiver.port, { from: 'a@a.test', to: 'b@b.test', text: 'x'.repeat(6 * 1024 * 1024) }), /552|size/i);
    assert.equal(kept, 0);
  } finally {
    await receiver.close();
  }
});

test('it listens on loopback only, refused before binding', async () => {
  for (const host of ['0.0.0.0', '::', '10.0.0.1']) {
    await assert.rejects(receiveSmtp({ host, port: 0, onMail: () => undefined, what: 'The relay' }), /The relay listens on loopback only/, host);
  }
});
