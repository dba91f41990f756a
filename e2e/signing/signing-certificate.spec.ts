/**
 * エコ文書 本人情報 → 署名用証明書管理 (TJK): the documented states of the signing
 * certificate, walked on the user's mock clock (the documents' "数分" preparation is never
 * waited for), and the certificate table held against the certificate itself.
 */
import fs from 'node:fs';
import { test, expect, signingCertificateFacts, type SignedUpUser, type MockAdmin, type SigningCertificateFacts } from '../../fixtures';
import { signing as t } from '../../messages';
import { ProfilePage } from '../../pages/ebunsho/profile-page';
import { SigningDonePage } from '../../pages/signing/signing-done-page';
import { SigningMenuPage } from '../../pages/signing/signing-menu-page';
import { SigningPinPage } from '../../pages/signing/signing-pin-page';
import { refusedPins, watchInjectedScript } from './bad-input';
import { randomPin } from './pins';

/** What 本人情報 says the user's romaji names are (the certificate must carry them). */
async function namesOnProfile(profile: ProfilePage) {
  await expect(profile.row(t.nameRomajiLabel)).toHaveText(/\S/);
  return { nameRomaji: (await profile.row(t.nameRomajiLabel).innerText()).trim(), companyRomaji: (await profile.row(t.companyRomajiLabel).innerText()).trim() };
}

/** TJK: 再度、「本人情報」のタブを選択して署名用証明書管理メニュー画面を表示します。 */
async function reopenMenu(page: SignedUpUser['page']): Promise<SigningMenuPage> {
  const profile = new ProfilePage(page);
  await profile.open();
  await profile.openSigningCertificateMenu();
  return new SigningMenuPage(page);
}

/** The preparation's end, on the user's clock (admin: when it will be ready). */
async function letPreparationFinish(admin: MockAdmin, userId: string) {
  const { readyAt, state } = await admin.signing(userId);
  expect(state).toBe('preparing');
  await admin.advanceClockTo(userId, readyAt!);
}

async function downloadedFacts(menu: SigningMenuPage, testInfo: { outputPath(name: string): string }): Promise<SigningCertificateFacts> {
  const download = await menu.downloadCertificate();
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return signingCertificateFacts(fs.readFileSync(file, 'utf8'));
}

/** 新規発行 → 完了しました。 → the preparation runs out on the clock → PIN-DUE. */
async function issueAndPrepare(page: SignedUpUser['page'], admin: MockAdmin, userId: string): Promise<SigningMenuPage> {
  const menu = await reopenMenu(page);
  await menu.issueNew();
  await new SigningDonePage(page).expectShown();
  await letPreparationFinish(admin, userId);
  await reopenMenu(page);
  await menu.expectPinDue();
  return menu;
}

