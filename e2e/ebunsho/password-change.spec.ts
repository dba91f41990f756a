/**
 * 本人情報 → パスワード変更 (TJK; IM12 1 「初期パスワード変更」): the user's record as TJK shows it,
 * the form under its policy table (最小文字数 8文字, 小文字 1回, 数字 1回, 有効期間 無期限), and a
 * change that ends the initial-password prompt. Every refusal names what to fix and changes
 * nothing: the old password keeps working.
 */
import { test, expect, Secret } from '../../fixtures';
import { ebunsho as t, input } from '../../messages';
import { LoginPage } from '../../pages/ebunsho/login-page';
import { PasswordChangePage } from '../../pages/ebunsho/password-change-page';
import { ProfilePage } from '../../pages/ebunsho/profile-page';
import { ServiceTopPage } from '../../pages/ebunsho/service-top-page';
import { BAD_ALNUM_VALUES, expectNothingInjected, policyPassword, recordDialogs } from './support';

/** TJK's policy table, as the documents print it. */
const TJK_POLICY: [string, string][] = [
  [t.policyMinLength, '8文字'],
  [t.policyLower, '1回'],
  [t.policyDigit, '1回'],
  [t.policyValidity, '無期限'],
];

test.describe('パスワード変更', () => {
  test('本人情報 shows the record as in TJK and leads to パスワード変更 with its policy; 「戻る」 comes back @PW-CHANGE', async ({
    loggedInUser: { user, page },
  }) => {
    const profile = new ProfilePage(page);
    await profile.open();
    const p = t.profile;
    await profile.expectRecord([
      [p.userId, user.userId],
      [p.name, '健保 太郎'],
      [p.nameRomaji, 'Kenpo Taro'],
      [p.signingSubject, ''],
      [p.company, 'TJK株式会社'],
      [p.companyRomaji, 'TJK'],
      [p.signingCompany, ''],
      [p.department, ''],
      [p.position, ''],
      [p.mailAddress, user.email],
      [p.failedLogins, '0'],
    ]);
    await expect(profile.loginCertLink).toBeVisible();
    await expect(profile.signingCertLink).toBeVisible();

    await profile.openPasswordChange();
    const change = new PasswordChangePage(page);
    await change.expectShown(user.userId);
    await change.expectPolicy(TJK_POLICY);
    await change.goBack();
    await profile.expectShown(user.userId);
  });

  test('the initial password is changed: the prompt goes, the new password logs in and the old one no longer does @PW-CHANGE @LOGIN-FIRST @destructive', async ({
    loggedInUser: { user, page },
    admin,
  }) => {
    const top = new ServiceTopPage(page);
    await top.expectNoGuideCallout();
    // Exactly the policy's minimum length: 8 characters are enough.
    const next = new Secret(policyPassword(8), 'new login password');
    await top.goToInitialPasswordChange();
    const change = new PasswordChangePage(page);
    await change.change(user.passwords.loginPassword, next);
    await change.expectChanged();
    expect((await admin.user(user.userId)).mustChangePassword).toBe(false);

    await top.header.openTab('top');
    await top.expectShown();
    await top.expectNoGuideCallout();

    await top.logOut();
    const login = new LoginPage(page);
    await login.logIn(user.userId, user.passwords.loginPassword);
    await login.expectError(input.loginFailed);
    await login.logIn(user.userId, next);
    await top.expectShown();
    await top.expectNoGuideCallout();
  });

  test('every policy violation, a mismatch and a wrong current password are refused clearly and change nothing @PW-CHANGE @destructive', async ({
    loggedInUser: { user, page },
    admin,
  }) => {
    const current = user.passwords.loginPassword;
    const profile = new ProfilePage(page);
    await profile.open();
    await profile.openPasswordChange();
    const change = new PasswordChangePage(page);

    const violations: { name: string; next: string | Secret; confirm?: string; message: string }[] = [
      { name: '7 characters', next: 'abcd123', message: t.newPasswordTooShort(8) },
      { name: 'no lowercase letter', next: 'ABCD12345', message: t.newPasswordNeedsLower },
      { name: 'no digit', next: 'abcdefghi', message: t.newPasswordNeedsDigit },
      { name: 'confirmation differs', next: 'abcd12345', confirm: 'abcd12346', message: t.passwordMismatch },
      { name: 'same as the current one', next: current, message: t.passwordUnchanged },
    ];
    for (const v of violations) {
      await test.step(v.name, async () => {
        await change.change(current, Secret.typed(v.next), Secret.typed(v.confirm ?? v.next));
        await change.expectRefused(v.message);
      });
    }
    expect(await admin.user(user.userId)).toMatchObject({ mustChangePassword: true, failedLogins: 0 });

    await test.step('a wrong current password: refused, and counted as a wrong password', async () => {
      await change.change(current.withSuffix('x'), Secret.typed('abcd12345'));
      await change.expectRefused(t.currentPasswordWrong);
      expect(await admin.user(user.userId)).toMatchObject({ mustChangePassword: true, failedLogins: 1 });
    });

    await test.step('the initial password still logs in', async () => {
      const top = new ServiceTopPage(page);
      await top.logOut();
      await new LoginPage(page).logIn(user.userId, current);
      await top.expectShown();
      await top.expectNoGuideCallout();
    });
  });

  // Apart from the policy test, one test per field: fifteen refusals in one test ran past the
  // test timeout on a loaded machine (4 workers on 2 cores under a CPU hog).
  const fields: { label: string; fill: (change: PasswordChangePage, current: Secret, bad: string) => Promise<void> }[] = [
    { label: t.currentPassword, fill: (change, _current, bad) => change.change(Secret.typed(bad), Secret.typed('abcd12345')) },
    { label: t.newPassword, fill: (change, current, bad) => change.change(current, Secret.typed(bad), Secret.typed('abcd12345')) },
    { label: t.confirmPassword, fill: (change, current, bad) => change.change(current, Secret.typed('abcd12345'), Secret.typed(bad)) },
  ];
  for (const field of fields) {
    test(`markup, full-width and overlong input in ${field.label} is refused clearly and changes nothing @PW-CHANGE @destructive`, async ({
      loggedInUser: { user, page },
      admin,
    }) => {
      const dialogs = recordDialogs(page);
      const profile = new ProfilePage(page);
      await profile.open();
      await profile.openPasswordChange();
      const change = new PasswordChangePage(page);
      for (const bad of BAD_ALNUM_VALUES) {
        await test.step(`${field.label}: ${bad.name}`, async () => {
          await field.fill(change, user.passwords.loginPassword, bad.value);
          await change.expectRefused(bad.message(field.label));
          await expectNothingInjected(page, dialogs);
        });
      }
      expect(await admin.user(user.userId)).toMatchObject({ mustChangePassword: true, failedLogins: 0 });
    });
  }
});
