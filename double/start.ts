/**
 * The staging double: the mock deployed as a separate environment, for `npm run verify` and
 * the preflight tests to be proven against something that is not the suite's own mock.
 *
 * What makes it "separate": its own process when started by `double/main.ts`; its own test
 * PKI (not certs/out: its server CA is not the suite's); host names of its own under `.test`
 * (in its server certificate's SANs; RESOLVE pins them to loopback); its admin API never
 * listens (accounts come from a seed file, provisioned in-process); its mail goes into a real
 * IMAP server. The suite learns about it only through the env file it writes.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Urls } from '../config/env';
import { issueServerCertificate } from '../certs/server-cert';
import { loadPki } from '../certs/store';
import { randomPassword } from '../mock/state';
import { buildMailbox } from '../mailbox/server';
import { DOVECOT_BIN, startDovecot, type RunningDovecot } from '../mailbox/dovecot';
import { buildMock, closeMock } from '../mock/build';
import type { SiteName } from '../mock/site';
import { applyTlsFaults } from './tls-faults';
import { type DeploymentFault } from './faults';
import { DOUBLE_DOMAIN, DOUBLE_HOSTS } from './hosts';
import { startRelay } from './mail';
import { DEFAULT_SEED_FILE, MAILBOX_USER, provisionAccounts, readSeed } from './provision';
import { buildRepository, publishRepository } from './repository';

export interface DoubleOptions {
  /** Where the double writes its env file, accounts, PKCS#12 files and mail store (default: a new temp dir). */
  dir?: string;
  /** Its test PKI (default: a cache of its own in the temp dir, never certs/out). */
  pkiDir?: string;
  faults?: Iterable<DeploymentFault>;
  seedFile?: string;
  /** 'imap' needs Debian dovecot; the catcher (MAILBOX_URL) runs either way. Default: imap when installed. */
  mail?: 'imap' | 'catcher';
  /** The loopback address the names resolve to. */
  host?: string;
  log?: (line: string) => void;
}

export interface RunningDouble {
  /** The env file for the suite (`--env-file` / DOTENV_PATH). */
  envFile: string;
  env: Record<string, string>;
  dir: string;
  faults: ReadonlySet<DeploymentFault>;
  stop(): Promise<void>;
}

export const DEFAULT_DOUBLE_PKI_DIR = path.join(os.tmpdir(), `onboarding-double-pki-${os.userInfo().uid}`);

/** The double's test PKI names its CAs as the documents do, with this marker. */
export const CA_NAME_MARKER = ' TEST';

const portOf = (app: FastifyInstance) => (app.server.address() as AddressInfo).port;

