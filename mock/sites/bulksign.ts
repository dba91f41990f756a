/**
 * The bulk e-signature system (BS10), on its own host without client certificates:
 * ID + password → a one-time password by mail → 署名用証明書セットアップ (電子署名を行う →
 * user information → the certificate's preparation → STEP2 署名用暗証コードの初期設定) →
 * 署名用暗証コードの登録 完了 → マイページ. The rules are in ../bulksign-state.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bulkSign as t, input } from '../texts';
import { sendOtpMail } from '../bulksign-provision';
import { BULK_SIGN_ERROR, bulkSignStore, CERT_PREPARATION_MS, OTP_DIGITS, PASSWORD_FAILURES_TO_LOCK, type BulkSignAccount } from '../bulksign-state';
import { untilClock } from '../clock-events';
import type { MockContext } from '../context';
import { certificateTable, hashPin, issueSigningFor } from '../signing-certificate';
import { checkPin } from '../signing-pin';
import { sendPage } from '../site';
import type { User } from '../state';
import { checkField, one } from '../validate';
import { faulty } from '../faults';

const BASE = '/bulksign';
export const BULK_SIGN_PATHS = {
  login: `${BASE}/Login.do`,
  otp: `${BASE}/Otp.do`,
  setup: `${BASE}/Setup.do`,
  setupUser: `${BASE}/SetupUser.do`,
  setupWait: `${BASE}/SetupWait.do`,
  setupStatus: `${BASE}/SetupStatus.do`,
  setupPin: `${BASE}/SetupPin.do`,
  myPage: `${BASE}/MyPage.do`,
  logout: `${BASE}/Logout.do`,
} as const;
const P = BULK_SIGN_PATHS;

const ATTEMPT_COOKIE = 'BSATTEMPT';
const SESSION_COOKIE = 'BSSESSION';
const COOKIE = { path: BASE, httpOnly: true, secure: true, sameSite: 'lax' as const };
/** How long one status request of the waiting page is held open (real time) before it answers "not yet". */
export const STATUS_HOLD_MS = 20_000;
const PIN_LABELS = { pin: t.newPin, confirm: t.confirmPin };
const OTP_FORMAT = new RegExp(`^[0-9]{${OTP_DIGITS}}$`);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Signed = { user: User; account: BulkSignAccount };

