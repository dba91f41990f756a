/**
 * エコ文書 ログイン (UrlExclusive.do; IM12 4, TJK 3)) on both entries, and ログアウト.
 *
 * The error codes of EG18/EG25 2-2 come before the password check, as the guides describe them
 * (46 "also with the right password"):
 *  - 42: the administrator set the user's status to invalid;
 *  - 46: the user ID is locked (exactly LOCK_AFTER_FAILURES consecutive wrong passwords);
 *  - 44: "ユーザのアクセスした URL が間違っています。(証明書を利用しないユーザのみ)". A user without a
 *    certificate enters at ds-nc (EG25 2-1 9. lists it as the certificate-less site; the mock's
 *    registration mail gives such users the ds-nc login URL). The "wrong URL" is the other
 *    entry, the certificate host ds: its login URL is the one on the guides, in other users'
 *    mails and in bookmarks (TJK recommends bookmarking the login site), and on a shared PC
 *    the browser presents a colleague's installed certificate there, so the page does open
 *    and the certificate-less user's ID meets the wrong door. Only such users get 44 — the
 *    guides' "(証明書を利用しないユーザのみ)".
 *  - 53: a certificate user whose presented certificate is not the one bound at signup — not
 *    signed up yet, another certificate, or no certificate at all because they came through
 *    the certificate-less entry (which never asks for one, so it can never show 44 to them).
 */
import type { FastifyInstance } from 'fastify';
import { ebunsho as t, input } from '../texts';
import { endSession, startSession } from '../session';
import { sendPage } from '../site';
import { peerCertificate } from '../tls';
import { alnumField, fieldOf, fields, NO_INPUT } from '../input-schema';
import { countWrongPassword, ebunshoUser, ERROR, sendErrorCode, type EbunshoSite } from './ebunsho-common';
import { faulty } from '../faults';

const LOGIN = '/ebunsho/UrlExclusive.do';
/** ユーザID and パスワード as every エコ文書 form takes them: 半角英数字, up to 32 and 64 characters. */
export const userIdField = () => alnumField(t.userIdLabel, 32);
export const passwordField = (label: string = t.passwordLabel) => alnumField(label, 64);
const loginSchema = { body: fields({ userId: userIdField(), password: passwordField() }) };

export function registerLogin(app: FastifyInstance, site: EbunshoSite) {
  const { ctx } = site;
  const certSeal = ctx.urls.webra1 + '/scira/doc/pfm20pub/index.html';
  const form = (extra: Record<string, unknown> = {}) => ({ title: t.loginTitle, action: LOGIN, certSeal, ...extra });

  app.get(LOGIN, { schema: NO_INPUT }, async (_req, reply) => sendPage(reply, 'ebunsho/login.njk', form()));

  // Malformed input gets the form again with its message and never reaches the lock count.
  const invalidInput = (req: { body: unknown }, reply: Parameters<typeof sendPage>[0], failure: { message: string }) =>
    sendPage(reply, 'ebunsho/login.njk', form({ userId: fieldOf(req.body, 'userId'), error: failure.message }));

  app.post<{ Body: { userId: string; password: string } }>(LOGIN, { schema: loginSchema, config: { invalidInput } }, async (req, reply) => {
    const { userId, password } = req.body;
    const refuse = (error: string) => sendPage(reply, 'ebunsho/login.njk', form({ userId, error }));
    const user = ebunshoUser(ctx.state, userId);
    // An unknown ID gets the same answer as a wrong password: nobody learns which IDs exist.
    if (!user) return refuse(input.loginFailed);
    if (user.status === 'invalid') return sendErrorCode(reply, ERROR.invalid);
    if (user.locked) return sendErrorCode(reply, ERROR.locked);
    if (site.entry === 'certificate') {
      if (user.kind === 'certless') return sendErrorCode(reply, ERROR.wrongUrl);
      const cert = peerCertificate(req);
      const boundElsewhere = faulty('login-ignores-binding') && !!cert && !!ctx.state.byCertificate(cert.fingerprint256);
      if (!user.boundCertFingerprint || !cert || (cert.fingerprint256 !== user.boundCertFingerprint && !boundElsewhere))
        return sendErrorCode(reply, ERROR.notSignedUp);
    } else if (user.kind === 'cert') {
      return sendErrorCode(reply, ERROR.notSignedUp);
    }
    if (user.password !== password) {
      return countWrongPassword(site, user) === 'locked' ? sendErrorCode(reply, ERROR.locked) : refuse(input.loginFailed);
    }
    user.failedLogins = 0;
    user.lastLoginAt = user.clock.nowMs();
    startSession(ctx.state, req, reply, user);
    return reply.redirect('/ebunsho/ServiceTop.do', 303);
  });

  app.get('/ebunsho/Logout.do', { schema: NO_INPUT }, async (req, reply) => {
    endSession(ctx.state, req, reply);
    return reply.redirect(LOGIN, 303);
  });
}
