/**
 * エコ文書 サインアップ (SignUp.do?cd=…; IM12 3, TJK 2)): binds the client certificate of the
 * connection to the user (証明書と PC、ID の紐付け). Only on the certificate host.
 *
 * Outcomes besides success: a cd that names no user → the "wrong URL" page; a wrong ID or
 * password → the login failure message (a wrong password counts towards the lock, IM12 1
 * names サインアップ among the uses of the password); a certificate already bound to another
 * user, or a user already signed up → their own clear message, nothing rebound.
 */
import type { FastifyInstance } from 'fastify';
import { ebunsho as t, input } from '../texts';
import { sendPage } from '../site';
import { peerCertificate } from '../tls';
import { fieldOf, fields, textField, type InputFailure } from '../input-schema';
import { countWrongPassword, ERROR, sendErrorCode, type EbunshoSite } from './ebunsho-common';
import { passwordField, userIdField } from './ebunsho-login';

/** The sign-up code of the registration mail: any text the handler can look up (unknown: wrong link). */
const cd = () => textField(input.invalidLink, 256);
const schemas = {
  page: { querystring: fields({ cd: cd() }) },
  form: { body: fields({ cd: cd(), userId: userIdField(), password: passwordField() }) },
};

export function registerSignup(app: FastifyInstance, site: EbunshoSite) {
  const { ctx } = site;
  const { state } = ctx;
  const wrongLink = (reply: Parameters<typeof sendPage>[0]) =>
    sendPage(reply, 'error.njk', { title: t.signupTitle, message: input.invalidLink }, 404);

  app.get<{ Querystring: { cd: string } }>('/ebunsho/SignUp.do', { schema: schemas.page, config: { invalidInput: (_req, reply) => wrongLink(reply) } }, async (req, reply) => {
    const { cd } = req.query;
    if (!state.bySignupCode(cd)) return wrongLink(reply);
    return sendPage(reply, 'ebunsho/signup.njk', { title: t.signupTitle, cd });
  });

  // The link is judged first, as on a valid request: an unknown code is the wrong-link page whatever was typed.
  const invalidInput = (req: { body: unknown }, reply: Parameters<typeof sendPage>[0], failure: InputFailure) => {
    const code = fieldOf(req.body, 'cd');
    if (failure.field === 'cd' || !state.bySignupCode(code)) return wrongLink(reply);
    return sendPage(reply, 'ebunsho/signup.njk', { title: t.signupTitle, cd: code, userId: fieldOf(req.body, 'userId'), error: failure.message });
  };

  app.post<{ Body: { cd: string; userId: string; password: string } }>('/ebunsho/SignUp.do', { schema: schemas.form, config: { invalidInput } }, async (req, reply) => {
    const { cd, userId, password } = req.body;
    const user = state.bySignupCode(cd);
    if (!user) return wrongLink(reply);
    const form = (error: string) => sendPage(reply, 'ebunsho/signup.njk', { title: t.signupTitle, cd, userId, error });
    if (user.userId !== userId) return form(input.loginFailed);
    if (user.status === 'invalid') return sendErrorCode(reply, ERROR.invalid);
    if (user.locked) return sendErrorCode(reply, ERROR.locked);
    if (user.kind === 'certless') return sendErrorCode(reply, ERROR.wrongUrl);
    if (user.password !== password)
      return countWrongPassword(site, user) === 'locked' ? sendErrorCode(reply, ERROR.locked) : form(input.loginFailed);
    user.failedLogins = 0;
    const cert = peerCertificate(req);
    // The TLS front lets no connection through without a verified certificate; this is the last guard.
    if (!cert) return form(input.loginFailed);
    const holder = state.byCertificate(cert.fingerprint256);
    if (holder && holder.userId !== user.userId) return form(t.certificateInUse);
    if (user.boundCertFingerprint) return form(t.alreadySignedUp);
    if (!ctx.faults.has('signup-not-bound')) user.boundCertFingerprint = cert.fingerprint256;
    return sendPage(reply, 'ebunsho/signup-done.njk', { title: t.signupDoneTitle });
  });
}
