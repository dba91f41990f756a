/**
 * BS10 2: the signing-certificate setup wizard — 電子署名を行う → user information → the
 * certificate's preparation (a visible wait, run out on the user's mock clock) → STEP2 with
 * the user and certificate tables → PIN (the confirmation refuses paste) → 登録 →
 * 署名用暗証コードの登録 完了 → 次の処理へ → マイページ.
 */
import { test, expect, signingCertificateFacts } from '../../fixtures';
import { bulkSign as t, signing } from '../../messages';
import { BulkSignMyPage } from '../../pages/bulksign/my-page';
import { BulkSignOtpPage } from '../../pages/bulksign/otp-page';
import { BulkSignPinDonePage } from '../../pages/bulksign/pin-done-page';
import { BulkSignPinPage } from '../../pages/bulksign/pin-page';
import { SetupUserPage } from '../../pages/bulksign/setup-user-page';
import { SetupWaitPage } from '../../pages/bulksign/setup-wait-page';
import { randomPin } from '../signing/pins';
import { finishPreparation, logIn, logInWithOtp } from './journey';

const PERSON = { name: '一括 花子', company: 'エーシーエム株式会社', nameRomaji: 'Hanako Ikkatsu', companyRomaji: 'ACME' };

test.describe('署名用証明書セットアップ (BS10 2)', () => {
  test('the wizard issues the certificate, registers the PIN and ends on マイページ @BS-SETUP @destructive', async ({ page, provisionBulkSignUser, mailbox, admin }) => {
    const user = await provisionBulkSignUser(PERSON);
    const setup = await logInWithOtp(page, user, mailbox);
    await setup.chooseSigning();

    const userInfo = new SetupUserPage(page);
    await userInfo.expectUser(PERSON);
    await userInfo.confirm();

    const wait = new SetupWaitPage(page);
    await wait.expectPreparing();
    await test.step('while the certificate is prepared the page stays on the wait', async () => {
      await admin.clock(user.userId, { advanceMs: 30_000 });
      await page.reload();
      await wait.expectPreparing();
    });
    await finishPreparation(admin, user.userId);

    const step2 = new BulkSignPinPage(page);
    await step2.expectShown();
    await step2.expectUser(PERSON);
    const facts = signingCertificateFacts(await admin.signingCertificatePem(user.userId, 'bulksign'));
    await test.step('the certificate: the user\'s names, the signing CA, an e-signature certificate', async () => {
      expect(facts.signedBySigningCa).toBe(true);
      expect(facts.rows.cn).toBe(PERSON.nameRomaji);
      expect(facts.rows.ouCompany).toBe(PERSON.companyRomaji);
      expect(facts.parsed.ekus).toEqual(['emailProtection']);
    });
    await test.step('署名用証明書情報 on STEP2 is the certificate', () => step2.certificate.expectRows(facts.rows));

    await test.step('[戻る] leads back to the user information; [次へ] returns to the same certificate', async () => {
      await step2.back();
      await userInfo.expectUser(PERSON);
      await userInfo.confirm();
      await step2.expectShown();
      await step2.certificate.expectRows(facts.rows);
    });

    const pin = randomPin(12);
    await step2.pastePin(pin);
    await step2.pasteConfirmation(pin);
    await test.step('the confirmation refused the paste (※確認入力欄へは、コピー入力できません。)', async () => {
      await expect(step2.pin).not.toHaveValue('');
      await expect(step2.confirmPin).toHaveValue('');
      await expect(step2.pasteRefused).toHaveText(signing.pasteRefused);
    });

    await step2.registerPin(pin);
    const done = new BulkSignPinDonePage(page);
    await done.expectShown();
    expect(await admin.bulkSign(user.userId)).toMatchObject({ pinRegistered: true, choice: 'sign', certificate: { serialHex: facts.rows.serial } });
    await done.next();

    const myPage = new BulkSignMyPage(page);
    await myPage.expectShown();

    await test.step('the next login goes straight to マイページ', async () => {
      await myPage.logOut();
      const { otp } = await logIn(page, user, mailbox);
      await new BulkSignOtpPage(page).submit(otp);
      await myPage.expectShown();
    });
  });

  test('the wait page moves on by itself when the preparation ends @BS-SETUP @destructive', async ({ page, bulkSignUser: user, mailbox, admin }) => {
    const setup = await logInWithOtp(page, user, mailbox);
    await setup.chooseSigning();
    await new SetupUserPage(page).confirm();
    const wait = new SetupWaitPage(page);
    await wait.expectPreparing();
    const url = page.url();
    // No reload and no click: the page's held status request answers when the clock moves.
    await finishPreparation(admin, user.userId);
    await expect(page).not.toHaveURL(url);
    await new BulkSignPinPage(page).expectShown();
    await expect(page.getByRole('heading', { name: t.step2Title })).toBeVisible();
  });
});
