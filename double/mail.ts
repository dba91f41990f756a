/**
 * The double's outgoing mail system: the service (the mock's Mailer) hands mail to this SMTP
 * relay, which delivers it into the real IMAP server (Dovecot, over LMTP) where the suite reads
 * it like any real mailbox — and, while the suite can still read through the catcher API
 * (MAILBOX_URL), a copy to the catcher too. It receives with the catcher's own SMTP receiver
 * (mailbox/smtp-receiver.ts), so both take the mock's mail the same way.
 */
import nodemailer from 'nodemailer';
import { deliverViaLmtp } from '../mailbox/dovecot';
import { receiveSmtp, type SmtpEnvelope } from '../mailbox/smtp-receiver';

export interface RelayTargets {
  lmtp?: { host: string; lmtpPort: number };
  catcherSmtp?: { host: string; port: number };
  log?: (line: string) => void;
}

export interface Relay {
  port: number;
  close(): Promise<void>;
}

export async function startRelay(host: string, targets: RelayTargets): Promise<Relay> {
  const log = targets.log ?? (() => undefined);
  const catcher = targets.catcherSmtp
    ? nodemailer.createTransport({ host: targets.catcherSmtp.host, port: targets.catcherSmtp.port, secure: false, ignoreTLS: true })
    : null;
  // The service's SMTP transaction succeeds only once the mail is in the mailbox: a suite
  // that waits for "arrived" then never races the delivery.
  const relay = async (raw: Buffer, { from, to }: SmtpEnvelope) => {
    const deliveries: Promise<unknown>[] = [];
    if (targets.lmtp) deliveries.push(deliverViaLmtp(targets.lmtp, { from, to }, raw));
    if (catcher) deliveries.push(catcher.sendMail({ envelope: { from, to }, raw }));
    try {
      await Promise.all(deliveries);
    } catch (err) {
      log(`double mail relay: delivery to ${to.join(', ')} failed: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    }
  };
  const receiver = await receiveSmtp({ host, port: 0, onMail: relay, what: "The staging double's mail relay" });
  return {
    port: receiver.port,
    close: async () => {
      catcher?.close();
      await receiver.close();
    },
  };
}
