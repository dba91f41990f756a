/**
 * The one loopback SMTP receiver of the project: the catcher (mailbox/server.ts) stores what
 * it receives, the staging double's relay (double/mail.ts) passes it on over LMTP. Both must
 * take the mock's mail the same way, so the options and the read of the DATA stream live here.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { loopbackListenHost } from '../config/loopback';

export interface SmtpEnvelope {
  /** MAIL FROM ('' for a bounce). */
  from: string;
  /** RCPT TO, as given. */
  to: string[];
}

export interface SmtpReceiverOptions {
  host: string;
  /** 0: any free port (read it back from `port`). */
  port: number;
  /**
   * One received message, whole. The SMTP transaction answers only when this settles: a
   * rejection is the sender's error, so a mail is never acknowledged before it is kept.
   */
  onMail(raw: Buffer, envelope: SmtpEnvelope): void | Promise<void>;
  /** Named in the refusal of a non-loopback host. */
  what?: string;
}

export interface SmtpReceiver {
  readonly port: number;
  close(): Promise<void>;
}

/** Mails the mock sends are a few kB; a larger one is a mistake, refused rather than kept. */
const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

/**
 * Listens on `host:port` (loopback only: every mail here carries passwords; checked before
 * anything binds) and calls `onMail` for each message.
 */
export async function receiveSmtp(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const host = loopbackListenHost(options.host, options.what ?? 'The SMTP receiver');
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: the mock's Mailer and the relay never negotiate TLS.
    disabledCommands: ['STARTTLS'],
    // No reverse DNS of the sender: on a closed network it only adds a timeout per mail.
    disableReverseLookup: true,
    logger: false,
    size: MAX_MESSAGE_BYTES,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message exceeds fixed maximum message size'), { responseCode: 552 }));
          return;
        }
        const envelope: SmtpEnvelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        Promise.resolve()
          .then(() => options.onMail(Buffer.concat(chunks), envelope))
          .then(
            () => callback(),
            (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
          );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      // From now on an error is one client's connection failing (a reset, a timeout): that
      // client sees its transaction fail; the receiver goes on for the others.
      server.on('error', () => undefined);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