export function registerBulkSign(app: FastifyInstance, ctx: MockContext) {
  const store = bulkSignStore(ctx.state);
  const page = (reply: FastifyReply, view: string, context: Record<string, unknown>) => sendPage(reply, `bulksign/${view}`, context);
  const errorCode = (reply: FastifyReply, code: number, message: string) =>
    page(reply, 'error-code.njk', { title: t.errorTitle, code, message });
  const loginForm = (reply: FastifyReply, context: Record<string, unknown> = {}) => page(reply, 'login.njk', { title: t.loginTitle, ...context });
  const otpForm = (reply: FastifyReply, context: Record<string, unknown> = {}) => page(reply, 'otp.njk', { title: t.otpTitle, ...context });
  const signedIn = (req: FastifyRequest, reply: FastifyReply): Signed | null => {
    const found = store.session(req.cookies[SESSION_COOKIE]);
    if (!found) void reply.redirect(P.login, 303);
    return found ?? null;
  };
  const setupContext = (s: Signed, extra: Record<string, unknown> = {}) => ({ user: s.user, ...extra });

  app.get('/', async (req, reply) => reply.redirect(P.login, 303));
  app.get(BASE, async (req, reply) => reply.redirect(P.login, 303));
  app.get(`${BASE}/`, async (req, reply) => reply.redirect(P.login, 303));

  // --- 1-2) ログイン: ID + password → OTP mail ---------------------------------------------
  app.get(P.login, async (req, reply) => loginForm(reply));

  app.post(P.login, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const [userId, password] = [one(body.userId), one(body.password)];
    const problem =
      checkField(userId, { label: t.userIdLabel, max: 32, alnum: true }) ??
      checkField(password, { label: t.passwordLabel, max: 64, alnum: true });
    if (problem) return loginForm(reply, { userId, error: problem });
    const found = store.user(userId);
    if (!found) return loginForm(reply, { userId, error: input.loginFailed });
    const { user, account } = found;
    if (user.locked || user.status === 'invalid') return errorCode(reply, BULK_SIGN_ERROR.locked, t.accountLocked);
    if (user.password !== password) {
      user.failedLogins += 1;
      if (user.failedLogins >= PASSWORD_FAILURES_TO_LOCK + (faulty('bulksign-password-lock-late') ? 1 : 0)) {
        user.locked = true;
        return errorCode(reply, BULK_SIGN_ERROR.locked, t.accountLocked);
      }
      return loginForm(reply, { userId, error: input.loginFailed });
    }
    user.failedLogins = 0;
    if (store.isExpired(user, account)) return errorCode(reply, BULK_SIGN_ERROR.expired, t.loginExpired);
    const attempt = store.startAttempt(user);
    await sendOtpMail(ctx, user, attempt.otp);
    reply.setCookie(ATTEMPT_COOKIE, attempt.id, COOKIE);
    return reply.redirect(P.otp, 303);
  });

  // --- 1-2) d-e: the one-time password ---------------------------------------------------------
  app.get(P.otp, async (req, reply) => {
    const attempt = store.attempt(req.cookies[ATTEMPT_COOKIE]);
    // A used attempt still shows its form (the browser's Back): the OTP is refused on submit.
    if (!attempt || (attempt.state !== 'pending' && attempt.state !== 'used')) return loginForm(reply, { error: input.sessionExpired });
    return otpForm(reply, attempt.state === 'pending' ? { notice: t.otpSent } : {});
  });

  app.post(P.otp, async (req, reply) => {
    const attempt = store.attempt(req.cookies[ATTEMPT_COOKIE]);
    const found = attempt ? store.user(attempt.userId) : undefined;
    if (!attempt || !found) return loginForm(reply, { error: input.sessionExpired });
    const { user, account } = found;
    const otp = one(((req.body ?? {}) as Record<string, unknown>).otp);
    if (otp.length === 0) return otpForm(reply, { error: input.required(t.otpLabel) });
    if (!OTP_FORMAT.test(otp)) return otpForm(reply, { error: t.otpFormat });
    switch (store.verifyOtp(attempt, user, account, otp)) {
      case 'locked':
        return errorCode(reply, BULK_SIGN_ERROR.locked, t.accountLocked);
      case 'wrong':
        return otpForm(reply, { error: t.otpWrong });
      case 'used':
        return loginForm(reply, { error: t.otpUsed });
      case 'expired':
        return loginForm(reply, { error: t.otpExpired });
      case 'void':
        return loginForm(reply, { error: input.sessionExpired });
      case 'ok':
        break;
    }
    // The expiry may have passed while the mail was on its way.
    if (store.isExpired(user, account)) return errorCode(reply, BULK_SIGN_ERROR.expired, t.loginExpired);
    user.lastLoginAt = user.clock.nowMs();
    reply.setCookie(SESSION_COOKIE, store.openSession(user).id, COOKIE);
    return reply.redirect(account.pinHash || account.choice === 'nosign' ? P.myPage : P.setup, 303);
  });

  // --- 2-a: 電子署名の実施要否 ---------------------------------------------------------------
  app.get(P.setup, async (req, reply) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    if (s.account.pinHash) return reply.redirect(P.myPage, 303);
    return page(reply, 'setup.njk', setupContext(s, { title: t.setupTitle }));
  });

  app.post(P.setup, async (req, reply) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    const choice = one(((req.body ?? {}) as Record<string, unknown>).choice);
    if (choice !== 'sign' && choice !== 'nosign') return page(reply, 'setup.njk', setupContext(s, { title: t.setupTitle, error: t.chooseSign }));
    if (s.account.pinHash) return reply.redirect(P.myPage, 303);
    s.account.choice = choice;
    return reply.redirect(choice === 'sign' ? P.setupUser : P.myPage, 303);
  });

  // --- 2-b: ユーザ情報の確認 → the certificate is requested ----------------------------------
  app.get(P.setupUser, async (req, reply) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    if (s.account.choice !== 'sign') return reply.redirect(P.setup, 303);
    return page(reply, 'setup-user.njk', setupContext(s, { title: t.setupTitle }));
  });

  const requesting = new WeakSet<BulkSignAccount>();
  app.post(P.setupUser, async (req, reply) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    if (s.account.choice !== 'sign') return reply.redirect(P.setup, 303);
    // One certificate per account: a second 次へ (or a replayed form) goes to the same wait.
    if (!s.account.certificate && !requesting.has(s.account)) {
      requesting.add(s.account);
      try {
        s.account.certificate = await issueSigningFor(ctx.pki, s.user, CERT_PREPARATION_MS);
      } finally {
        requesting.delete(s.account);
      }
    }
    return reply.redirect(P.setupWait, 303);
  });

  // --- 2-c: 次の画面が表示されるまでお待ちください ---------------------------------------------
  const ready = (s: Signed) => !!s.account.certificate && s.user.clock.nowMs() >= s.account.certificate.readyAt;

  app.get(P.setupWait, async (req, reply) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    if (!s.account.certificate) return reply.redirect(P.setupUser, 303);
    if (ready(s)) return reply.redirect(P.setupPin, 303);
    return page(reply, 'setup-wait.njk', setupContext(s, { title: t.setupTitle, statusUrl: P.setupStatus }));
  });

  // Held open until the user's clock reaches the end of the preparation (no polling loop).
  app.get(P.setupStatus, async (req, reply) => {
    const s = store.session(req.cookies[SESSION_COOKIE]);
    if (!s) return reply.code(401).send({ ready: false, next: P.login });
    const cert = s.account.certificate;
    if (!cert) return { ready: false, next: P.setupUser };
    const abort = new AbortController();
    reply.raw.on('close', () => abort.abort());
    const done = await untilClock(s.user, cert.readyAt, STATUS_HOLD_MS, abort.signal);
    return done ? { ready: true, next: P.setupPin } : { ready: false };
  });

  // --- 2-d/e: STEP2 署名用暗証コードの初期設定 ------------------------------------------------
  const step2 = (reply: FastifyReply, s: Signed, error?: string) =>
    page(reply, 'setup-pin.njk', setupContext(s, { title: t.step2Title, error, table: certificateTable(s.account.certificate!.certPem) }));

  app.get(P.setupPin, async (req, reply) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    if (s.account.pinHash) return reply.redirect(P.myPage, 303);
    if (!ready(s)) return reply.redirect(P.setupWait, 303);
    return step2(reply, s);
  });

  app.post(P.setupPin, async (req, reply) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    if (s.account.pinHash) return reply.redirect(P.myPage, 303);
    if (!ready(s)) return reply.redirect(P.setupWait, 303);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const problem = checkPin(one(body.pin), one(body.pinConfirm), PIN_LABELS);
    if (problem) return step2(reply, s, problem);
    s.account.pinHash = hashPin(one(body.pin));
    return page(reply, 'setup-done.njk', setupContext(s, { title: t.pinDoneTitle }));
  });

  // --- 2-g: マイページ ------------------------------------------------------------------------
  app.get(P.myPage, async (req, reply) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    const q = req.query as Record<string, unknown>;
    const searched = Object.keys(q).length > 0;
    const now = s.user.clock.nowMs();
    const defaults = { from: isoDate(addMonths(now, -3)), to: isoDate(now) };
    const form = {
      target: oneOf(one(q.target), ['all', 'view', 'sign'], 'all'),
      signStatus: oneOf(one(q.signStatus), ['all', 'unsigned', 'signing', 'signed'], 'all'),
      from: searched ? one(q.from) : defaults.from,
      to: searched ? one(q.to) : defaults.to,
      folder: one(q.folder),
      fileName: one(q.fileName),
    };
    const error = searched ? checkSearch(form) : null;
    return page(reply, 'my-page.njk', setupContext(s, { title: t.myPage, tabs: true, form, error }));
  });

  app.get(P.logout, async (req, reply) => {
    store.endSession(req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: BASE });
    reply.clearCookie(ATTEMPT_COOKIE, { path: BASE });
    return reply.redirect(P.login, 303);
  });
}

function checkSearch(form: { from: string; to: string; folder: string; fileName: string }): string | null {
  const s = t.search;
  for (const [label, value] of [[s.registeredFrom, form.from], [s.registeredTo, form.to]] as const) {
    if (value === '') return input.required(label);
    if (!DATE.test(value) || Number.isNaN(Date.parse(value))) return t.badDate(label);
  }
  for (const [label, value] of [[s.folder, form.folder], [s.fileName, form.fileName]] as const) {
    if (value.length > 256) return input.tooLong(label, 256);
    if (/[\u0000-\u001f\u007f]/.test(value)) return t.invalidChars(label);
  }
  return null;
}

const oneOf = <T extends string>(v: string, allowed: readonly T[], fallback: T): T => ((allowed as readonly string[]).includes(v) ? (v as T) : fallback);

/** Dates of the search form, in Japan time (yyyy-mm-dd for <input type="date">). */
function isoDate(ms: number): string {
  return new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}
