/**
 * The mock's outgoing mail: real SMTP to the catcher (mailbox/), rendered from text
 * templates. Header values go through nodemailer, which encodes them, so a CRLF typed
 * into a form can never inject a header.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { renderMail } from './views';

export interface MailerOptions {
  host: string;
  port: number;
}

export const SENDERS = {
  ebunsho: '"セコムあんしんエコ文書サービス" <no-reply@ds.e-kakushin.com>',
  bulkSign: '"あんしん電子契約ライト" <no-reply@pa.e-kakushin.com>',
} as const;

export class Mailer {
  private readonly transport: Transporter;

  constructor(options: MailerOptions) {
    this.transport = nodemailer.createTransport({
      host: options.host,
      port: options.port,
      secure: false,
      ignoreTLS: true,
      // One SMTP session reused across mails: a fresh connection per mail cost ~140 ms on
      // loopback (EHLO and greeting round trips), a pooled one ~10 ms. Mails of one user
      // are still sent one after another (each send is awaited), so their order holds.
      pool: true,
      maxConnections: 4,
    });
  }

  async send(args: { from: string; to: string; subject: string; template: string; context: Record<string, unknown> }) {
    const text = renderMail(args.template, args.context);
    await this.transport.sendMail({ from: args.from, to: args.to, subject: args.subject, text });
  }

  close(): void {
    this.transport.close();
  }
}
