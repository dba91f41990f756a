/**
 * 本人情報 → パスワード変更 (TJK; IM12 1 「初期パスワード変更」): 現在のパスワード, 新しいパスワード,
 * 確認用パスワード, 「変更」 and 「戻る」, under the password policy table.
 *
 * Every refusal names what to fix and changes nothing; a wrong current password is a wrong
 * password in IM12's sense and counts towards the lock (the 6th ends the session with 46).
 * Success ends the initial-password state, so サービスTOP stops asking for the change.
 */
import type { FastifyInstance } from 'fastify';
import { ebunsho as t } from '../texts';
import { endSession } from '../session';
import { sendPage } from '../site';
import { fields, NO_INPUT, type InputFailure } from '../input-schema';
import { countWrongPassword, ERROR, pageContext, requireLogin, sendErrorCode, type EbunshoSite } from './ebunsho-common';
import { passwordField } from './ebunsho-login';
import { faulty } from '../faults';

/** TJK パスワードポリシー: 最小文字数 8文字, 小文字 (a~z) 1回, 算用数字 (0~9) 1回, 有効期間 無期限. */
export const PASSWORD_POLICY = { minLength: 8, lowercase: 1, digits: 1 } as const;

const count = (value: string, pattern: RegExp) => (value.match(pattern) ?? []).length;

/** The first policy rule the new password breaks, or null. */
export function policyProblem(password: string): string | null {
  if (password.length < PASSWORD_POLICY.minLength - (faulty('password-policy-7') ? 1 : 0)) return t.newPasswordTooShort(PASSWORD_POLICY.minLength);
  if (count(password, /[a-z]/g) < PASSWORD_POLICY.lowercase) return t.newPasswordNeedsLower;
  if (count(password, /[0-9]/g) < PASSWORD_POLICY.digits) return t.newPasswordNeedsDigit;
  return null;
}

const CHANGE = '/ebunsho/PasswordChange.do';

export function registerPasswordChange(app: FastifyInstance, site: EbunshoSite) {
  const { state } = site.ctx;
  const view = (extra: Record<string, unknown>) => ({ title: t.passwordChange, tab: 'profile', action: CHANGE, policy: PASSWORD_POLICY, ...extra });

  app.get(CHANGE, { schema: NO_INPUT }, async (req, reply) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    return sendPage(reply, 'ebunsho/password-change.njk', pageContext(user, view({})));
  });

  // Shapes only (半角英数字, 64): the policy, the confirmation and the current password are the handler's.
  const schema = {
    body: fields({
      currentPassword: passwordField(t.currentPassword),
      newPassword: passwordField(t.newPassword),
      confirmPassword: passwordField(t.confirmPassword),
    }),
  };
  // Behind the login as a valid request is; a malformed one never counts as a wrong current password.
  const invalidInput = (req: Parameters<typeof requireLogin>[1], reply: Parameters<typeof requireLogin>[2], failure: InputFailure) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    return sendPage(reply, 'ebunsho/password-change.njk', pageContext(user, view({ error: failure.message })));
  };

  app.post<{ Body: { currentPassword: string; newPassword: string; confirmPassword: string } }>(CHANGE, { schema, config: { invalidInput } }, async (req, reply) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    const { currentPassword: current, newPassword: next, confirmPassword: confirm } = req.body;
    const refuse = (error: string) => sendPage(reply, 'ebunsho/password-change.njk', pageContext(user, view({ error })));
    if (current !== user.password) {
      if (countWrongPassword(site, user) === 'locked') {
        endSession(state, req, reply);
        return sendErrorCode(reply, ERROR.locked);
      }
      return refuse(t.currentPasswordWrong);
    }
    user.failedLogins = 0;
    const rule = policyProblem(next);
    if (rule) return refuse(rule);
    if (next !== confirm) return refuse(t.passwordMismatch);
    if (next === current) return refuse(t.passwordUnchanged);
    user.password = next;
    user.mustChangePassword = false;
    return sendPage(reply, 'ebunsho/password-changed.njk', pageContext(user, { title: t.passwordChange, tab: 'profile' }));
  });
}
