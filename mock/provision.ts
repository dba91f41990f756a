/**
 * Provisioning a user as the service's administrator would: the user record, the
 * issuance application, and the two mails of TJK (ユーザー登録のご連絡, パスワードのご連絡).
 */
import { mail as m } from './texts';
import type { MockContext } from './context';
import { Clock } from './clock';
import { SENDERS } from './mailer';
import { createBulkSignAccount, sendBulkSignMails } from './bulksign-provision';
import { randomDigits, randomPassword, randomToken, type ChainName, type User, type UserKind } from './state';

export interface ProvisionRequest {
  kind?: UserKind;
  chain?: ChainName;
  email?: string;
  name?: string;
  nameRomaji?: string;
  company?: string;
  companyRomaji?: string;
  browserPolicy?: 'any' | 'legacy';
  approved?: boolean;
  sendMails?: boolean;
  /** kind 'bulksign': the administrator who receives the credentials, and ログイン有効期限 (ISO date-time). */
  adminEmail?: string;
  adminName?: string;
  loginExpiresAt?: string;
}

export interface ProvisionedUser {
  userId: string;
  kind: UserKind;
  email: string;
  chain: ChainName;
  /** kind 'bulksign': where the credentials mail went. */
  adminEmail?: string;
}

export function issuanceUrl(ctx: MockContext, user: User): string {
  const a = user.application;
  return `${ctx.urls.webra2}/scira/Entrance.jsp?p1=${a.p1}&p2=${a.p2}&p3=${a.p3}`;
}

export function signupUrl(ctx: MockContext, user: User): string {
  return `${ctx.urls.ds}/ebunsho/SignUp.do?cd=${user.signupCode}`;
}

export function loginUrl(ctx: MockContext, user: User): string {
  return user.kind === 'certless' ? `${ctx.urls.dsnc}/ebunsho/UrlExclusive.do` : `${ctx.urls.ds}/ebunsho/UrlExclusive.do`;
}

export function newApplication(chain: ChainName, browserPolicy: 'any' | 'legacy', approved: boolean) {
  return {
    p1: '1',
    p2: randomDigits(5),
    p3: randomToken(6),
    password: randomPassword(10),
    state: approved ? ('approved' as const) : ('unapproved' as const),
    browserPolicy,
    chain,
  };
}

export async function sendOnboardingMails(ctx: MockContext, user: User): Promise<void> {
  const context = {
    user,
    issuanceUrl: issuanceUrl(ctx, user),
    signupUrl: signupUrl(ctx, user),
    loginUrl: loginUrl(ctx, user),
  };
  await ctx.mailer.send({
    from: SENDERS.ebunsho,
    to: user.email,
    subject: m.registrationSubject,
    template: 'registration.njk',
    context,
  });
  await ctx.mailer.send({
    from: SENDERS.ebunsho,
    to: user.email,
    subject: m.passwordSubject,
    template: 'password.njk',
    context: {
      ...context,
      issuancePassword: ctx.faults.has('wrong-issuance-password') ? `${user.application.password}x` : user.application.password,
      loginPassword: user.password,
    },
  });
}

export async function provisionUser(ctx: MockContext, req: ProvisionRequest): Promise<ProvisionedUser> {
  const userId = ctx.state.newUserId();
  const kind = req.kind ?? 'cert';
  const chain = req.chain ?? 'pub-ca8';
  const user: User = ctx.state.add({
    userId,
    kind,
    email: req.email ?? `u${userId}@onboarding.test`,
    name: req.name ?? '健保 太郎',
    nameRomaji: req.nameRomaji ?? 'Kenpo Taro',
    company: req.company ?? 'TJK株式会社',
    companyRomaji: req.companyRomaji ?? 'TJK',
    status: 'active',
    password: randomPassword(10),
    mustChangePassword: true,
    failedLogins: 0,
    locked: false,
    lastLoginAt: null,
    signupCode: '000000' + randomDigits(6),
    boundCertFingerprint: null,
    application: newApplication(chain, req.browserPolicy ?? 'any', req.approved ?? true),
    clock: new Clock(),
    createdAt: Date.now(),
  });
  if (kind === 'bulksign') {
    // BS10 1-1: the bulk e-signature system's own two mails, not the エコ文書 onboarding.
    const account = createBulkSignAccount(ctx, user, req);
    if (req.sendMails !== false) await sendBulkSignMails(ctx, user, account);
    return { userId, kind, email: user.email, chain, adminEmail: account.adminEmail };
  }
  if (req.sendMails !== false) await sendOnboardingMails(ctx, user);
  return { userId, kind, email: user.email, chain };
}
