/**
 * The IMAP mail source against a real Dovecot started here (mailbox/dovecot.ts), mail delivered
 * over LMTP as a real mail host would: arrival on IDLE, "after the marker" by UID,
 * plus-addressing, the encodings Japanese mail systems use, and errors that name the recipient
 * and subject but never the password.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import Encoding from 'encoding-japanese';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { deliverViaLmtp, startDovecot, type RunningDovecot } from '../../mailbox/dovecot';
import { ImapMailError, ImapMailSource } from '../../fixtures/imap-mail-source';
import { MailTimeoutError } from '../../fixtures/mail-source';
import { parseRegistrationMail } from '../../fixtures/mail';
import { renderMail } from '../../mock/views';
import { buildMailbox } from '../../mailbox/server';
import { startRelay } from '../../double/mail';
import { mail as m } from '../../messages';

const USER = 'alice@onboarding.test';
const PASSWORD = `imap-${Math.random().toString(36).slice(2)}-secret`;
const FROM = 'no-reply@ds.e-kakushin.com';

let dir: string;
let dovecot: RunningDovecot;
let source: ImapMailSource;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imap-source-'));
  dovecot = await startDovecot({ dir, users: [{ user: USER, password: PASSWORD }, { user: 'bob@onboarding.test', password: 'bob-pass' }] });
  source = new ImapMailSource({ host: dovecot.host, port: dovecot.imapPort, secure: false, user: USER, password: PASSWORD, timeoutMs: 5_000 });
});

after(async () => {
  await source?.close();
  await dovecot?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
/** A fresh plus-address of alice's per test: delivered into alice's INBOX, told apart by the tag. */
const tagged = (tag: string) => `alice+${tag}-${++seq}@onboarding.test`;

async function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer({ from: FROM, ...options }).compile().build();
}

const deliver = (to: string, raw: Buffer | string) => deliverViaLmtp(dovecot, { from: FROM, to }, raw);

/** Resolves when a waiter for `to` found nothing and went to wait on IDLE. */
const idleFor = (to: string) =>
  new Promise<void>((resolve) => {
    const on = (who: string) => {
      if (who !== to) return;
      source.events.off('idle', on);
      resolve();
    };
    source.events.on('idle', on);
  });

/** A 7-bit ISO-2022-JP mail, as Japanese mail systems send it (encoding-japanese does the JIS). */
function iso2022jp(to: string, subject: string, body: string, transfer: '7bit' | 'base64' = '7bit'): Buffer {
  const jis = (s: string) => Buffer.from(Encoding.convert(Encoding.stringToCode(s), { to: 'JIS', from: 'UNICODE' }));
  const encodedBody = transfer === 'base64' ? jis(body.replace(/\n/g, '\r\n')).toString('base64').replace(/.{76}/g, '$&\r\n') : jis(body.replace(/\n/g, '\r\n')).toString('latin1');
  return Buffer.from(
    [
      `From: ${FROM}`,
      `To: ${to}`,
      `Subject: =?ISO-2022-JP?B?${jis(subject).toString('base64')}?=`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=ISO-2022-JP',
      `Content-Transfer-Encoding: ${transfer}`,
      '',
      encodedBody,
      '',
    ].join('\r\n'),
    'latin1',
  );
}

test('a mail delivered while the reader waits on IDLE is returned', async () => {
  const to = tagged('idle');
  const waiting = source.waitFor(to, 'arrives later');
  await idleFor(to);
  await deliver(to, await compose({ to, subject: 'arrives later', text: 'hello' }));
  const got = await waiting;
  assert.equal(got.subject, 'arrives later');
  assert.equal(got.text.trim(), 'hello');
  assert.deepEqual(got.to, [to]);
});

test('only mail that arrived after the marker: never an older one with the same subject; after a re-send, the newest', async () => {
  const to = tagged('reissue');
  await deliver(to, await compose({ to, subject: m.reissueSubject, text: 'first password' }));
  const beforeSecond = await source.mark();
  await deliver(to, await compose({ to, subject: m.reissueSubject, text: 'second password' }));
  assert.equal((await source.waitFor(to, m.reissueSubject, { after: beforeSecond })).text.trim(), 'second password');

  const afterBoth = await source.mark();
  await assert.rejects(source.waitFor(to, m.reissueSubject, { after: afterBoth, timeoutMs: 300 }), MailTimeoutError, 'both mails are older than the marker');

  const waiting = source.waitFor(to, m.reissueSubject, { after: afterBoth });
  await idleFor(to);
  await deliver(to, await compose({ to, subject: m.reissueSubject, text: 'third password' }));
  assert.equal((await waiting).text.trim(), 'third password');
  assert.deepEqual((await source.list(to, { after: beforeSecond })).map((x) => x.text.trim()), ['second password', 'third password']);
  assert.equal((await source.list(to)).length, 3);
});