test.describe('署名用証明書管理 (TJK)', () => {
  test('no certificate, 新規発行, preparing for minutes, PIN due with the certificate table, 初期暗証コード登録 @SIGN-NONE @SIGN-ISSUE @SIGN-PENDING @SIGN-PIN-DUE @SIGN-PIN @destructive', async ({
    loggedInUser: { user, page },
    admin,
  }, testInfo) => {
    const profile = new ProfilePage(page);
    await profile.open();
    const names = await namesOnProfile(profile);
    await profile.openSigningCertificateMenu();

    const menu = new SigningMenuPage(page);
    await menu.expectNoCertificate();
    await menu.issueNew();

    const done = new SigningDonePage(page);
    await done.expectShown();
    await done.backToMenu();
    await menu.expectPending();

    await test.step('a minute later (user clock) the certificate is still being prepared', async () => {
      await admin.clock(user.userId, { advanceMs: 60_000 });
      await reopenMenu(page);
      await menu.expectPending();
    });

    await test.step('when the preparation is over, the menu asks for the initial PIN', async () => {
      await letPreparationFinish(admin, user.userId);
      await reopenMenu(page);
      await menu.expectPinDue();
    });

    const facts = await downloadedFacts(menu, testInfo);
    await test.step('the certificate: the user\'s names, the signing CA, an e-signature certificate', async () => {
      expect(facts.signedBySigningCa).toBe(true);
      expect(facts.rows.cn).toBe(names.nameRomaji);
      expect(facts.rows.ouCompany).toBe(names.companyRomaji);
      expect(facts.parsed.ekus).toEqual(['emailProtection']);
      expect(facts.parsed.keyUsage).toContain('nonRepudiation');
      expect(facts.parsed.notAfter.getTime()).toBeGreaterThan(Date.now());
      expect(facts.rows.serial).toBe((await admin.signing(user.userId)).serialHex);
    });
    await test.step('the table on the menu is the certificate', () => menu.certificate.expectRows(facts.rows));

    await menu.openPinRegistration();
    const pinPage = new SigningPinPage(page);
    await pinPage.expectShown();
    await pinPage.expectUser({ userId: user.userId, ...names });
    await pinPage.certificate.expectRows(facts.rows);
    await pinPage.registerPin(randomPin(20));

    await done.expectShown();
    await done.backToMenu();
    await menu.expectRegistered();
    await menu.certificate.expectRows(facts.rows);
    expect(await admin.signing(user.userId)).toMatchObject({ state: 'ready', pinRegistered: true, serialHex: facts.rows.serial });
  });

  test('再発行 replaces the certificate with a new serial and asks for a new PIN @SIGN-REISSUE @destructive', async ({ loggedInUser: { user, page }, admin }, testInfo) => {
    const menu = await issueAndPrepare(page, admin, user.userId);
    const first = await downloadedFacts(menu, testInfo);
    await menu.openPinRegistration();
    await new SigningPinPage(page).registerPin(randomPin(8));
    await reopenMenu(page);
    await menu.expectRegistered();

    await menu.reissue();
    await new SigningDonePage(page).expectShown();
    await reopenMenu(page);
    await menu.expectPending();
    await letPreparationFinish(admin, user.userId);
    await reopenMenu(page);
    await menu.expectPinDue();

    const second = await downloadedFacts(menu, testInfo);
    expect(second.rows.serial).not.toBe(first.rows.serial);
    expect(second.signedBySigningCa).toBe(true);
    expect(second.rows.cn).toBe(first.rows.cn);
    await menu.certificate.expectRows(second.rows);
    expect((await admin.signing(user.userId)).serials).toEqual([first.rows.serial, second.rows.serial]);
  });

  test('the initial PIN is 6-20 half-width alphanumerics, confirmed; anything else is refused and changes nothing @SIGN-PIN @destructive', async ({
    loggedInUser: { user, page },
    admin,
  }) => {
    const menu = await issueAndPrepare(page, admin, user.userId);
    const guard = watchInjectedScript(page);
    await menu.openPinRegistration();
    const pinPage = new SigningPinPage(page);
    await pinPage.expectShown();

    for (const c of refusedPins(t, { min: 6, max: 20 })) {
      await test.step(`refused: ${c.name}`, async () => {
        await pinPage.registerPin(c.pin, c.confirm);
        await pinPage.expectRefused(c.message);
        expect(await admin.signing(user.userId)).toMatchObject({ state: 'pin-due', pinRegistered: false });
      });
    }
    await guard.expectClean();

    await pinPage.registerPin(randomPin(6));
    await new SigningDonePage(page).expectShown();
    expect((await admin.signing(user.userId)).pinRegistered).toBe(true);
  });

  test('the confirmation field refuses a real paste @SIGN-PIN @destructive', async ({ loggedInUser: { user, page }, admin }) => {
    const menu = await issueAndPrepare(page, admin, user.userId);
    await menu.openPinRegistration();
    const pinPage = new SigningPinPage(page);
    const pin = randomPin(10);
    await pinPage.pastePin(pin);
    await test.step('the clipboard works: the PIN field took the paste', async () => {
      await expect(pinPage.pin).not.toHaveValue('');
      expect(await pinPage.pin.evaluate((el) => (el as HTMLInputElement).value.length)).toBe(10);
      await expect(pinPage.pasteRefused).toBeHidden();
    });
    await pinPage.pasteConfirmation(pin);
    await expect(pinPage.confirmPin).toHaveValue('');
    await expect(pinPage.pasteRefused).toBeVisible();
    await expect(pinPage.pasteRefused).toHaveText(t.pasteRefused);
    expect((await admin.signing(user.userId)).pinRegistered).toBe(false);
  });

  test('out of turn, 新規発行 / 再発行 / 登録 change nothing @SIGN-ISSUE @SIGN-PENDING @destructive', async ({ loggedInUser: { user, page }, admin }) => {
    const guard = watchInjectedScript(page);
    const menu = await reopenMenu(page);
    await menu.issueNew();
    await new SigningDonePage(page).expectShown();
    const pending = await admin.signing(user.userId);

    await test.step('a replayed 新規発行, a 再発行 and a PIN while preparing are ignored', async () => {
      for (const [path, form] of [
        ['/ebunsho/SigningCertIssue.do', {}],
        ['/ebunsho/SigningCertReissue.do', {}],
        ['/ebunsho/SigningCertPin.do', { pin: 'k7abcdef', pinConfirm: 'k7abcdef' }],
      ] as const) {
        const res = await page.request.post(new URL(path, page.url()).href, { form, maxRedirects: 0 });
        expect(res.status(), path).toBe(303);
        expect(res.headers().location).toBe('/ebunsho/SigningCert.do');
      }
      expect(await admin.signing(user.userId)).toEqual(pending);
    });

    await test.step('the PIN form is not offered while preparing', async () => {
      await page.goto(new URL('/ebunsho/SigningCertPin.do', page.url()).href);
      await menu.expectPending();
    });

    await guard.expectClean();
  });
});
