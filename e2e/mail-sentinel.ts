/**
 * "This action sent exactly these mails (or none)" for a mail system that may deliver
 * seconds later. Comparing the newest mail id right after the action proves nothing then:
 * a late mail would arrive after the check. Instead, after the action a SENTINEL action is
 * made whose mail must arrive; mail of one sender is delivered in order, so once the
 * sentinel's mail is there, every mail the action sent is there before it. No sleep, no
 * timer: the wait is on the sentinel's arrival.
 *
 * The sentinel is the administrator provisioning another account for the same address
 * (admin API, mock only): its registration mail comes from the same mailer, with a subject
 * that is not the one under test.
 */
import type { MockAdmin, ReceivedMail } from '../fixtures';
import { mail as mailTexts } from '../messages';

/** What the helper needs of the mail reader (the catcher's or IMAP's). */
export interface MailReader {
  waitFor(to: string, subject: string | RegExp, options?: { after?: number }): Promise<ReceivedMail>;
  list(to: string): Promise<ReceivedMail[]>;
}

export interface Sentinel {
  subject: string | RegExp;
  send(): Promise<unknown>;
}

/** An エコ文書 registration (ユーザー登録のご連絡) to `email`: for checks of bulk-sign mail. */
export const ebunshoRegistrationSentinel = (admin: MockAdmin, email: string): Sentinel => ({
  subject: mailTexts.registrationSubject,
  send: () => admin.provision({ email }),
});

/** A bulk-sign registration (ユーザ登録のご連絡) to `email`: for checks of エコ文書 mail and OTP mail. */
export const bulkSignRegistrationSentinel = (admin: MockAdmin, email: string): Sentinel => ({
  subject: mailTexts.bulkSignRegistrationSubject,
  send: () => admin.provision({ kind: 'bulksign', email }),
});

/**
 * Every mail for `to` newer than mail id `after` and older than the sentinel's mail, once the
 * sentinel's mail has arrived: what the actions between `after` and the sentinel sent.
 */
export async function mailsBeforeSentinel(mailbox: MailReader, to: string, after: number, sentinel: Sentinel): Promise<ReceivedMail[]> {
  await sentinel.send();
  const arrived = await mailbox.waitFor(to, sentinel.subject, { after });
  return (await mailbox.list(to)).filter((mail) => mail.id > after && mail.id < arrived.id);
}
