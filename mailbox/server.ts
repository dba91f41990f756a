/**
 * A real SMTP catcher: the mock delivers its mails over SMTP here, and the suite reads
 * them through a small HTTP API that long-polls (waits on arrival, never sleeps); a person
 * reads them in a browser at `/inbox` (mailbox/mail-view.ts).
 *
 * Staging can point its outgoing mail at the same catcher (MAILBOX_URL), which is why it
 * is its own server and not part of the mock.
 */
import { EventEmitter } from 'node:events';
import Fastify, { type FastifyInstance } from 'fastify';
import { loopbackListenHost } from '../config/loopback';
import { registerMailView } from './mail-view';
import { receiveSmtp, type SmtpEnvelope, type SmtpReceiver } from './smtp-receiver';

export interface StoredMail {
  id: number;
  /** Envelope recipients, lower-cased. */
  to: string[];
  from: string;
  receivedAt: string;
  /** The raw RFC 5322 message, base64 (parsed by the suite with postal-mime). */
  raw: string;
}

export interface MailboxOptions {
  host: string;
  smtpPort: number;
  apiPort: number;
  /** Oldest mails are dropped past this count, so a long soak cannot eat memory. */
  maxMessages?: number;
  logger?: boolean;
}

const MAX_WAIT_MS = 60_000;

export function buildMailbox(options: MailboxOptions) {
  const mails: StoredMail[] = [];
  const arrivals = new EventEmitter();
  arrivals.setMaxListeners(0);
  let nextId = 1;
  let smtp: SmtpReceiver | undefined;

  const store = (raw: Buffer, envelope: SmtpEnvelope) => {
    const mail: StoredMail = {
      id: nextId++,
      to: envelope.to.map((address) => address.toLowerCase()),
      from: envelope.from,
      receivedAt: new Date().toISOString(),
      raw: raw.toString('base64'),
    };
    mails.push(mail);
    if (mails.length > (options.maxMessages ?? 10_000)) mails.shift();
    arrivals.emit('mail', mail);
  };

  // forceCloseConnections: a pending long poll must not hold close() (and SIGTERM) for a minute.
  const api: FastifyInstance = Fastify({ logger: options.logger ?? false, forceCloseConnections: true });
  const matches = (m: StoredMail, to?: string, after?: number) =>
    (!to || m.to.includes(to.toLowerCase())) && (after === undefined || m.id > after);

  api.get('/health', async () => ({ ok: true, count: mails.length }));

  api.get<{ Querystring: { to?: string; after?: number; wait?: number } }>(
    '/messages',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            to: { type: 'string', maxLength: 320 },
            after: { type: 'integer', minimum: 0 },
            wait: { type: 'integer', minimum: 0, maximum: MAX_WAIT_MS },
          },
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      const { to, after, wait = 0 } = req.query;
      const found = mails.filter((m) => matches(m, to, after));
      if (found.length > 0 || wait === 0) return { messages: found };
      // Long poll: resolve on the first matching arrival or on the deadline.
      return new Promise((resolve) => {
        const onMail = (m: StoredMail) => {
          if (!matches(m, to, after)) return;
          done();
          resolve({ messages: [m] });
        };
        const timer = setTimeout(() => {
          done();
          resolve({ messages: [] });
        }, wait);
        const done = () => {
          clearTimeout(timer);
          arrivals.off('mail', onMail);
        };
        arrivals.on('mail', onMail);
        req.raw.on('close', done);
      });
    },
  );

  api.delete('/messages', async () => {
    mails.length = 0;
    return { ok: true };
  });

  registerMailView(api, () => mails);

  return {
    api,
    /** The SMTP port listened on (the one asked for, or the free one given for 0). */
    get smtpPort(): number {
      if (!smtp) throw new Error('the mailbox is not listening');
      return smtp.port;
    },
    async listen() {
      // Every mail (passwords included) can be read and deleted here, and read in a browser at
      // /inbox: loopback only, checked before anything binds, whoever starts it (issue 12, finding 4).
      const what = 'The mailbox (SMTP catcher, its API and mail view)';
      const host = loopbackListenHost(options.host, what);
      smtp = await receiveSmtp({ host, port: options.smtpPort, onMail: store, what });
      try {
        await api.listen({ host, port: options.apiPort });
      } catch (error) {
        await smtp.close();
        smtp = undefined;
        throw error;
      }
    },
    async close() {
      await api.close();
      await smtp?.close();
    },
  };
}
