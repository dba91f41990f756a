/**
 * パスワード再通知 (the login page's 「パスワードを忘れた方」; EG18/EG25 2-3): the registered
 * password by mail (REISSUE-OK), or — for a user who never logged in or not in the past year on
 * the user's clock — 「過去1年間ログインされていません。確認のため、管理者までご連絡してください。」
 * (EG-2-3). Nobody learns from the form which IDs exist or which address belongs to an ID.
 */
import { test, expect, Secret, field, type Mailbox } from '../../fixtures';
import { ebunsho as t, input, mail as mailTexts, mailSubjects } from '../../messages';
import { LoginPage } from '../../pages/ebunsho/login-page';
import { PasswordReissuePage } from '../../pages/ebunsho/password-reissue-page';
import { ServiceTopPage } from '../../pages/ebunsho/service-top-page';
import type { Page } from '@playwright/test';
import { bulkSignRegistrationSentinel, mailsBeforeSentinel } from '../mail-sentinel';
import { EBUNSHO_SENDER } from '../mail-rules';
import { SHORT_MARKUP_PROBE } from '../injected-markup';
import { BAD_ALNUM_VALUES, expectNothingInjected, QUOTES, recordDialogs } from './support';

const DAY_MS = 24 * 3600 * 1000;

async function reissueMails(mailbox: Mailbox, to: string) {
  return (await mailbox.list(to)).filter((mail) => mailSubjects.reissue.test(mail.subject));
}

/** From the login page of the user's mail to the re-notification form. */
async function openReissue(page: Page, loginUrl: string): Promise<PasswordReissuePage> {
  const login = new LoginPage(page);
  await login.open(loginUrl);
  await login.openForgotPassword();
  const reissue = new PasswordReissuePage(page);
  await reissue.expectShown();
  return reissue;
}

