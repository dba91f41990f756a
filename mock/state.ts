/**
 * The mock's domain state: users, issuance applications, bound certificates and sessions.
 * It lives in memory because the mock is a test double of the service; every test
 * provisions its own user, so nothing here is shared between workers.
 */
import crypto from 'node:crypto';
import { Clock } from './clock';

export type UserKind = 'cert' | 'certless' | 'bulksign';
export type ChainName = 'pub-ca1' | 'pub-ca8' | 'rsa-ca16';
export type UserStatus = 'active' | 'invalid';

export interface IssuanceApplication {
  /** Query parameters of the per-user issuance URL (Entrance.jsp?p1=..&p2=..&p3=..). */
  p1: string;
  p2: string;
  p3: string;
  /** 認証情報パスワード: one-time. */
  password: string;
  state: 'approved' | 'unapproved' | 'consumed' | 'superseded';
  /** "legacy" reproduces EG18's IE-only site (EG18-1-1). */
  browserPolicy: 'any' | 'legacy';
  chain: ChainName;
  issuedSerial?: string;
}

export interface User {
  userId: string;
  kind: UserKind;
  email: string;
  name: string;
  nameRomaji: string;
  company: string;
  companyRomaji: string;
  status: UserStatus;
  password: string;
  /** True until the initial password is changed (LOGIN-FIRST). */
  mustChangePassword: boolean;
  failedLogins: number;
  locked: boolean;
  lastLoginAt: number | null;
  /** Signup code (SignUp.do?cd=...). */
  signupCode: string;
  /** SHA-256 fingerprint of the certificate bound at signup (SIGNUP-OK). */
  boundCertFingerprint: string | null;
  application: IssuanceApplication;
  clock: Clock;
  createdAt: number;
}

/** A refused client certificate (mock/tls-front.ts): what the server saw and the alert it sent. */
export interface TlsRefusalRecord {
  seq: number;
  at: string;
  fingerprint256: string | null;
  subjectCN: string | null;
  verifyError: string;
  alert: number;
  alertName: string;
}

export interface Session {
  id: string;
  userId: string;
  /** The session belongs to one client certificate; another certificate cannot reuse it. */
  certFingerprint: string | null;
  host: string;
}

export const randomDigits = (n: number) =>
  Array.from({ length: n }, () => crypto.randomInt(0, 10)).join('');
export const randomToken = (bytes = 12) => crypto.randomBytes(bytes).toString('hex');

/**
 * How many sessions a host keeps. The service's session timeout is not documented, and an
 * expiry on the mock's clock would log a user out whenever a spec moves that clock by a
 * year; a bound keeps memory flat instead: a client that logs in without ever logging out
 * (a load run, a crawler) evicts the oldest session, not the process.
 */
export const MAX_SESSIONS = 10_000;

/** Adds `value` to `sessions`, evicting the oldest entries beyond MAX_SESSIONS (a Map keeps insertion order). */
export function keepSession<V>(sessions: Map<string, V>, id: string, value: V): void {
  sessions.set(id, value);
  for (const oldest of sessions.keys()) {
    if (sessions.size <= MAX_SESSIONS) break;
    sessions.delete(oldest);
  }
}
/** Half-width alphanumerics, as the documents require for passwords; no look-alike characters. */
export function randomPassword(length = 10): string {
  const lower = 'abcdefghijkmnpqrstuvwxyz';
  const digits = '23456789';
  const all = lower + digits + 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const chars = [lower[crypto.randomInt(lower.length)], digits[crypto.randomInt(digits.length)]];
  while (chars.length < length) chars.push(all[crypto.randomInt(all.length)]);
  return chars.sort(() => crypto.randomInt(3) - 1).join('');
}

export class MockState {
  readonly users = new Map<string, User>();
  readonly sessions = new Map<string, Session>();
  /** Client certificates the エコ文書 certificate host refused in the handshake (EG-2-1), newest last. */
  readonly tlsRefusals: TlsRefusalRecord[] = [];
  private nextRefusalSeq = 1;
  private nextUserId = 100000 + crypto.randomInt(0, 800000);

  newUserId(): string {
    let id: string;
    do id = String(this.nextUserId++);
    while (this.users.has(id));
    return id;
  }

  add(user: User): User {
    this.users.set(user.userId, user);
    return user;
  }

  get(userId: string): User | undefined {
    return this.users.get(userId);
  }

  byApplication(p1: string, p2: string, p3: string): User | undefined {
    for (const u of this.users.values()) {
      const a = u.application;
      if (a.p1 === p1 && a.p2 === p2 && a.p3 === p3) return u;
    }
    return undefined;
  }

  bySignupCode(cd: string): User | undefined {
    for (const u of this.users.values()) if (u.signupCode === cd) return u;
    return undefined;
  }

  byCertificate(fingerprint: string): User | undefined {
    for (const u of this.users.values()) if (u.boundCertFingerprint === fingerprint) return u;
    return undefined;
  }

  openSession(userId: string, certFingerprint: string | null, host: string): Session {
    const session: Session = { id: randomToken(24), userId, certFingerprint, host };
    keepSession(this.sessions, session.id, session);
    return session;
  }

  endSession(id: string): void {
    this.sessions.delete(id);
  }

  recordTlsRefusal(refusal: Omit<TlsRefusalRecord, 'seq'>): void {
    this.tlsRefusals.push({ seq: this.nextRefusalSeq++, ...refusal });
    // A bounded log: the specs only ask for their own, recent refusals.
    if (this.tlsRefusals.length > 1000) this.tlsRefusals.splice(0, this.tlsRefusals.length - 1000);
  }

  reset(): void {
    this.users.clear();
    this.sessions.clear();
  }
}
