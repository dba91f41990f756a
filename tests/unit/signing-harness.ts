/**
 * A whole mock built in-process for the signing / bulk-sign rule tests: the real site
 * modules and admin API (driven with fastify's inject), and a real SMTP catcher on a free
 * port so the one-time passwords are read from the mails the mock actually sends.
 */
import type { FastifyInstance, LightMyRequestResponse as Response } from 'fastify';
import { loadPki } from '../../certs/store';
import { parseRaw, field } from '../../fixtures/mail';
import { buildMailbox } from '../../mailbox/server';
import { mail as m, mailSubjects } from '../../messages';
import { buildMock, closeMock, type Mock } from '../../mock/build';

export interface Harness {
  mock: Mock;
  admin: FastifyInstance;
  ds: FastifyInstance;
  bulksign: FastifyInstance;
  close(): Promise<void>;
  /** The admin API, as the fixtures call it. */
  call<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown): Promise<T>;
  /** The newest OTP mailed to `to` after mail id `after`. */
  otpFor(to: string, after: number): Promise<{ otp: string; id: number }>;
  lastMailId(to: string): Promise<number>;
}

export async function startHarness(): Promise<Harness> {
  const pki = await loadPki();
  const mailbox = buildMailbox({ host: '127.0.0.1', smtpPort: 0, apiPort: 0 });
  await mailbox.listen();
  const smtpPort = mailbox.smtpPort;
  const origin = 'https://127.0.0.1:1';
  const mock = buildMock({
    pki,
    urls: { webra2: origin, webra1: origin, repo1: origin, ds: origin, dsnc: origin, bulksign: origin, mailbox: origin, admin: origin },
    smtp: { host: '127.0.0.1', port: smtpPort },
  });
  const messages = async (to: string, after: number, wait: number) => {
    const res = await mailbox.api.inject({ method: 'GET', url: `/messages?to=${encodeURIComponent(to)}&after=${after}&wait=${wait}` });
    return res.json<{ messages: { id: number; raw: string }[] }>().messages;
  };
  const h: Harness = {
    mock,
    admin: mock.admin,
    ds: mock.sites.ds,
    bulksign: mock.sites.bulksign,
    async close() {
      await closeMock(mock);
      await mailbox.close();
    },
    async call<T>(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) {
      const res: Response = await mock.admin.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
      if (res.statusCode >= 400) throw new Error(`admin ${method} ${url} → ${res.statusCode} ${res.body}`);
      return res.json<T>();
    },
    async otpFor(to, after) {
      for (const stored of await messages(to, after, 5000)) {
        const mail = await parseRaw(stored.id, stored.raw);
        if (mailSubjects.otp.test(mail.subject)) return { otp: field(mail.text, m.labels.otp), id: stored.id };
      }
      throw new Error(`no OTP mail for ${to} after ${after}`);
    },
    async lastMailId(to) {
      return (await messages(to, 0, 0)).reduce((max, s) => Math.max(max, s.id), 0);
    },
  };
  return h;
}

/** `name=value` of every Set-Cookie of a response, merged into `jar`. */
export function keepCookies(res: Response, jar: Record<string, string> = {}): Record<string, string> {
  for (const c of res.cookies as { name: string; value: string }[]) jar[c.name] = c.value;
  return jar;
}