test.describe('パスワード再通知', () => {
  test('a user who has never logged in is sent to the administrator, and no mail goes out @EG-2-3 @destructive', async ({
    signedUpUser: { user, page },
    mailbox,
    admin,
  }) => {
    const reissue = await openReissue(page, user.registration.loginUrl);
    const before = await mailbox.lastId(user.email);
    await reissue.notify(user.userId, user.email);
    await reissue.expectNotLoggedInForAYear();
    await expect(reissue.sent).toHaveCount(0);
    // A late-delivered mail would arrive before the sentinel's (mail-sentinel.ts).
    const sent = await mailsBeforeSentinel(mailbox, user.email, before, bulkSignRegistrationSentinel(admin, user.email));
    expect(sent.map((mail) => mail.subject), 'no mail for EG-2-3').toEqual([]);
  });

  test('a last login over a year ago on the user\'s clock gets EG-2-3; within the year the password is mailed @EG-2-3 @REISSUE-OK @destructive', async ({
    loggedInUser: { user, page },
    admin,
    mailbox,
  }) => {
    await new ServiceTopPage(page).logOut();
    const lastLogin = Date.parse((await admin.user(user.userId)).lastLoginAt!);

    await test.step('a year and two days later', async () => {
      await admin.clock(user.userId, { set: new Date(lastLogin + 367 * DAY_MS).toISOString() });
      const reissue = await openReissue(page, user.registration.loginUrl);
      await reissue.notify(user.userId, user.email);
      await reissue.expectNotLoggedInForAYear();
    });
    await test.step('two days short of a year', async () => {
      await admin.clock(user.userId, { set: new Date(lastLogin + 363 * DAY_MS).toISOString() });
      const reissue = await openReissue(page, user.registration.loginUrl);
      await reissue.notify(user.userId, user.email);
      await reissue.expectSent();
      await mailbox.waitFor(user.email, mailSubjects.reissue);
    });
    expect(await reissueMails(mailbox, user.email), 'only the attempt within the year sent a mail').toHaveLength(1);
  });

  test('「通知」 mails the registered password, which logs in @REISSUE-OK @MAIL-REISSUE @destructive', async ({ loggedInUser: { user, page }, mailbox }) => {
    await new ServiceTopPage(page).logOut();
    const after = await mailbox.lastId(user.email);
    const reissue = await openReissue(page, user.registration.loginUrl);
    await reissue.notify(user.userId, user.email);
    await reissue.expectSent();

    const mail = await mailbox.waitFor(user.email, mailSubjects.reissue, { after });
    // Found by subject and recipient; what that does not imply: the sender and the body.
    expect(mail.from).toMatch(EBUNSHO_SENDER);
    expect(field(mail.text, mailTexts.labels.userId)).toBe(user.userId);
    const password = new Secret(field(mail.text, t.reissueMailPasswordLabel), t.reissueMailPasswordLabel);

    await test.step('log in with the mailed password', async () => {
      const login = new LoginPage(page);
      await login.open(user.registration.loginUrl);
      await login.logIn(user.userId, password);
      await new ServiceTopPage(page).expectShown();
    });
  });

  test('an unknown ID and an address that is not the user\'s get the same answer and no mail @REISSUE-OK @destructive', async ({
    loggedInUser: { user, page },
    provisionUser,
    mailbox,
    admin,
  }) => {
    await new ServiceTopPage(page).logOut();
    const other = await provisionUser();
    const reissue = await openReissue(page, user.registration.loginUrl);

    await reissue.notify('999999999', user.email);
    await reissue.expectRefused(t.reissueMismatch);
    await reissue.notify(user.userId, other.email);
    await reissue.expectRefused(t.reissueMismatch);
    await reissue.notify(other.userId, user.email);
    await reissue.expectRefused(t.reissueMismatch);

    // A successful one afterwards: the only mail in either mailbox is this one.
    await reissue.notify(user.userId, user.email);
    await reissue.expectSent();
    await mailbox.waitFor(user.email, mailSubjects.reissue);
    expect(await reissueMails(mailbox, user.email)).toHaveLength(1);
    const toOther = await mailsBeforeSentinel(mailbox, other.email, 0, bulkSignRegistrationSentinel(admin, other.email));
    expect(toOther.filter((mail) => mailSubjects.reissue.test(mail.subject)), "nothing to the other user's address").toEqual([]);
  });

  test('「戻る」 returns to the login page @REISSUE-OK', async ({ signedUpUser: { user, page } }) => {
    const reissue = await openReissue(page, user.registration.loginUrl);
    await reissue.goBack();
    await new LoginPage(page).expectShown();
  });

  test('bad input on the re-notification form gets a clear message, no mail and no state change @REISSUE-OK @destructive', async ({
    loggedInUser: { user, page },
    admin,
    mailbox,
  }) => {
    await new ServiceTopPage(page).logOut();
    const before = await admin.user(user.userId);
    const dialogs = recordDialogs(page);
    const reissue = await openReissue(page, user.registration.loginUrl);

    for (const bad of BAD_ALNUM_VALUES) {
      await test.step(`ユーザID: ${bad.name}`, async () => {
        await reissue.notify(bad.value, user.email);
        await reissue.expectRefused(bad.message(t.userIdLabel));
        await expectNothingInjected(page, dialogs, { locator: reissue.userId, value: bad.value });
      });
    }
    const badAddresses = [
      { name: 'empty', value: '', message: input.required(t.mailAddressLabel) },
      { name: 'full-width', value: 'ｕｓｅｒ＠ｅｘａｍｐｌｅ．ｊｐ', message: input.invalidMail },
      { name: '10,000 characters', value: `${'a'.repeat(10_000)}@example.jp`, message: input.tooLong(t.mailAddressLabel, 254) },
      { name: 'markup', value: `${SHORT_MARKUP_PROBE}@example.jp`, message: input.invalidMail },
      { name: 'quotes', value: `${QUOTES}@example.jp`, message: input.invalidMail },
    ];
    for (const bad of badAddresses) {
      await test.step(`メールアドレス: ${bad.name}`, async () => {
        await reissue.notify(user.userId, bad.value);
        await reissue.expectRefused(bad.message);
        await expectNothingInjected(page, dialogs, { locator: reissue.mailAddress, value: bad.value });
      });
    }
    await test.step('メールアドレス: CRLF with a Bcc header (sent as the form would post it)', async () => {
      const evil = `evil-${user.userId}@attacker.test`;
      const response = await page.request.post(page.url(), {
        form: { userId: user.userId, email: `${user.email}\r\nBcc: ${evil}` },
      });
      expect(response.status()).toBeLessThan(500);
      expect(await response.text()).toContain(input.invalidMail);
      const injected = await mailsBeforeSentinel(mailbox, evil, 0, bulkSignRegistrationSentinel(admin, evil));
      expect(injected, 'no mail to the injected Bcc address').toEqual([]);
    });

    const sent = await mailsBeforeSentinel(mailbox, user.email, 0, bulkSignRegistrationSentinel(admin, user.email));
    expect(sent.filter((mail) => mailSubjects.reissue.test(mail.subject)), 'no re-notification mail for bad input').toEqual([]);
    const { failedLogins, locked, status, mustChangePassword, lastLoginAt, signedUp } = before;
    expect(await admin.user(user.userId)).toMatchObject({ failedLogins, locked, status, mustChangePassword, lastLoginAt, signedUp });
  });
});
