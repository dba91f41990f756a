/**
 * The エコ文書 signing certificate of each user (TJK 署名用証明書管理メニュー):
 *
 *   none ──新規発行──▶ preparing ──(minutes, user's clock)──▶ pin-due ──初期暗証コード登録──▶ ready
 *                          ▲                                     │                              │
 *                          └──────────────────再発行──────────────┴──────────────────────────────┘
 *
 * 再発行 replaces the certificate (new key, new serial) and therefore needs a new PIN.
 * Kept beside the user (a WeakMap on the User object), so it goes when the user goes.
 */
import type { MockContext } from './context';
import { hashPin, issueSigningFor, type IssuedSigningCertificate } from './signing-certificate';
import type { User } from './state';

/** TJK: 「署名用電子証明書を作成に数分程度お時間がかかります。」 — three minutes on the user's clock. */
export const SIGNING_PREPARATION_MS = 3 * 60_000;

export type SigningState = 'none' | 'preparing' | 'pin-due' | 'ready';

interface SigningRecord {
  current: IssuedSigningCertificate | null;
  pinHash: string | null;
  /** Serials of every certificate the user has had, oldest first. */
  serials: string[];
}

const records = new WeakMap<User, SigningRecord>();

export function signingRecord(user: User): SigningRecord {
  let r = records.get(user);
  if (!r) {
    r = { current: null, pinHash: null, serials: [] };
    records.set(user, r);
  }
  return r;
}

export function signingState(user: User): SigningState {
  const r = signingRecord(user);
  if (!r.current) return 'none';
  if (user.clock.nowMs() < r.current.readyAt) return 'preparing';
  return r.pinHash ? 'ready' : 'pin-due';
}

/** The certificate once it is prepared (never while preparing). */
export function readyCertificate(user: User): IssuedSigningCertificate | null {
  const s = signingState(user);
  return s === 'pin-due' || s === 'ready' ? signingRecord(user).current : null;
}

/** 新規発行 (from none) or 再発行 (from a prepared certificate); false when not allowed now. */
export async function requestSigningCertificate(ctx: MockContext, user: User, kind: 'new' | 'reissue'): Promise<boolean> {
  const state = signingState(user);
  if (kind === 'new' ? state !== 'none' : state !== 'pin-due' && state !== 'ready') return false;
  const r = signingRecord(user);
  // Claim the slot before the await: a double submit must not issue twice.
  const previous = r.current;
  r.current = { certPem: '', serialHex: '', requestedAt: user.clock.nowMs(), readyAt: Number.POSITIVE_INFINITY };
  try {
    r.current = await issueSigningFor(ctx.pki, user, SIGNING_PREPARATION_MS);
  } catch (err) {
    r.current = previous;
    throw err;
  }
  r.pinHash = null;
  r.serials.push(r.current.serialHex);
  return true;
}

export function registerSigningPin(user: User, pin: string): boolean {
  if (signingState(user) !== 'pin-due') return false;
  signingRecord(user).pinHash = hashPin(pin);
  return true;
}

/** What the admin API shows: states and serials, never the PIN. */
export function publicSigning(user: User) {
  const r = signingRecord(user);
  return {
    state: signingState(user),
    serialHex: r.current?.serialHex || null,
    requestedAt: r.current ? new Date(r.current.requestedAt).toISOString() : null,
    readyAt: r.current && Number.isFinite(r.current.readyAt) ? new Date(r.current.readyAt).toISOString() : null,
    pinRegistered: r.pinHash !== null,
    serials: [...r.serials],
  };
}
