/**
 * Provisions the double's accounts from the seed file, as the environment's administrator
 * would: through the mock's admin API — injected in-process, never listening, so the suite
 * cannot reach it — and then the steps a real user has already done before a rollout owner
 * configures the account (issued and installed the certificate, signed up, changed the
 * initial password). Output: the accounts file of fixtures/accounts.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Pki } from '../certs/store';
import { issueClientCertificate, toPkcs12 } from '../certs/issue';
import type { AccountsFileInput } from '../fixtures/accounts';
import type { Mock } from '../mock/build';
import { randomPassword } from '../mock/state';
import { MAIL_DOMAIN } from './hosts';

const chain = z.enum(['pub-ca1', 'pub-ca8', 'rsa-ca16']);
const tag = z.string().regex(/^[a-z0-9-]+$/);
export const seedSchema = z.object({
  certificate: z.array(z.object({ tag, chain: chain.default('pub-ca8') })).default([]),
  certless: z.array(z.object({ tag })).default([]),
  bulksign: z.array(z.object({ tag, adminTag: tag })).default([]),
  fresh: z.object({ count: z.number().int().min(0).max(100), chain: chain.default('pub-ca8') }).default({ count: 0, chain: 'pub-ca8' }),
  /** Throwaway bulk e-signature users (each with an administrator address of its own) for the destructive bulk specs. */
  freshBulksign: z.object({ count: z.number().int().min(0).max(100) }).default({ count: 0 }),
});
export type Seed = z.infer<typeof seedSchema>;

export const DEFAULT_SEED_FILE = path.join(__dirname, 'accounts.seed.json');
/** The one IMAP mailbox; every account's address is a plus-address of it. */
export const MAILBOX_USER = `verify@${MAIL_DOMAIN}`;
export const addressOf = (t: string) => `verify+${t}@${MAIL_DOMAIN}`;

export function readSeed(file = DEFAULT_SEED_FILE): Seed {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete raw['//'];
  return seedSchema.parse(raw);
}

async function adminProvision(mock: Mock, body: Record<string, unknown>): Promise<{ userId: string; email: string }> {
  const res = await mock.admin.inject({ method: 'POST', url: '/users', payload: body });
  if (res.statusCode !== 201) throw new Error(`double: provisioning ${JSON.stringify(body)} answered ${res.statusCode} ${res.body}`);
  return res.json<{ userId: string; email: string }>();
}

/** Provisions every seeded account; writes PKCS#12 files under `dir`; returns the accounts file content. */
export async function provisionAccounts(mock: Mock, pki: Pki, seed: Seed, dir: string): Promise<AccountsFileInput> {
  const state = mock.ctx.state;
  const out: Required<AccountsFileInput> = { certificate: [], certless: [], bulksign: [], fresh: [] };
  fs.mkdirSync(path.join(dir, 'pkcs12'), { recursive: true, mode: 0o700 });

  for (const s of seed.certificate) {
    const { userId, email } = await adminProvision(mock, { kind: 'cert', chain: s.chain, email: addressOf(s.tag), sendMails: false });
    const user = state.get(userId)!;
    const cert = await issueClientCertificate({ pki, chain: s.chain });
    const pkcs12Password = randomPassword(12);
    const file = path.join(dir, 'pkcs12', `${userId}.p12`);
    fs.writeFileSync(file, toPkcs12(cert, pkcs12Password, cert.subjectCN), { mode: 0o600 });
    // Issued, installed and signed up: the certificate is bound, the issuance URL used.
    user.boundCertFingerprint = cert.fingerprint256;
    user.application.state = 'consumed';
    user.application.issuedSerial = cert.serialHex;
    user.mustChangePassword = false;
    out.certificate.push({ userId, email, password: user.password, pkcs12: path.relative(dir, file), pkcs12Password });
  }
  for (const s of seed.certless) {
    const { userId, email } = await adminProvision(mock, { kind: 'certless', email: addressOf(s.tag), sendMails: false });
    const user = state.get(userId)!;
    user.mustChangePassword = false;
    out.certless.push({ userId, email, password: user.password });
  }
  for (const s of seed.bulksign) {
    const adminEmail = addressOf(s.adminTag);
    // Its two registration mails (user, administrator) are sent now, as a real registration
    // would: the bulk e-signature specs read the login URL and credentials from them.
    const { userId, email } = await adminProvision(mock, { kind: 'bulksign', email: addressOf(s.tag), adminEmail, sendMails: true });
    out.bulksign.push({ userId, email, password: state.get(userId)!.password, adminEmail });
  }
  for (let i = 1; i <= seed.fresh.count; i++) {
    // Fresh users get their mails now, as a real registration would: they wait in the mailbox.
    const { userId, email } = await adminProvision(mock, { kind: 'cert', chain: seed.fresh.chain, email: addressOf(`fresh${i}`), sendMails: true });
    out.fresh.push({ userId, email, kind: 'certificate' });
  }
  for (let i = 1; i <= seed.freshBulksign.count; i++) {
    const adminEmail = addressOf(`freshbulkadmin${i}`);
    const { userId, email } = await adminProvision(mock, { kind: 'bulksign', email: addressOf(`freshbulk${i}`), adminEmail, sendMails: true });
    out.fresh.push({ userId, email, kind: 'bulksign', adminEmail });
  }
  return out;
}
