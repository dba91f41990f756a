/**
 * The bulk e-signature steps the specs share (BS10 1-2, 2-a..c), composed from the page
 * objects and the mailbox: log in and read the OTP mail, and walk the wizard to STEP2 with
 * the certificate's preparation run out on the user's mock clock.
 */
import type { Page } from '@playwright/test';
import { expect, type BulkSignUser } from '../../fixtures';
import type { MockAdmin } from '../../fixtures/admin';
import { parseOtpMail, type OtpMail } from '../../fixtures/bulksign-mail';
import type { ReceivedMail } from '../../fixtures/mail';
import type { Mailbox } from '../../fixtures/mailbox';
import { recordMail } from '../../fixtures/evidence';
import { mailSubjects } from '../../messages';
import { BulkSignLoginPage } from '../../pages/bulksign/login-page';
import { BulkSignOtpPage } from '../../pages/bulksign/otp-page';
import { BulkSignPinPage } from '../../pages/bulksign/pin-page';
import { SetupChoicePage } from '../../pages/bulksign/setup-choice-page';
import { SetupUserPage } from '../../pages/bulksign/setup-user-page';
import { SetupWaitPage } from '../../pages/bulksign/setup-wait-page';

/** ID + password from the administrator's mail → the OTP page; the OTP mail that followed. */
export async function logIn(page: Page, user: BulkSignUser, mailbox: Mailbox): Promise<OtpMail & { mail: ReceivedMail }> {
  const login = new BulkSignLoginPage(page);
  await login.open(user.userMail.loginUrl);
  const after = await mailbox.lastId(user.email);
  await login.logIn(user.adminMail.userId, user.adminMail.password);
  await new BulkSignOtpPage(page).expectShown();
  const mail = await mailbox.waitFor(user.email, mailSubjects.otp, { after });
  await recordMail(mail);
  return { ...parseOtpMail(mail.text), mail };
}

/** Logged in with the OTP: 署名用証明書セットアップ. */
export async function logInWithOtp(page: Page, user: BulkSignUser, mailbox: Mailbox): Promise<SetupChoicePage> {
  const { otp } = await logIn(page, user, mailbox);
  await new BulkSignOtpPage(page).submit(otp);
  const setup = new SetupChoicePage(page);
  await setup.expectShown();
  return setup;
}

/** The certificate's preparation, run out on the user's clock (BS10 2-c 「時間がかかる場合があります」). */
export async function finishPreparation(admin: MockAdmin, userId: string): Promise<void> {
  const { certificate } = await admin.bulkSign(userId);
  expect(certificate, 'a certificate is being prepared').not.toBeNull();
  await admin.advanceClockTo(userId, certificate!.readyAt);
}

/** 電子署名を行う → ユーザ情報 → the wait (shown, then run out) → STEP2. */
export async function reachStep2(page: Page, user: BulkSignUser, mailbox: Mailbox, admin: MockAdmin): Promise<BulkSignPinPage> {
  const setup = await logInWithOtp(page, user, mailbox);
  await setup.chooseSigning();
  await new SetupUserPage(page).confirm();
  await new SetupWaitPage(page).expectPreparing();
  await finishPreparation(admin, user.userId);
  const step2 = new BulkSignPinPage(page);
  await step2.expectShown();
  return step2;
}
