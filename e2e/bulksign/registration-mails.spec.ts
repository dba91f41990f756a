/**
 * BS10 1-1: registering a bulk e-signature user sends two 【あんしん電子契約ライト】
 * ユーザ登録のご連絡 mails from @pa.e-kakushin.com: ① to the user with the login site but not
 * the credentials, ② to the administrator with ユーザID, ログインパスワード and ログイン有効期限.
 */
import { test, expect } from '../../fixtures';
import { formatJst } from '../../certs/issue';
import { mail as mailTexts } from '../../messages';
import { ebunshoRegistrationSentinel, mailsBeforeSentinel } from '../mail-sentinel';
import { BULK_SIGN_SENDER } from '../mail-rules';

test.describe('bulk e-signature registration mails (BS10 1-1)', () => {
  test('the user gets the login site, the administrator the credentials, both the expiry @MAIL-BS-USER @MAIL-BS-ADMIN', async ({
    bulkSignUser: user,
    admin,
    mailbox,
    suiteConfig,
  }) => {
    const account = await admin.bulkSign(user.userId);
    const expiry = formatJst(new Date(account.loginExpiresAt)).slice(0, 16);

    // The subject and the recipient are how the fixture found these mails: asserting them again
    // could not fail. What the query does not imply is: the sender, the body, and how many came.
    await test.step('① to the user: sender domain, login site, expiry, no credentials', async () => {
      const mail = user.mails.user;
      expect(mail.from).toMatch(BULK_SIGN_SENDER);
      expect(new URL(user.userMail.loginUrl).origin).toBe(new URL(suiteConfig.urls.bulksign).origin);
      expect(user.userMail.credentialsWithAdministrator).toBe(true);
      expect(user.userMail.loginExpiry).toBe(expiry);
      expect(mail.text.includes(user.adminMail.password.reveal()), 'the password is not in the user copy').toBe(false);
      expect(mail.text).not.toContain(user.userId);
    });

    await test.step('② to the administrator: sender domain, ID, password, expiry', async () => {
      const mail = user.mails.admin;
      expect(mail.from).toMatch(BULK_SIGN_SENDER);
      expect(user.adminMail.userId).toBe(user.userId);
      expect(/^[A-Za-z0-9]{8,}$/.test(user.adminMail.password.reveal()), 'half-width alphanumerics').toBe(true);
      expect(user.adminMail.loginExpiry).toBe(expiry);
    });

    await test.step('one mail each: the user got no copy of the credentials, the administrator no second mail', async () => {
      for (const [to, mail] of [[user.email, user.mails.user], [user.adminEmail, user.mails.admin]] as const) {
        const sent = await mailsBeforeSentinel(mailbox, to, 0, ebunshoRegistrationSentinel(admin, to));
        expect(sent.map((s) => s.id), `mails to ${to} before the sentinel`).toEqual([mail.id]);
        expect(sent[0].subject).toBe(mailTexts.bulkSignRegistrationSubject);
      }
    });
  });
});
