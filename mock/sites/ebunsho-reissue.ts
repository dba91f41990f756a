/**
 * パスワード再通知 (the login page's 「パスワードを忘れた方」; EG18/EG25 2-3): the registered
 * password is mailed to the registered address (REISSUE-OK) — unless the user has never
 * logged in or not in the past year on the user's clock (EG-2-3), where the administrator
 * must be asked instead.
 *
 * An unknown ID and an address that is not the user's get the same answer and no mail, so
 * the form tells nobody which IDs exist or which address an ID has. The year is only judged
 * after ID and address match, for the same reason.
 */
import type { FastifyInstance } from 'fastify';
import { ebunsho as t, mail as m } from '../texts';
import { SENDERS } from '../mailer';
import { loginUrl } from '../provision';
import { sendPage } from '../site';
import type { User } from '../state';
import { fieldOf, fields, mailField, NO_INPUT, type InputFailure } from '../input-schema';
import { ebunshoUser, type EbunshoSite } from './ebunsho-common';
import { userIdField } from './ebunsho-login';

const REISSUE = '/ebunsho/PasswordReissue.do';

/** "過去1年間ログインされていません": never, or the last login is more than a calendar year ago. */
export function notLoggedInForAYear(user: User): boolean {
  if (user.lastLoginAt === null) return true;
  const yearAgo = user.clock.now();
  yearAgo.setFullYear(yearAgo.getFullYear() - 1);
  return user.lastLoginAt < yearAgo.getTime();
}

export function registerReissue(app: FastifyInstance, site: EbunshoSite) {
  const { ctx } = site;
  const page = (extra: Record<string, unknown> = {}) => ({ title: t.reissueTitle, action: REISSUE, ...extra });

  app.get(REISSUE, { schema: NO_INPUT }, async (_req, reply) => sendPage(reply, 'ebunsho/reissue.njk', page()));

  const schema = { body: fields({ userId: userIdField(), email: mailField(t.mailAddressLabel) }) };
  const invalidInput = (req: { body: unknown }, reply: Parameters<typeof sendPage>[0], failure: InputFailure) =>
    sendPage(reply, 'ebunsho/reissue.njk', page({ userId: fieldOf(req.body, 'userId'), email: fieldOf(req.body, 'email'), error: failure.message }));

  app.post<{ Body: { userId: string; email: string } }>(REISSUE, { schema, config: { invalidInput } }, async (req, reply) => {
    const { userId, email } = req.body;
    const answer = (extra: Record<string, unknown>) => sendPage(reply, 'ebunsho/reissue.njk', page({ userId, email, ...extra }));
    const user = ebunshoUser(ctx.state, userId);
    if (!user || user.email.toLowerCase() !== email.toLowerCase()) return answer({ error: t.reissueMismatch });
    if (notLoggedInForAYear(user)) return answer({ warning: t.notLoggedInForAYear });
    await ctx.mailer.send({
      from: SENDERS.ebunsho,
      to: user.email,
      subject: m.reissueSubject,
      template: 'password-reissue.njk',
      context: { user, password: user.password, loginUrl: loginUrl(ctx, user) },
    });
    return sendPage(reply, 'ebunsho/reissue.njk', page({ sent: true }));
  });
}