test('without a marker (a fresh address) the first mail is returned; lastId tells whether anything new came', async () => {
  const to = tagged('fresh');
  assert.equal(await source.lastId(to), 0);
  await deliver(to, await compose({ to, subject: 'one', text: '1' }));
  const last = await source.lastId(to);
  assert.ok(last > 0);
  assert.equal((await source.waitFor(to, /^one$/)).id, last);
  assert.equal(await source.lastId(to), last, 'nothing new: same id');
});

test('plus-addressing: user+tag@domain lands in user@domain\'s mailbox and is told apart from other tags and from the bare address', async () => {
  const a = tagged('plus');
  const b = tagged('plus');
  await deliver(a, await compose({ to: a, subject: 'same subject', text: 'for a' }));
  await deliver(b, await compose({ to: b, subject: 'same subject', text: 'for b' }));
  assert.equal((await source.waitFor(b, 'same subject')).text.trim(), 'for b');
  assert.equal((await source.waitFor(a, 'same subject')).text.trim(), 'for a');
  assert.equal((await source.list(a)).length, 1);
  assert.equal((await source.list(USER)).filter((x) => x.subject === 'same subject').length, 0, 'the bare address asked for its own mail only');
});

test('a recipient only in Delivered-To (Bcc) is found; mail for another mailbox is not visible', async () => {
  const to = tagged('bcc');
  await deliver(to, Buffer.from(`Delivered-To: ${to}\r\n${(await compose({ to: 'list@onboarding.test', subject: 'bcc', text: 'x' })).toString()}`));
  await deliver('bob@onboarding.test', await compose({ to, subject: 'bcc', text: 'in bob\'s mailbox' }));
  const found = await source.list(to);
  assert.deepEqual(found.map((x) => x.text.trim()), ['x']);
});

test('LMTP refuses a recipient that has no mailbox here (a delivery never vanishes silently)', async () => {
  await assert.rejects(deliver('nobody@onboarding.test', await compose({ to: 'nobody@onboarding.test', subject: 'x', text: 'x' })), /nobody@onboarding\.test/);
});

test("the staging double's relay (the catcher's SMTP receiver) delivers into IMAP and to the catcher before answering; a refused recipient fails the sender", async () => {
  const catcher = buildMailbox({ host: dovecot.host, smtpPort: 0, apiPort: 0 });
  await catcher.listen();
  const log: string[] = [];
  const relay = await startRelay(dovecot.host, { lmtp: dovecot, catcherSmtp: { host: dovecot.host, port: catcher.smtpPort }, log: (l) => log.push(l) });
  const service = nodemailer.createTransport({ host: dovecot.host, port: relay.port, secure: false, ignoreTLS: true });
  try {
    const to = tagged('relay');
    await service.sendMail({ from: FROM, to, subject: 'via the relay', text: 'relayed' });
    // Answered only once delivered: both copies are there without waiting.
    assert.deepEqual((await source.list(to)).map((x) => x.text.trim()), ['relayed']);
    const api = `http://${dovecot.host}:${(catcher.api.server.address() as AddressInfo).port}`;
    const copies = (await (await fetch(`${api}/messages?to=${encodeURIComponent(to)}`)).json()) as { messages: unknown[] };
    assert.equal(copies.messages.length, 1);

    await assert.rejects(service.sendMail({ from: FROM, to: 'nobody@onboarding.test', subject: 'x', text: 'x' }), /nobody@onboarding\.test/);
    assert.ok(log.some((l) => l.includes('nobody@onboarding.test')), log.join('\n'));
  } finally {
    service.close();
    await relay.close();
    await catcher.close();
  }
});

test('ISO-2022-JP subject and body (7bit, as Japanese mail systems send), parsed into the registration values', async () => {
  const to = tagged('jis');
  const ctx = {
    user: { userId: '123456', company: 'TJK株式会社', name: '健保 太郎' },
    issuanceUrl: 'https://w2.test/scira/Entrance.jsp?p1=1&p2=12345&p3=abc',
    signupUrl: 'https://ds.test/ebunsho/SignUp.do?cd=000000123456',
    loginUrl: 'https://ds.test/ebunsho/UrlExclusive.do',
  };
  const body = renderMail('registration.njk', ctx);
  await deliver(to, iso2022jp(to, m.registrationSubject, body));
  const got = await source.waitFor(to, m.registrationSubject);
  assert.equal(got.subject, m.registrationSubject);
  assert.equal(got.text.trimEnd(), body.replace(/\r\n/g, '\n').trimEnd());
  assert.equal(parseRegistrationMail(got.text).signupUrl, ctx.signupUrl);
});

