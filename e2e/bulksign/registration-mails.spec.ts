/**
 * BS10 1-1: registering a bulk e-signature user sends two 【あんしん電子契約ライト】
 * ユーザ登録のご連絡 mails from @pa.e-kakushin.com: ① to the user with the login site but not
 * the credentials, ② to the administrator with ユーザID, ログインパスワード and ログイン有効期限.
 */
import { test, expect } from '../../fixtures';
import { formatJst } from '../../certs/issue';
import { mail as m } from '../../messages';

test.describe('bulk e-signature registration mails (BS10 1-1)', () => {
  test('the user gets the login site, the administrator the credentials, both the expiry @MAIL-BS-USER @MAIL-BS-ADMIN', async ({
    bulkSignUser: user,
    admin,
    suiteConfig,
  }) => {
    const account = await admin.bulkSign(user.userId);
    const expiry = formatJst(new Date(account.loginExpiresAt)).slice(0, 16);

    await test.step('① to the user: subject, sender domain, login site, expiry, no credentials', async () => {
      const mail = user.mails.user;
      expect(mail.subject).toBe(m.bulkSignRegistrationSubject);
      expect(mail.from).toMatch(/@pa\.e-kakushin\.com$/);
      expect(mail.to).toEqual([user.email]);
      expect(new URL(user.userMail.loginUrl).origin).toBe(new URL(suiteConfig.urls.bulksign).origin);
      expect(user.userMail.credentialsWithAdministrator).toBe(true);
      expect(user.userMail.loginExpiry).toBe(expiry);
      expect(mail.text.includes(user.adminMail.password.reveal()), 'the password is not in the user copy').toBe(false);
      expect(mail.text).not.toContain(user.userId);
    });

    await test.step('② to the administrator: subject, sender domain, ID, password, expiry', async () => {
      const mail = user.mails.admin;
      expect(mail.subject).toBe(m.bulkSignRegistrationSubject);
      expect(mail.from).toMatch(/@pa\.e-kakushin\.com$/);
      expect(mail.to).toEqual([user.adminEmail]);
      expect(user.adminMail.userId).toBe(user.userId);
      expect(/^[A-Za-z0-9]{8,}$/.test(user.adminMail.password.reveal()), 'half-width alphanumerics').toBe(true);
      expect(user.adminMail.loginExpiry).toBe(expiry);
    });
  });
});
