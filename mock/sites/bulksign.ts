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
import { alnumField, fieldOf, fields, MESSAGES, NO_CONTROL, NO_FIELDS, NO_INPUT, shapedField, textField, type InputFailure } from '../input-schema';
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

/** A date of the search form (<input type="date">): required once searched, a real date. */
const searchDate = (label: string) => ({
  type: 'string',
  minLength: 1,
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  format: 'date',
  [MESSAGES]: { required: input.required(label), minLength: input.required(label), default: t.badDate(label) },
});
/** A free-text search field: up to 256 characters, no control characters. */
const searchText = (label: string) => ({
  type: 'string',
  maxLength: 256,
  pattern: NO_CONTROL,
  [MESSAGES]: { maxLength: input.tooLong(label, 256), default: t.invalidChars(label) },
});
/** The shapes of BS10's forms; the rules of the service (locks, OTP validity, the PIN policy) are the handlers'. */
const schemas = {
  login: { body: fields({ userId: alnumField(t.userIdLabel, 32), password: alnumField(t.passwordLabel, 64) }) },
  otp: {
    body: fields({
      otp: { type: 'string', default: '', minLength: 1, pattern: `^[0-9]{${OTP_DIGITS}}$`, [MESSAGES]: { type: input.required(t.otpLabel), minLength: input.required(t.otpLabel), pattern: t.otpFormat } },
    }),
  },
  setup: { body: fields({ choice: shapedField({ enum: ['sign', 'nosign'] }, t.chooseSign) }) },
  pin: { body: fields({ pin: textField(input.required(t.newPin)), pinConfirm: textField(input.required(t.confirmPin)) }) },
  // Any parameter makes it a search (the form sends them all): then both dates are required.
  search: {
    querystring: fields(
      {
        from: searchDate(t.search.registeredFrom),
        to: searchDate(t.search.registeredTo),
        folder: searchText(t.search.folder),
        fileName: searchText(t.search.fileName),
        // Unknown values fall back to すべて (the handler's), as the select would.
        target: { type: 'string' },
        signStatus: { type: 'string' },
      },
      { extra: { if: { minProperties: 1 }, then: { required: ['from', 'to'] } } },
    ),
  },
};

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

  const noInput = { schema: NO_INPUT };
  app.get('/', noInput, async (req, reply) => reply.redirect(P.login, 303));
  app.get(BASE, noInput, async (req, reply) => reply.redirect(P.login, 303));
  app.get(`${BASE}/`, noInput, async (req, reply) => reply.redirect(P.login, 303));

  // --- 1-2) ログイン: ID + password → OTP mail ---------------------------------------------
  app.get(P.login, noInput, async (req, reply) => loginForm(reply));

  // Malformed input: the form again with its message; nothing counts towards the lock, no OTP is sent.
  const loginRefused = (req: FastifyRequest, reply: FastifyReply, failure: InputFailure) =>
    loginForm(reply, { userId: fieldOf(req.body, 'userId'), error: failure.message });

  app.post<{ Body: { userId: string; password: string } }>(P.login, { schema: schemas.login, config: { invalidInput: loginRefused } }, async (req, reply) => {
    const { userId, password } = req.body;
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
  app.get(P.otp, noInput, async (req, reply) => {
    const attempt = store.attempt(req.cookies[ATTEMPT_COOKIE]);
    // A used attempt still shows its form (the browser's Back): the OTP is refused on submit.
    if (!attempt || (attempt.state !== 'pending' && attempt.state !== 'used')) return loginForm(reply, { error: input.sessionExpired });
    return otpForm(reply, attempt.state === 'pending' ? { notice: t.otpSent } : {});
  });

  /** The login attempt the OTP form belongs to, or the login form that says it has expired (sent). */
  const currentAttempt = (req: FastifyRequest, reply: FastifyReply) => {
    const attempt = store.attempt(req.cookies[ATTEMPT_COOKIE]);
    const found = attempt ? store.user(attempt.userId) : undefined;
    if (!attempt || !found) {
      void loginForm(reply, { error: input.sessionExpired });
      return null;
    }
    return { attempt, ...found };
  };
  const otpRefused = (req: FastifyRequest, reply: FastifyReply, failure: InputFailure) =>
    currentAttempt(req, reply) ? otpForm(reply, { error: failure.message }) : reply;

  app.post<{ Body: { otp: string } }>(P.otp, { schema: schemas.otp, config: { invalidInput: otpRefused } }, async (req, reply) => {
    const current = currentAttempt(req, reply);
    if (!current) return reply;
    const { attempt, user, account } = current;
    const { otp } = req.body;
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
  app.get(P.setup, noInput, async (req, reply) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    if (s.account.pinHash) return reply.redirect(P.myPage, 303);
    return page(reply, 'setup.njk', setupContext(s, { title: t.setupTitle }));
  });

  const setupRefused = (req: FastifyRequest, reply: FastifyReply, failure: InputFailure) => {
    const s = signedIn(req, reply);
    return s ? page(reply, 'setup.njk', setupContext(s, { title: t.setupTitle, error: failure.message })) : reply;
  };

  app.post<{ Body: { choice: 'sign' | 'nosign' } }>(P.setup, { schema: schemas.setup, config: { invalidInput: setupRefused } }, async (req, reply) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    const { choice } = req.body;
    if (s.account.pinHash) return reply.redirect(P.myPage, 303);
    s.account.choice = choice;
    return reply.redirect(choice === 'sign' ? P.setupUser : P.myPage, 303);
  });

  // --- 2-b: ユーザ情報の確認 → the certificate is requested ----------------------------------
  app.get(P.setupUser, noInput, async (req, reply) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    if (s.account.choice !== 'sign') return reply.redirect(P.setup, 303);
    return page(reply, 'setup-user.njk', setupContext(s, { title: t.setupTitle }));
  });

  const requesting = new WeakSet<BulkSignAccount>();
  app.post(P.setupUser, { schema: { body: NO_FIELDS } }, async (req, reply) => {
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

  app.get(P.setupWait, noInput, async (req, reply) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    if (!s.account.certificate) return reply.redirect(P.setupUser, 303);
    if (ready(s)) return reply.redirect(P.setupPin, 303);
    return page(reply, 'setup-wait.njk', setupContext(s, { title: t.setupTitle, statusUrl: P.setupStatus }));
  });

  // Held open until the user's clock reaches the end of the preparation (no polling loop).
  app.get(P.setupStatus, noInput, async (req, reply) => {
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

  app.get(P.setupPin, noInput, async (req, reply) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    if (s.account.pinHash) return reply.redirect(P.myPage, 303);
    if (!ready(s)) return reply.redirect(P.setupWait, 303);
    return step2(reply, s);
  });

  /** STEP2 as it stands for this session, or where the session belongs instead (sent). */
  const atStep2 = (req: FastifyRequest, reply: FastifyReply): Signed | null => {
    const s = signedIn(req, reply);
    if (!s) return null;
    if (s.account.pinHash) void reply.redirect(P.myPage, 303);
    else if (!ready(s)) void reply.redirect(P.setupWait, 303);
    else return s;
    return null;
  };
  const pinRefused = (req: FastifyRequest, reply: FastifyReply, failure: InputFailure) => {
    const s = atStep2(req, reply);
    return s ? step2(reply, s, failure.message) : reply;
  };

  app.post<{ Body: { pin: string; pinConfirm: string } }>(P.setupPin, { schema: schemas.pin, config: { invalidInput: pinRefused } }, async (req, reply) => {
    const s = atStep2(req, reply);
    if (!s) return reply;
    const { pin, pinConfirm } = req.body;
    const problem = checkPin(pin, pinConfirm, PIN_LABELS);
    if (problem) return step2(reply, s, problem);
    s.account.pinHash = hashPin(pin);
    return page(reply, 'setup-done.njk', setupContext(s, { title: t.pinDoneTitle }));
  });

  // --- 2-g: マイページ ------------------------------------------------------------------------
  /** マイページ with its search form as sent (the defaults before any search), and the refusal if any. */
  const myPage = (req: FastifyRequest, reply: FastifyReply, error: string | null) => {
    const s = signedIn(req, reply);
    if (!s) return reply;
    const q = req.query;
    const searched = q !== null && typeof q === 'object' && Object.keys(q).length > 0;
    const now = s.user.clock.nowMs();
    const form = {
      target: oneOf(fieldOf(q, 'target'), ['all', 'view', 'sign'], 'all'),
      signStatus: oneOf(fieldOf(q, 'signStatus'), ['all', 'unsigned', 'signing', 'signed'], 'all'),
      from: searched ? fieldOf(q, 'from') : isoDate(addMonths(now, -3)),
      to: searched ? fieldOf(q, 'to') : isoDate(now),
      folder: fieldOf(q, 'folder'),
      fileName: fieldOf(q, 'fileName'),
    };
    return page(reply, 'my-page.njk', setupContext(s, { title: t.myPage, tabs: true, form, error }));
  };
  app.get(P.myPage, { schema: schemas.search, config: { invalidInput: (req, reply, failure) => myPage(req, reply, failure.message) } }, async (req, reply) =>
    myPage(req, reply, null),
  );

  app.get(P.logout, noInput, async (req, reply) => {
    store.endSession(req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: BASE });
    reply.clearCookie(ATTEMPT_COOKIE, { path: BASE });
    return reply.redirect(P.login, 303);
  });
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