export async function startDouble(options: DoubleOptions = {}): Promise<RunningDouble> {
  const host = options.host ?? '127.0.0.1';
  const faults = new Set(options.faults ?? []);
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'onboarding-double-'));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const log = options.log ?? (() => undefined);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e: Error) => log(`double stop: ${e.message}`));
    stops.length = 0;
  };

  try {
    const basePki = await loadPki({ dir: options.pkiDir ?? DEFAULT_DOUBLE_PKI_DIR, log });
    const server = await issueServerCertificate(basePki, {
      dnsNames: [...Object.values(DOUBLE_HOSTS), 'localhost'],
      validityDays: faults.has('server-cert-expiring') ? 10 : 365,
    });
    const pki = { ...basePki, server };

    // Mail: service → relay (SMTP) → Dovecot (LMTP) and the catcher.
    const useImap = (options.mail ?? (fs.existsSync(DOVECOT_BIN) ? 'imap' : 'catcher')) === 'imap';
    const mailboxPassword = randomPassword(16);
    let dovecot: RunningDovecot | undefined;
    if (useImap) {
      // Its own temp dir: Dovecot's delivery process runs as its own user and must be able to
      // traverse every parent of the mail store (a 0700 parent would refuse every delivery).
      const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onboarding-double-mail-'));
      fs.chmodSync(mailDir, 0o755);
      dovecot = await startDovecot({ dir: mailDir, users: [{ user: MAILBOX_USER, password: mailboxPassword }], host });
      stops.push(async () => {
        await dovecot!.stop();
        fs.rmSync(mailDir, { recursive: true, force: true });
      });
    }
    const catcher = buildMailbox({ host, smtpPort: 0, apiPort: 0 });
    await catcher.listen();
    stops.push(() => catcher.close());
    const catcherSmtpPort = catcher.smtpPort;
    const relay = await startRelay(host, { lmtp: dovecot, catcherSmtp: { host, port: catcherSmtpPort }, log });
    stops.push(() => relay.close());

    // The sites listen on free ports; the URLs (in mails, CDPs) are filled in once known.
    const urls = {} as Urls;
    const mock = buildMock({ pki, urls, smtp: { host, port: relay.port } });
    stops.push(() => closeMock(mock));
    applyTlsFaults(mock, pki, faults);
    for (const name of ['webra2', 'webra1', 'ds', 'dsnc', 'bulksign'] as const satisfies readonly SiteName[]) {
      await mock.sites[name].listen({ host, port: 0 });
      urls[name] = `https://${DOUBLE_HOSTS[name]}:${portOf(mock.sites[name])}`;
    }
    const repo = buildRepository();
    await repo.app.listen({ host, port: 0 });
    const repoPort = portOf(repo.app);
    urls.repo1 = `http://${DOUBLE_HOSTS.repo1}:${repoPort}`;
    // repo-down: the address stays configured, nothing answers there.
    if (faults.has('repo-down')) await repo.app.close();
    else stops.push(() => repo.app.close());
    repo.publish(await publishRepository(pki, urls.repo1, faults));
    urls.mailbox = `http://${host}:${portOf(catcher.api)}`;

    const accounts = await provisionAccounts(mock, pki, readSeed(options.seedFile ?? DEFAULT_SEED_FILE), dir);
    const accountsFile = path.join(dir, 'accounts.json');
    fs.writeFileSync(accountsFile, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
    const caFile = path.join(dir, 'server-ca.pem');
    fs.writeFileSync(caFile, pki.serverCa.certPem);

    const env: Record<string, string> = {
      TARGET: 'staging',
      ENVIRONMENT_NAME: 'staging-double',
      STAGING_WEBRA2_URL: urls.webra2,
      STAGING_WEBRA1_URL: urls.webra1,
      STAGING_REPO1_URL: urls.repo1,
      STAGING_DS_URL: urls.ds,
      STAGING_DSNC_URL: urls.dsnc,
      STAGING_BULKSIGN_URL: urls.bulksign,
      STAGING_CA_FILE: caFile,
      RESOLVE: `*.${DOUBLE_DOMAIN}=${host}`,
      ACCOUNTS_FILE: accountsFile,
      MAILBOX_URL: urls.mailbox,
      // Its test PKI marks the documented CA names " TEST" (config/env.ts CA_NAME_SUFFIX).
      CA_NAME_SUFFIX: CA_NAME_MARKER,
      ...(dovecot
        ? { MAIL_SOURCE: 'imap', IMAP_HOST: host, IMAP_PORT: String(dovecot.imapPort), IMAP_SECURE: '0', IMAP_USER: MAILBOX_USER, IMAP_PASSWORD: mailboxPassword }
        : { MAIL_SOURCE: 'catcher' }),
    };
    const envFile = path.join(dir, 'double.env');
    const header = `# Written by the staging double (double/start.ts) at ${new Date().toISOString()}; faults: ${[...faults].join(', ') || 'none'}\n`;
    fs.writeFileSync(envFile, header + Object.entries(env).map(([k, v]) => `${k}=${/[\s#'"]/.test(v) ? JSON.stringify(v) : v}`).join('\n') + '\n', { mode: 0o600 });
    return { envFile, env, dir, faults, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
