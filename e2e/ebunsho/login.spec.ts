/**
 * エコ文書 ログイン (IM12 4, TJK 3)): the login page, サービスTOP with its header, the first
 * login's prompt to change the initial password, the tabs, and logging out for real.
 */
import { test, expect, Secret } from '../../fixtures';
import { ebunsho as t, input } from '../../messages';
import { LoginPage } from '../../pages/ebunsho/login-page';
import { PasswordChangePage } from '../../pages/ebunsho/password-change-page';
import { ProfilePage } from '../../pages/ebunsho/profile-page';
import { ServiceTopPage } from '../../pages/ebunsho/service-top-page';
import { BAD_ALNUM_VALUES, expectNothingInjected, recordDialogs } from './support';

/** TJK's header example and IM12 4 ④'s disk table: the values a new user of the mock sees. */
const TJK_USER = { name: '健保 太郎', company: 'TJK株式会社' };
const IM12_DISK = { contract: '150GB', used: '55.0GB', rate: '36.8' };

test.describe('ログイン', () => {
  test('a signed-up user logs in to サービスTOP: お知らせ, the disk table and its warning, the header @LOGIN-OK', async ({
    signedUpUser: { user, page },
    admin,
  }) => {
    // 最終ログイン日時 is the user's clock: freeze it so the header's value is known.
    await admin.clock(user.userId, { set: '2026-04-01T01:02:30.000Z', freeze: true });
    const login = new LoginPage(page);
    await login.open(user.registration.loginUrl);
    await login.expectDocumentedForm();
    await login.logIn(user.userId, user.passwords.loginPassword);

    const top = new ServiceTopPage(page);
    await top.expectShown();
    await top.expectDiskUsage(IM12_DISK, true);
    await top.header.expectShown(TJK_USER, 'top');
    await top.header.expectLastLogin('2026/04/01 10:02');
    expect((await admin.user(user.userId)).lastLoginAt).toBe('2026-04-01T01:02:30.000Z');
  });

  test('after the first login the initial password is changed from 本人情報 → パスワード変更 (no prompt: TJK’s is a call-out) and logs in until changed @LOGIN-FIRST @destructive', async ({
    loggedInUser: { user, page },
  }) => {
    const top = new ServiceTopPage(page);
    await top.expectNoGuideCallout();
    await top.goToInitialPasswordChange();
    await new PasswordChangePage(page).expectShown(user.userId);

    await top.logOut();
    const login = new LoginPage(page);
    await login.logIn(user.userId, user.passwords.loginPassword);
    await top.expectShown();
    await top.expectNoGuideCallout();
  });

  test('the tabs open マイページ, 本人情報 and 処理結果 of a new user and come back to サービスTOP @LOGIN-OK', async ({ loggedInUser: { user, page } }) => {
    const top = new ServiceTopPage(page);
    await top.header.openTab('myPage');
    await expect(page.getByRole('heading', { name: t.tabs.myPage, exact: true })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(t.noData);
    await top.header.expectShown(TJK_USER, 'myPage');

    await top.header.openTab('results');
    await expect(page.getByRole('heading', { name: t.tabs.results, exact: true })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(t.noData);

    await top.header.openTab('profile');
    await new ProfilePage(page).expectShown(user.userId);
    await new ProfilePage(page).expectSigningCertificateNotice();
    await top.header.expectShown(TJK_USER, 'profile');

    await top.header.openTab('top');
    await top.expectShown();
  });

  test('logging out ends the session: neither going back nor the old cookie shows サービスTOP @LOGIN-OK', async ({ loggedInUser: { page } }) => {
    const topUrl = page.url();
    const session = (await page.context().cookies()).find((c) => c.name === 'JSESSIONID');
    expect(session, 'a session cookie after login').toBeDefined();

    const top = new ServiceTopPage(page);
    await top.logOut();
    const login = new LoginPage(page);
    await login.expectShown();

    await test.step('the browser\'s back button', async () => {
      await page.goBack();
      await login.expectShown();
      await expect(top.heading).toHaveCount(0);
    });
    await test.step('the old session cookie put back', async () => {
      await page.context().addCookies([session!]);
      await page.goto(topUrl);
      await login.expectShown();
      await expect(top.heading).toHaveCount(0);
    });
  });

  test('the session belongs to the certificate that opened it: the cookie with another certificate shows no サービスTOP @LOGIN-OK', async ({
    loggedInUser: { page },
    mintCertificate,
    openWithCertificate,
  }) => {
    const topUrl = page.url();
    const session = (await page.context().cookies()).find((c) => c.name === 'JSESSIONID');
    const other = await openWithCertificate(await mintCertificate());
    await other.context().addCookies([session!]);
    await other.goto(topUrl);
    await new LoginPage(other).expectShown();
    // The rightful owner is still logged in.
    await page.reload();
    await new ServiceTopPage(page).expectShown();
  });

  test('an unknown user ID gets the same answer as a wrong password @LOGIN-OK @destructive', async ({ signedUpUser: { user, page }, admin }) => {
    const login = new LoginPage(page);
    await login.open(user.registration.loginUrl);
    await login.logIn('999999999', user.passwords.loginPassword);
    await login.expectError(input.loginFailed);
    await login.logIn(user.userId, user.passwords.loginPassword.withSuffix('9'));
    await login.expectError(input.loginFailed);
    expect((await admin.user(user.userId)).failedLogins).toBe(1);
  });

  test('bad input on the login form gets a clear message and changes nothing @LOGIN-OK @destructive', async ({ signedUpUser: { user, page }, admin }) => {
    const dialogs = recordDialogs(page);
    const login = new LoginPage(page);
    await login.open(user.registration.loginUrl);
    for (const bad of BAD_ALNUM_VALUES) {
      await test.step(`ユーザID: ${bad.name}`, async () => {
        await login.logIn(bad.value, user.passwords.loginPassword);
        await login.expectError(bad.message(t.userIdLabel));
        await expectNothingInjected(page, dialogs, { locator: login.userId, value: bad.value });
      });
      await test.step(`パスワード: ${bad.name}`, async () => {
        await login.logIn(user.userId, Secret.typed(bad.value));
        await login.expectError(bad.message(t.passwordLabel));
        await expectNothingInjected(page, dialogs);
      });
    }
    expect(await admin.user(user.userId)).toMatchObject({ failedLogins: 0, locked: false, lastLoginAt: null });
  });
});
