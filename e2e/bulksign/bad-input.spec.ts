/**
 * Catalogue F on the bulk e-signature forms BS10 shows: login, 電子署名の実施要否 and the
 * マイページ search. Clear Japanese messages, no server error, no state change, and what
 * was typed comes back as text, never as markup.
 */
import { test, expect, Secret } from '../../fixtures';
import { bulkSign as t, input } from '../../messages';
import { BulkSignLoginPage } from '../../pages/bulksign/login-page';
import { BulkSignMyPage } from '../../pages/bulksign/my-page';
import { SetupUserPage } from '../../pages/bulksign/setup-user-page';
import { ebunshoRegistrationSentinel, mailsBeforeSentinel } from '../mail-sentinel';
import { BAD_INPUT, watchInjectedScript } from '../signing/bad-input';
import { logInWithOtp } from './journey';

test.describe('bad input on the bulk e-signature forms', () => {
  test('the login form answers bad input clearly and counts nothing @BS-LOGIN @destructive', async ({ page, bulkSignUser: user, admin, mailbox }) => {
    const login = new BulkSignLoginPage(page);
    await login.open(user.userMail.loginUrl);
    const guard = watchInjectedScript(page);
    const mailsBefore = await mailbox.lastId(user.email);
    for (const [name, id, password, message] of [
      ['empty ID', '', 'abc12345', input.required(t.userIdLabel)],
      ['empty password', user.userId, '', input.required(t.passwordLabel)],
      ['full-width ID', BAD_INPUT.fullWidth, 'abc12345', input.halfWidthAlnum(t.userIdLabel)],
      ['full-width password', user.userId, BAD_INPUT.fullWidth, input.halfWidthAlnum(t.passwordLabel)],
      ['10,000-character ID', BAD_INPUT.long, 'abc12345', input.tooLong(t.userIdLabel, 32)],
      ['10,000-character password', user.userId, BAD_INPUT.long, input.tooLong(t.passwordLabel, 64)],
      ['markup ID', BAD_INPUT.markup, 'abc12345', input.tooLong(t.userIdLabel, 32)],
      ['quotes in the password', user.userId, BAD_INPUT.quotes, input.halfWidthAlnum(t.passwordLabel)],
    ] as const) {
      await test.step(`refused: ${name}`, async () => {
        await login.logIn(id, Secret.typed(password));
        await login.expectError(message);
        // The ID comes back as typed, as text in the field.
        await expect(login.userId).toHaveValue(id);
      });
    }
    await guard.expectClean();
    expect(await admin.bulkSign(user.userId)).toMatchObject({ passwordFailures: 0, locked: false });
    const sent = await mailsBeforeSentinel(mailbox, user.email, mailsBefore, ebunshoRegistrationSentinel(admin, user.email));
    expect(sent.map((mail) => mail.subject), 'no OTP mail for bad input').toEqual([]);
  });

  test('電子署名の実施要否 must be chosen @BS-SETUP @destructive', async ({ page, bulkSignUser: user, mailbox, admin }) => {
    const setup = await logInWithOtp(page, user, mailbox);
    const guard = watchInjectedScript(page);
    await setup.next();
    await expect(setup.error).toHaveText(t.chooseSign);
    await setup.expectShown();
    await test.step('a tampered choice is refused the same way', async () => {
      const res = await page.request.post(new URL('/bulksign/Setup.do', page.url()).href, { form: { choice: '<b>sign</b>' } });
      expect(res.status()).toBeLessThan(500);
      expect(await res.text()).toContain(t.chooseSign);
    });
    await guard.expectClean();
    expect((await admin.bulkSign(user.userId)).choice).toBeNull();
    await setup.chooseSigning();
    await expect(new SetupUserPage(page).userInfo).toBeVisible();
  });

  test('the マイページ search answers bad input clearly and shows it back as text @BS-SETUP @destructive', async ({ page, provisionBulkSignUser, mailbox }) => {
    const user = await provisionBulkSignUser();
    const setup = await logInWithOtp(page, user, mailbox);
    // 電子署名を行わない: マイページ without the certificate, enough for its search form.
    await setup.doNotSign.check();
    await setup.next();
    const myPage = new BulkSignMyPage(page);
    await myPage.expectShown();
    const guard = watchInjectedScript(page);

    await myPage.searchFiles({ fileName: BAD_INPUT.long });
    await expect(myPage.error).toHaveText(input.tooLong(t.search.fileName, 256));
    await myPage.searchFiles({ fileName: '', folder: BAD_INPUT.markup });
    await expect(myPage.error).toBeHidden();
    await expect(myPage.folder).toHaveValue(BAD_INPUT.markup);
    await expect(myPage.noData).toBeVisible();
    await myPage.searchFiles({ folder: BAD_INPUT.quotes, fileName: '申請書' });
    await expect(myPage.folder).toHaveValue(BAD_INPUT.quotes);
    await expect(myPage.fileName).toHaveValue('申請書');
    await test.step('a date that is not a date is refused', async () => {
      const res = await page.request.get(new URL(`/bulksign/MyPage.do?from=2019-02-30x&to=2019-05-29`, page.url()).href);
      expect(res.status()).toBeLessThan(500);
      expect(await res.text()).toContain(t.badDate(t.search.registeredFrom));
    });
    await guard.expectClean();
  });
});
