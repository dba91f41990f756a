/**
 * Real SMTP into the catcher, read back through its long-poll API and parsed into typed
 * values — the path every onboarding spec depends on.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import nodemailer from 'nodemailer';
import { buildMailbox } from '../../mailbox/server';
import { Mailbox, MailTimeoutError } from '../../fixtures/mailbox';
import { MailFormatError, parsePasswordMail, parseRegistrationMail } from '../../fixtures/mail';
import { renderMail } from '../../mock/views';
import { mail as m } from '../../messages';
import { inspect } from 'node:util';

const HOST = '127.0.0.1';
const SMTP = 26825;
const API = 26826;
const box = buildMailbox({ host: HOST, smtpPort: SMTP, apiPort: API });
const transport = nodemailer.createTransport({ host: HOST, port: SMTP, secure: false, ignoreTLS: true });
const reader = new Mailbox(`http://${HOST}:${API}`, 5_000);

before(() => box.listen());
after(async () => {
  transport.close();
  await box.close();
});

const user = { userId: '123456', company: 'TJK株式会社', name: '健保 太郎' };
const send = (to: string, subject: string, text: string) => transport.sendMail({ from: 'no-reply@ds.e-kakushin.com', to, subject, text });

test('a mail sent after the reader started waiting is delivered to it (no polling sleep)', async () => {
  const waiting = reader.waitFor('late@onboarding.test', m.registrationSubject);
  await send('late@onboarding.test', m.registrationSubject, 'body');
  const got = await waiting;
  assert.equal(got.subject, m.registrationSubject);
});

test('the two onboarding mails parse into typed values; passwords print masked', async () => {
  const to = 'parse@onboarding.test';
  const ctx = { user, issuanceUrl: 'https://w2.test/scira/Entrance.jsp?p1=1&p2=12345&p3=abc', signupUrl: 'https://ds.test/ebunsho/SignUp.do?cd=000000123456', loginUrl: 'https://ds.test/ebunsho/UrlExclusive.do' };
  await send(to, m.registrationSubject, renderMail('registration.njk', ctx));
  await send(to, m.passwordSubject, renderMail('password.njk', { ...ctx, issuancePassword: 'abc123XYZ', loginPassword: 'pass9word' }));
  const reg = parseRegistrationMail((await reader.waitFor(to, m.registrationSubject)).text);
  assert.deepEqual(reg, { userId: '123456', issuanceUrl: ctx.issuanceUrl, signupUrl: ctx.signupUrl, loginUrl: ctx.loginUrl, passwordsInOtherMail: true, sender: m.tjkOrganisation });
  const pw = parsePasswordMail((await reader.waitFor(to, m.passwordSubject)).text);
  assert.equal(pw.issuancePassword.reveal(), 'abc123XYZ');
  assert.equal(pw.loginPassword.reveal(), 'pass9word');
  const printed = `${JSON.stringify(pw)} ${inspect(pw)} ${String(pw.loginPassword)}`;
  assert.ok(!printed.includes('abc123XYZ') && !printed.includes('pass9word'), printed);
});

test('mails for other addresses are not delivered to a reader, and waiting ends with a clear error', async () => {
  await send('someone-else@onboarding.test', m.passwordSubject, 'x');
  await assert.rejects(reader.waitFor('nobody@onboarding.test', m.passwordSubject, { timeoutMs: 300 }), MailTimeoutError);
});

test('a mail without the expected label is a format error, not a silent empty value', () => {
  assert.throws(() => parsePasswordMail('ユーザID：1\n'), MailFormatError);
});
