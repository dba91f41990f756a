/**
 * What every エコ文書 page module shares: the two entries, the error codes of EG18/EG25 2-2,
 * the password-failure rule, the login guard and the header context.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ebunsho as t } from '../texts';
import type { MockContext } from '../context';
import { formatDateTime } from '../format';
import { currentSession } from '../session';
import { sendPage } from '../site';
import type { User } from '../state';

/** IM12 1: "パスワードを6回続けて間違えますと、ユーザ ID がロックして…" (TJK: 連続6回). */
export const LOCK_AFTER_FAILURES = 6;

/** EG18/EG25 2-2 「このサービスをご利用できません。」 */
export const ERROR = {
  /** ユーザのステータスが無効となっています。 */
  invalid: 42,
  /** ユーザのアクセスした URL が間違っています。(証明書を利用しないユーザのみ) */
  wrongUrl: 44,
  /** パスワードを複数回間違えたためアカウントロックされています。 */
  locked: 46,
  /** 証明書のサインアップが完了していません。 */
  notSignedUp: 53,
} as const;

/**
 * The two hosts of エコ文書: `certificate` (ds.e-kakushin.com, client certificate required) and
 * `certless` (ds-nc.e-kakushin.com, EG25 2-1 9.: the entry of users without a certificate).
 */
export type Entry = 'certificate' | 'certless';

export interface EbunshoOptions {
  /** Consecutive wrong passwords that lock the user ID; only meta tests change it. */
  lockAfterFailures?: number;
}

/** What a page module of one entry is given. */
export interface EbunshoSite {
  ctx: MockContext;
  entry: Entry;
  lockAfterFailures: number;
}

export function pageContext(user: User, extra: Record<string, unknown> = {}) {
  return { user, lastLogin: formatDateTime(user.lastLoginAt), ...extra };
}

/** Pages behind login: the session, for the same certificate and host, or back to the login page. */
export function requireLogin(state: MockContext['state'], req: FastifyRequest, reply: FastifyReply): User | null {
  const current = currentSession(state, req);
  if (!current) {
    void reply.redirect('/ebunsho/UrlExclusive.do');
    return null;
  }
  return current.user;
}

/** 「このサービスをご利用できません。」 with its code, on the login page's frame. */
export function sendErrorCode(reply: FastifyReply, code: number) {
  return sendPage(reply, 'ebunsho/error-code.njk', { title: t.loginTitle, code });
}

/**
 * A wrong password where IM12 1 says the password is used (サインアップ, ログイン, 初期パスワード
 * 変更): counts towards the lock, which falls on exactly the Nth consecutive failure.
 */
export function countWrongPassword(site: EbunshoSite, user: User): 'refused' | 'locked' {
  user.failedLogins += 1;
  if (user.failedLogins >= site.lockAfterFailures) {
    user.locked = true;
    return 'locked';
  }
  return 'refused';
}

/** A user of the bulk e-signature system is no エコ文書 user. */
export function ebunshoUser(state: MockContext['state'], userId: string): User | undefined {
  const user = state.get(userId);
  return user && user.kind !== 'bulksign' ? user : undefined;
}
