/**
 * The mock's mails against TJK メール①② and BS10 1-1) as printed (issue 10, fidelity): the
 * parser accepts both of TJK's wordings, the first line is the issuing organisation, the
 * password mail carries no URL, and no guide call-out is written into a mail. Renders the
 * templates directly: no ports.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MailFormatError, parseRegistrationMail, senderLine } from '../../fixtures/mail';
import { forms, mail as m, mailSubjects } from '../../messages';
import { renderMail } from '../../mock/views';

const user = { userId: '123456', company: 'TJK株式会社', name: '健保 太郎' };
const ctx = {
  user,
  issuanceUrl: 'https://w2.test/scira/Entrance.jsp?p1=1&p2=12345&p3=abc',
  signupUrl: 'https://ds.test/ebunsho/SignUp.do?cd=000000123456',
  loginUrl: 'https://ds.test/ebunsho/UrlExclusive.do',
};

test('TJK メール①: the two password lines carry TJK’s two wordings, and the parser accepts either on either line', () => {
  const text = renderMail('registration.njk', ctx);
  assert.match(text, new RegExp(`^${m.labels.issuancePassword}：${m.passwordInOtherMail}$`, 'm'));
  assert.match(text, new RegExp(`^${m.labels.loginPassword}：${m.loginPasswordInOtherMail}$`, 'm'));
  for (const [a, b] of [[forms.passwordInOtherMail[0], forms.passwordInOtherMail[0]], [forms.passwordInOtherMail[1], forms.passwordInOtherMail[0]]]) {
    const variant = text
      .replace(new RegExp(`^(${m.labels.issuancePassword}：).*$`, 'm'), `$1${a}`)
      .replace(new RegExp(`^(${m.labels.loginPassword}：).*$`, 'm'), `$1${b}`);
    assert.equal(parseRegistrationMail(variant).passwordsInOtherMail, true);
  }
  const im12 = text.replace(m.passwordInOtherMail, m.askAdministrator).replace(m.loginPasswordInOtherMail, m.askAdministrator);
  assert.equal(parseRegistrationMail(im12).passwordsInOtherMail, true, 'IM12 2-3 ①: 管理者にお問い合わせ下さい。 on both lines');
  const other = text.replace(m.loginPasswordInOtherMail, 'pass9word');
  assert.equal(parseRegistrationMail(other).passwordsInOtherMail, false, 'a password written into メール① is caught');
});

test('TJK メール①: the first line is the issuing organisation with より, not the recipient’s company', () => {
  const text = renderMail('registration.njk', ctx);
  assert.equal(senderLine(text), m.tjkOrganisation);
  assert.ok(!text.includes(`${user.company} ${m.fromOrganisation}`), 'the recipient’s company is not the sender');
  assert.equal(parseRegistrationMail(text).sender, m.tjkOrganisation);
  assert.throws(() => senderLine(`${user.company}\n${user.name} 様\n`), MailFormatError);
  for (const line of [m.body.registrationIntro, m.body.registrationProcedure, m.body.registrationCertNote]) assert.ok(text.includes(line), line);
});

test('TJK メール②: addressee, intro and the three values — no issuance URL', () => {
  const text = renderMail('password.njk', { ...ctx, issuancePassword: 'abc123XYZ', loginPassword: 'pass9word' });
  assert.ok(text.includes(m.body.passwordIntro));
  assert.ok(!/https?:\/\//.test(text), text);
  assert.ok(!text.includes(m.labels.issuanceSite));
});

test('BS10 1-1) ①: the guide’s call-out beside the login URL is not mail text', () => {
  const text = renderMail('bulksign-user.njk', { user, adminName: '管理者 一郎', loginExpiry: '2026/05/01', loginUrl: ctx.loginUrl });
  assert.ok(text.includes(m.body.bulkSignUserIntro));
  assert.ok(!/本サービスへログインする際に\s*使用します。/.test(text), text);
});

test('subjects: both documented registration forms match; the undocumented ones are matched loosely', () => {
  assert.match(m.registrationSubject, mailSubjects.registration);
  assert.match(m.registrationSubjectPrefixed, mailSubjects.registration);
  assert.doesNotMatch(m.bulkSignRegistrationSubject, mailSubjects.registration);
  assert.doesNotMatch(`Re: ${m.registrationSubject}`, mailSubjects.registration);
  assert.match('ワンタイムパスワードのお知らせ', mailSubjects.otp);
  assert.doesNotMatch(m.bulkSignRegistrationSubject, mailSubjects.otp);
  assert.match('パスワード再通知', mailSubjects.reissue);
  assert.doesNotMatch(m.passwordSubject, mailSubjects.reissue);
});
