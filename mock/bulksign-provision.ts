/**
 * Registering a bulk e-signature user as its administrator would (BS10 1-1): the account
 * and the two 【あんしん電子契約ライト】ユーザ登録のご連絡 mails — to the user without the
 * credentials (①), to the administrator with the ID, password and ログイン有効期限 (②) —
 * from the @pa.e-kakushin.com sender BS10 asks users to allow.
 */
import { mail as m } from './texts';
import { bulkSignStore, type BulkSignAccount } from './bulksign-state';
import type { MockContext } from './context';
import { formatDateTime } from './format';
import { SENDERS } from './mailer';
import type { User } from './state';

export interface BulkSignProvisioning {
  adminEmail?: string;
  adminName?: string;
  /** ISO date-time; default LOGIN_VALIDITY_DAYS from now on the user's clock. */
  loginExpiresAt?: string;
}

export function bulkSignLoginUrl(ctx: MockContext): string {
  return `${ctx.urls.bulksign}/bulksign/Login.do`;
}

export function createBulkSignAccount(ctx: MockContext, user: User, req: BulkSignProvisioning): BulkSignAccount {
  return bulkSignStore(ctx.state).create(user, {
    adminEmail: req.adminEmail ?? `admin-${user.userId}@onboarding.test`,
    adminName: req.adminName ?? '管理者 一郎',
    loginExpiresAt: req.loginExpiresAt ? Date.parse(req.loginExpiresAt) : undefined,
  });
}

export async function sendBulkSignMails(ctx: MockContext, user: User, account: BulkSignAccount): Promise<void> {
  const context = {
    user,
    adminName: account.adminName,
    loginExpiry: formatDateTime(account.loginExpiresAt),
    loginUrl: bulkSignLoginUrl(ctx),
  };
  await ctx.mailer.send({ from: SENDERS.bulkSign, to: user.email, subject: m.bulkSignRegistrationSubject, template: 'bulksign-user.njk', context });
  await ctx.mailer.send({
    from: SENDERS.bulkSign,
    to: account.adminEmail,
    subject: m.bulkSignRegistrationSubject,
    template: 'bulksign-admin.njk',
    context: { ...context, password: user.password },
  });
}

export async function sendOtpMail(ctx: MockContext, user: User, otp: string): Promise<void> {
  await ctx.mailer.send({ from: SENDERS.bulkSign, to: user.email, subject: m.otpSubject, template: 'bulksign-otp.njk', context: { user, otp } });
}
