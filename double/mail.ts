/**
 * The double's outgoing mail system: the service (the mock's Mailer) hands mail to this SMTP
 * relay, which delivers it into the real IMAP server (Dovecot, over LMTP) where the suite reads
 * it like any real mailbox — and, while the suite can still read through the catcher API
 * (MAILBOX_URL), a copy to the catcher too.
 */
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { deliverViaLmtp } from '../mailbox/dovecot';

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
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    size: 5 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address);
        const deliveries: Promise<unknown>[] = [];
        if (targets.lmtp) deliveries.push(deliverViaLmtp(targets.lmtp, { from, to }, raw));
        if (catcher) deliveries.push(catcher.sendMail({ envelope: { from, to }, raw }));
        // The service's SMTP transaction succeeds only once the mail is in the mailbox: a
        // suite that waits for "arrived" then never races the delivery.
        Promise.all(deliveries).then(
          () => callback(),
          (err: Error) => {
            log(`double mail relay: delivery to ${to.join(', ')} failed: ${err.message}`);
            callback(err);
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: async () => {
      catcher?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
