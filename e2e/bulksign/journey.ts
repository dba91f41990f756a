/**
 * The bulk e-signature steps the specs share (BS10 1-2, 2-a..c), composed from the page
 * objects and the mailbox: log in and read the OTP mail, and walk the wizard to STEP2 with
 * the certificate's preparation run out on the user's mock clock.
 */
import type { Page } from '@playwright/test';
import { expect, parseOtpMail, recordMail, type BulkSignUser, type MockAdmin, type OtpMail, type ReceivedMail, type Mailbox } from '../../fixtures';
import { bulkSign, mailSubjects } from '../../messages';
import { ebunshoRegistrationSentinel, mailsBeforeSentinel } from '../mail-sentinel';
import { BULK_SIGN_ERROR } from './rules';
import { BulkSignErrorPage } from '../../pages/bulksign/error-page';
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
  recordMail(mail);
  return { ...parseOtpMail(mail.text), mail };
}

/** Why the right ID and password get an error page (BS10 1-1, 1-2): the code and message it shows. */
export const REFUSALS = {
  locked: { code: BULK_SIGN_ERROR.locked, message: bulkSign.accountLocked, noOtpMail: 'no OTP mail for a locked account' },
  expired: { code: BULK_SIGN_ERROR.expired, message: bulkSign.loginExpired, noOtpMail: 'no OTP mail after the expiry' },
} as const;

/**
 * The right ID and password refused (a locked account, an expired login): the error page
 * with its code, and no OTP mail goes out for the attempt.
 */
export async function expectRightPasswordRefused(
  page: Page,
  user: BulkSignUser,
  mailbox: Mailbox,
  admin: MockAdmin,
  refusal: (typeof REFUSALS)[keyof typeof REFUSALS],
): Promise<void> {
  const login = new BulkSignLoginPage(page);
  await login.open(user.userMail.loginUrl);
  const before = await mailbox.lastId(user.email);
  await login.logIn(user.userId, user.adminMail.password);
  await new BulkSignErrorPage(page).expectErrorCode(refusal.code, refusal.message);
  const sent = await mailsBeforeSentinel(mailbox, user.email, before, ebunshoRegistrationSentinel(admin, user.email));
  expect(sent.map((mail) => mail.subject), refusal.noOtpMail).toEqual([]);
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

/** 電子署名を行う → ユーザ情報 → the wait (shown, then run out) → STEP2 署名用暗証コードの初期設定. */
export async function walkToPinRegistration(page: Page, user: BulkSignUser, mailbox: Mailbox, admin: MockAdmin): Promise<BulkSignPinPage> {
  const setup = await logInWithOtp(page, user, mailbox);
  await setup.chooseSigning();
  await new SetupUserPage(page).confirm();
  await new SetupWaitPage(page).expectPreparing();
  await finishPreparation(admin, user.userId);
  const step2 = new BulkSignPinPage(page);
  await step2.expectShown();
  return step2;
}