test('ISO-2022-JP in base64, and UTF-8 bodies in base64 and in quoted-printable', async () => {
  const to = tagged('enc');
  const text = 'パスワードのご連絡\nユーザID：123456\nログインパスワード：abcDEF12\n';
  await deliver(to, iso2022jp(to, 'jis-base64', text, 'base64'));
  await deliver(to, await compose({ to, subject: 'utf8-base64', text, textEncoding: 'base64' }));
  await deliver(to, await compose({ to, subject: 'utf8-qp', text, textEncoding: 'quoted-printable' }));
  const raw = fs.readdirSync(path.join(dir, 'mail', USER, 'new')).map((f) => fs.readFileSync(path.join(dir, 'mail', USER, 'new', f), 'latin1'));
  assert.ok(raw.some((r) => /Content-Transfer-Encoding: quoted-printable/i.test(r) && /=E3=83=91/.test(r)), 'really sent as quoted-printable');
  for (const subject of ['jis-base64', 'utf8-base64', 'utf8-qp']) {
    assert.equal((await source.waitFor(to, subject)).text.trimEnd(), text.trimEnd(), subject);
  }
});

test('multipart/alternative: the text/plain part is preferred; an HTML-only mail gives the text of its HTML', async () => {
  const to = tagged('alt');
  await deliver(to, await compose({ to, subject: 'both', text: 'プレーン本文\nhttps://ds.test/login', html: '<p>HTML本文</p>' }));
  await deliver(to, await compose({ to, subject: 'html only', html: '<p>ユーザID：<b>123456</b></p><p><a href="https://ds.test/x">https://ds.test/x</a></p>' }));
  const both = await source.waitFor(to, 'both');
  assert.match(both.text, /プレーン本文/);
  assert.doesNotMatch(both.text, /HTML本文/);
  const html = await source.waitFor(to, 'html only');
  assert.match(html.text, /ユーザID：123456/);
  assert.match(html.text, /https:\/\/ds\.test\/x/);
  assert.doesNotMatch(html.text, /<[a-z]/i, 'no markup left');
});

test('a timeout names the recipient and the subject, and never the IMAP password', async () => {
  const to = tagged('timeout');
  const err = await source.waitFor(to, m.passwordSubject, { timeoutMs: 200 }).catch((e: unknown) => e);
  assert.ok(err instanceof MailTimeoutError);
  assert.match(err.message, new RegExp(to.replace(/[.+]/g, '\\$&')));
  assert.ok(err.message.includes(m.passwordSubject), err.message);
  for (const printed of [err.message, err.stack ?? '', inspect(err), JSON.stringify(err), inspect(source)]) {
    assert.ok(!printed.includes(PASSWORD), 'password leaked');
  }
});

test('a refused login is a clear error without the password', async () => {
  const wrong = `${PASSWORD}-wrong`;
  const bad = new ImapMailSource({ host: dovecot.host, port: dovecot.imapPort, secure: false, user: USER, password: wrong, timeoutMs: 1_000 });
  const err = await bad.waitFor('x@onboarding.test', 'y').catch((e: unknown) => e);
  await bad.close();
  assert.ok(err instanceof ImapMailError, String(err));
  assert.match(err.message, /login refused/);
  assert.ok(!inspect(err).includes(wrong) && !inspect(err).includes(PASSWORD));
});

// 5 samples by default (each costs Dovecot's fixed 500 ms notification delay); IMAP_LATENCY_SAMPLES=20 to measure.
const SAMPLES = Number(process.env.IMAP_LATENCY_SAMPLES ?? 5);

test(`delivery to waitFor resolving: median of ${SAMPLES} (IDLE push, no polling)`, async (t) => {
  const latencies: number[] = [];
  const deliveries: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const to = tagged('latency');
    const waiting = source.waitFor(to, 'ping');
    await idleFor(to);
    const raw = await compose({ to, subject: 'ping', text: String(i) });
    const start = performance.now();
    await deliver(to, raw);
    deliveries.push(performance.now() - start);
    await waiting;
    latencies.push(performance.now() - start);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  t.diagnostic(
    `LMTP delivery start -> waitFor resolved: median ${median(latencies).toFixed(1)} ms (min ${Math.min(...latencies).toFixed(1)}, max ${Math.max(...latencies).toFixed(1)}, n=${SAMPLES}); the LMTP delivery itself: median ${median(deliveries).toFixed(1)} ms`,
  );
  // Dovecot batches change notifications for 500 ms (NOTIFY_DELAY_MSECS); imapflow's own
  // auto-IDLE would start only after 15 s, and a poll would show its interval.
  assert.ok(median(latencies) < 1_500, `median ${median(latencies)} ms`);
});
