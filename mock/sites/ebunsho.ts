/**
 * エコ文書 (ds.e-kakushin.com, /ebunsho/...): signup and login with the client
 * certificate (IM12 §3-4, TJK 2)-3), EG18/EG25 §2), and the service TOP.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ebunsho as t, input } from '../../messages';
import type { MockContext } from '../context';
import { formatDateTime } from '../format';
import { currentSession, endSession, startSession } from '../session';
import { sendPage } from '../site';
import type { User } from '../state';
import { peerCertificate } from '../tls';
import { checkField, one } from '../validate';

/** IM12: "パスワードを6回続けて間違えますと、ユーザ ID がロックして…" */
export const LOCK_AFTER_FAILURES = 6;
export const ERROR = { invalid: 42, wrongUrl: 44, locked: 46, notSignedUp: 53 } as const;

export function pageContext(user: User, extra: Record<string, unknown> = {}) {
  return { user, lastLogin: formatDateTime(user.lastLoginAt), ...extra };
}

/** Pages behind login: the session, for the same certificate, or back to the login page. */
export function requireLogin(state: MockContext['state'], req: FastifyRequest, reply: FastifyReply): User | null {
  const current = currentSession(state, req);
  if (!current) {
    void reply.redirect('/ebunsho/UrlExclusive.do');
    return null;
  }
  return current.user;
}

export function registerEbunsho(app: FastifyInstance, ctx: MockContext) {
  const { state } = ctx;
  const errorCode = (reply: FastifyReply, code: number) =>
    sendPage(reply, 'ebunsho/error-code.njk', { title: t.loginTitle, code });


  // --- Signup (SignUp.do?cd=...) -------------------------------------------------------
  app.get('/ebunsho/SignUp.do', async (req, reply) => {
    const cd = one((req.query as Record<string, unknown>).cd);
    if (!state.bySignupCode(cd)) return sendPage(reply, 'error.njk', { title: t.signupTitle, message: input.invalidLink });
    return sendPage(reply, 'ebunsho/signup.njk', { title: t.signupTitle, cd });
  });

  app.post('/ebunsho/SignUp.do', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const [cd, userId, password] = [one(body.cd), one(body.userId), one(body.password)];
    const user = state.bySignupCode(cd);
    if (!user) return sendPage(reply, 'error.njk', { title: t.signupTitle, message: input.invalidLink });
    const form = (error: string) => sendPage(reply, 'ebunsho/signup.njk', { title: t.signupTitle, cd, userId, error });
    const problem =
      checkField(userId, { label: t.userIdLabel, max: 32, alnum: true }) ??
      checkField(password, { label: t.passwordLabel, max: 64, alnum: true });
    if (problem) return form(problem);
    if (user.userId !== userId || user.password !== password) return form(input.loginFailed);
    const cert = peerCertificate(req);
    if (!cert) return form(input.loginFailed);
    const holder = state.byCertificate(cert.fingerprint256);
    if (holder && holder.userId !== user.userId) return form('この証明書は既に別のユーザで使用されています。');
    if (user.boundCertFingerprint && user.boundCertFingerprint !== cert.fingerprint256)
      return form('このユーザは既にサインアップ済みです。');
    if (!ctx.faults.has('signup-not-bound')) user.boundCertFingerprint = cert.fingerprint256;
    return sendPage(reply, 'ebunsho/signup-done.njk', { title: t.signupDoneTitle });
  });

  // --- Login (UrlExclusive.do) ---------------------------------------------------------
  app.get('/ebunsho/UrlExclusive.do', async (req, reply) =>
    sendPage(reply, 'ebunsho/login.njk', { title: t.loginTitle, action: '/ebunsho/UrlExclusive.do', certSeal: ctx.urls.webra1 + '/scira/doc/pfm20pub/index.html' }),
  );

  app.post('/ebunsho/UrlExclusive.do', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const [userId, password] = [one(body.userId), one(body.password)];
    const form = (error: string) =>
      sendPage(reply, 'ebunsho/login.njk', { title: t.loginTitle, action: '/ebunsho/UrlExclusive.do', userId, error });
    const problem =
      checkField(userId, { label: t.userIdLabel, max: 32, alnum: true }) ??
      checkField(password, { label: t.passwordLabel, max: 64 });
    if (problem) return form(problem);
    const user = state.get(userId);
    if (!user) return form(input.loginFailed);
    if (user.status === 'invalid') return errorCode(reply, ERROR.invalid);
    if (user.locked) return errorCode(reply, ERROR.locked);
    if (user.kind === 'certless') return errorCode(reply, ERROR.wrongUrl);
    const cert = peerCertificate(req);
    if (!user.boundCertFingerprint || !cert || cert.fingerprint256 !== user.boundCertFingerprint)
      return errorCode(reply, ERROR.notSignedUp);
    if (user.password !== password) {
      user.failedLogins += 1;
      if (user.failedLogins >= LOCK_AFTER_FAILURES) {
        user.locked = true;
        return errorCode(reply, ERROR.locked);
      }
      return form(input.loginFailed);
    }
    user.failedLogins = 0;
    user.lastLoginAt = user.clock.nowMs();
    startSession(state, req, reply, user);
    return reply.redirect('/ebunsho/ServiceTop.do', 303);
  });

  // --- Service TOP ---------------------------------------------------------------------
  app.get('/ebunsho/ServiceTop.do', async (req, reply) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    return sendPage(
      reply,
      'ebunsho/top.njk',
      pageContext(user, {
        title: t.serviceTop,
        tab: 'top',
        mustChangePassword: user.mustChangePassword,
        disk: ctx.faults.has('top-without-disk-table') ? null : { contract: '150GB', used: '55.0GB', rate: '36.8', warn: true },
      }),
    );
  });

  // --- 本人情報 (TJK): the user's record and the ways to パスワード変更 / 証明書管理 ----------
  app.get('/ebunsho/Profile.do', async (req, reply) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    return sendPage(reply, 'ebunsho/profile.njk', pageContext(user, { title: t.tabs.profile, tab: 'profile' }));
  });

  app.get('/ebunsho/Logout.do', async (req, reply) => {
    endSession(state, req, reply);
    return reply.redirect('/ebunsho/UrlExclusive.do', 303);
  });
}
