/**
 * Accounts of the bulk e-signature system (BS10): login expiry, the one-time passwords
 * of login attempts, the lock counters and the setup wizard's progress.
 *
 * The rules BS10 leaves open are decided here, once, as named constants:
 * - 「ユーザID・パスワードを一定回数間違えると、アカウントがロックされます。」: the 一定回数 is
 *   PASSWORD_FAILURES_TO_LOCK wrong passwords in a row, or OTP_FAILURES_TO_LOCK wrong one-time
 *   passwords in a row; a correct answer resets its counter. Only well-formed answers count:
 *   a malformed entry (empty, full-width, too long) is bad input, not a guess.
 * - The one-time password is OTP_DIGITS half-width digits, valid for OTP_TTL_MS on the user's
 *   clock, for its own login attempt only (a new login voids the earlier attempt) and once.
 * - ログイン有効期限 defaults to LOGIN_VALIDITY_DAYS after registration.
 * - The signing certificate takes CERT_PREPARATION_MS (user's clock) to prepare (BS10 2-c).
 */
import crypto from 'node:crypto';
import type { IssuedSigningCertificate } from './signing-certificate';
import { keepSession, type MockState, type User } from './state';
import { faulty } from './faults';

export const PASSWORD_FAILURES_TO_LOCK = 5;
export const OTP_FAILURES_TO_LOCK = 3;
export const OTP_DIGITS = 6;
export const OTP_TTL_MS = 10 * 60_000;
export const LOGIN_VALIDITY_DAYS = 30;
export const CERT_PREPARATION_MS = 2 * 60_000;

/** The mock's error codes (BS10 shows the error screen but lists no codes). */
export const BULK_SIGN_ERROR = { get locked() { return faulty('bulksign-lock-code') ? 45 : 46; }, expired: 47 } as const;

export interface BulkSignAccount {
  adminEmail: string;
  adminName: string;
  /** ログイン有効期限, on the user's clock. */
  loginExpiresAt: number;
  otpFailures: number;
  /** 電子署名の実施要否 as chosen in the wizard. */
  choice: 'sign' | 'nosign' | null;
  certificate: IssuedSigningCertificate | null;
  pinHash: string | null;
}

export interface LoginAttempt {
  id: string;
  userId: string;
  otp: string;
  issuedAt: number;
  state: 'pending' | 'used' | 'expired' | 'void';
}

export interface BulkSignSession {
  id: string;
  userId: string;
}

export type OtpVerdict = 'ok' | 'wrong' | 'used' | 'expired' | 'void' | 'locked';

/** One store per mock instance (unit tests build several). */
export class BulkSignStore {
  private readonly accounts = new WeakMap<User, BulkSignAccount>();
  private readonly attempts = new Map<string, LoginAttempt>();
  private readonly sessions = new Map<string, BulkSignSession>();
  private readonly lastOtp = new Map<string, string>();

  constructor(private readonly state: MockState) {}

  create(user: User, options: { adminEmail: string; adminName: string; loginExpiresAt?: number }): BulkSignAccount {
    const account: BulkSignAccount = {
      adminEmail: options.adminEmail,
      adminName: options.adminName,
      loginExpiresAt: options.loginExpiresAt ?? user.clock.nowMs() + LOGIN_VALIDITY_DAYS * 24 * 60 * 60_000,
      otpFailures: 0,
      choice: null,
      certificate: null,
      pinHash: null,
    };
    this.accounts.set(user, account);
    return account;
  }

  account(user: User | undefined): BulkSignAccount | undefined {
    return user ? this.accounts.get(user) : undefined;
  }

  /** A bulk-sign user by ID, or undefined (also for users of the other systems). */
  user(userId: string): { user: User; account: BulkSignAccount } | undefined {
    const user = this.state.get(userId);
    const account = this.account(user);
    return user && account ? { user, account } : undefined;
  }

  isExpired(user: User, account: BulkSignAccount): boolean {
    return user.clock.nowMs() > account.loginExpiresAt;
  }

  /** A new login attempt voids the earlier ones: each OTP belongs to its own attempt. */
  startAttempt(user: User): LoginAttempt {
    for (const a of this.attempts.values()) if (a.userId === user.userId && a.state === 'pending') a.state = 'void';
    let otp: string;
    do otp = String(crypto.randomInt(0, 10 ** OTP_DIGITS)).padStart(OTP_DIGITS, '0');
    while (otp === this.lastOtp.get(user.userId));
    this.lastOtp.set(user.userId, otp);
    const attempt: LoginAttempt = { id: crypto.randomBytes(24).toString('hex'), userId: user.userId, otp, issuedAt: user.clock.nowMs(), state: 'pending' };
    this.attempts.set(attempt.id, attempt);
    return attempt;
  }

  attempt(id: string | undefined): LoginAttempt | undefined {
    return id ? this.attempts.get(id) : undefined;
  }

  /** Checks a well-formed OTP against its attempt and applies the lock rule. */
  verifyOtp(attempt: LoginAttempt, user: User, account: BulkSignAccount, otp: string): OtpVerdict {
    if (user.locked) return 'locked';
    if (attempt.state === 'used' && !faulty('bulksign-otp-reusable')) return 'used';
    if (attempt.state === 'void') return 'void';
    if (attempt.state === 'expired' || user.clock.nowMs() - attempt.issuedAt >= OTP_TTL_MS + (faulty('bulksign-otp-lives-longer') ? 60_000 : 0)) {
      attempt.state = 'expired';
      return 'expired';
    }
    const earlierAttempt = faulty('bulksign-otp-any-attempt') && [...this.attempts.values()].some((a) => a.otp === otp);
    if (otp !== attempt.otp && !earlierAttempt) {
      account.otpFailures += 1;
      if (account.otpFailures >= OTP_FAILURES_TO_LOCK + (faulty('bulksign-otp-lock-late') ? 1 : 0)) {
        user.locked = true;
        attempt.state = 'void';
        return 'locked';
      }
      return 'wrong';
    }
    attempt.state = 'used';
    account.otpFailures = 0;
    return 'ok';
  }

  openSession(user: User): BulkSignSession {
    const session = { id: crypto.randomBytes(24).toString('hex'), userId: user.userId };
    keepSession(this.sessions, session.id, session);
    return session;
  }

  session(id: string | undefined): { user: User; account: BulkSignAccount } | undefined {
    const s = id ? this.sessions.get(id) : undefined;
    return s ? this.user(s.userId) : undefined;
  }

  endSession(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }
}

const stores = new WeakMap<MockState, BulkSignStore>();

export function bulkSignStore(state: MockState): BulkSignStore {
  let s = stores.get(state);
  if (!s) {
    s = new BulkSignStore(state);
    stores.set(state, s);
  }
  return s;
}

/** What the admin API shows: counters, dates and serials, never a password, OTP or PIN. */
export function publicBulkSign(user: User, account: BulkSignAccount) {
  const cert = account.certificate;
  return {
    userId: user.userId,
    locked: user.locked,
    passwordFailures: user.failedLogins,
    otpFailures: account.otpFailures,
    loginExpiresAt: new Date(account.loginExpiresAt).toISOString(),
    adminEmail: account.adminEmail,
    choice: account.choice,
    certificate: cert
      ? { serialHex: cert.serialHex, requestedAt: new Date(cert.requestedAt).toISOString(), readyAt: new Date(cert.readyAt).toISOString() }
      : null,
    pinRegistered: account.pinHash !== null,
  };
}
