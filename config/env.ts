/**
 * The one typed configuration object of the suite and the mock.
 *
 * `dotenv` loads `.env` (never committed; `.env.example` documents every variable),
 * `zod` validates it and the process fails fast naming the bad variable. Specs and page
 * objects never hard-wire an address: they read `config.urls` (or the URLs in the mails).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import { z } from 'zod';
import { parseResolve, ResolveError } from './resolve';
import { urlHost } from './loopback';

export const ROOT = path.resolve(__dirname, '..');
dotenv.config({ path: process.env.DOTENV_PATH ?? path.join(ROOT, '.env'), quiet: true });

const port = z.coerce.number().int().min(1).max(65535);
const url = z.string().url();
const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const schema = z
  .object({
    TARGET: z.enum(['mock', 'staging']).default('mock'),
    MOCK_HOST: z.string().default('127.0.0.1'),
    // Below Linux's ephemeral range (32768-60999), so no outgoing connection can hold one of
    // the mock's ports when it starts (an EADDRINUSE seen once in a CI run).
    MOCK_BASE_PORT: port.default(24400),
    MOCK_FAULTS: z.string().default(''),
    BROWSER_PATH: z.string().optional(),
    PKI_DIR: z.string().optional(),
    REPORTS_DIR: z.string().default(path.join(ROOT, 'reports')),
    EVIDENCE: bool.default(false),
    MAILBOX_URL: url.optional(),
    /** Where reports link the guide sections to (default: the shared copy beside this repository). */
    GUIDES_BASE_URL: url.default(pathToFileURL(path.resolve(ROOT, '..', 'shared', 'seeds')).href),
    /**
     * The environment's CA names are the documented ones (EG18/EG25 §2-1 8., the catalogue)
     * followed by this marker. The suite's test PKI marks its CAs " TEST" (default with
     * TARGET=mock); a real environment uses the documented names as they are (default '').
     */
    CA_NAME_SUFFIX: z.string().optional(),
    MAIL_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    /** Where mail is read: this project's catcher (MAILBOX_URL / the mock's) or a real mailbox over IMAP (fixtures/mail-source.ts). */
    MAIL_SOURCE: z.enum(['catcher', 'imap']).default('catcher'),
    IMAP_HOST: z.string().optional(),
    /** Default 993 with IMAP_SECURE, else 143. */
    IMAP_PORT: port.optional(),
    /** Implicit TLS; 0: plain, upgraded with STARTTLS when the server offers it. */
    IMAP_SECURE: bool.default(true),
    IMAP_USER: z.string().optional(),
    IMAP_PASSWORD: z.string().optional(),
    IMAP_MAILBOX: z.string().default('INBOX'),
    /** A PEM bundle that signs the IMAP server's certificate, if it is not publicly trusted. */
    IMAP_CA_FILE: z.string().optional(),
    STAGING_WEBRA2_URL: url.optional(),
    STAGING_WEBRA1_URL: url.optional(),
    STAGING_REPO1_URL: url.optional(),
    STAGING_DS_URL: url.optional(),
    STAGING_DSNC_URL: url.optional(),
    STAGING_BULKSIGN_URL: url.optional(),
    STAGING_CA_FILE: z.string().optional(),
    /** Names pinned to addresses, like curl --resolve: `webra2.double.test=127.0.0.1,*.double.test=127.0.0.1` (config/resolve.ts). */
    RESOLVE: z
      .string()
      .default('')
      .superRefine((v, ctx) => {
        try {
          parseResolve(v);
        } catch (e) {
          if (!(e instanceof ResolveError)) throw e;
          ctx.addIssue({ code: 'custom', message: e.message });
        }
      }),
    /** The accounts of a real environment (fixtures/accounts.ts; format in accounts.example.json). */
    ACCOUNTS_FILE: z.string().optional(),
    /** What this environment is called; the destructive opt-in must name it (config/safety.ts). */
    ENVIRONMENT_NAME: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only').optional(),
    /** Opt-in for the specs tagged @destructive on a real environment: the ENVIRONMENT_NAME, verbatim. */
    VERIFY_DESTRUCTIVE: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.MAIL_SOURCE === 'imap') {
      for (const key of ['IMAP_HOST', 'IMAP_USER', 'IMAP_PASSWORD'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when MAIL_SOURCE=imap' });
      }
    } else if (env.TARGET === 'staging' && !env.MAILBOX_URL) {
      ctx.addIssue({ code: 'custom', path: ['MAILBOX_URL'], message: 'is required when TARGET=staging and MAIL_SOURCE=catcher' });
    }
    if (env.TARGET !== 'staging') return;
    // Staging has no admin API: everything the suite needs must come from .env.
    for (const key of [
      'STAGING_WEBRA2_URL',
      'STAGING_WEBRA1_URL',
      'STAGING_REPO1_URL',
      'STAGING_DS_URL',
      'STAGING_DSNC_URL',
      'STAGING_BULKSIGN_URL',
    ] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when TARGET=staging' });
    }
  });

export type Env = z.infer<typeof schema>;

/** The mock's fixed port layout, one origin per production host it stands for. */
export const MOCK_PORTS = {
  admin: 0,
  webra2: 1,
  webra1: 2,
  repo1: 3,
  ds: 4,
  dsnc: 5,
  bulksign: 6,
  smtp: 25,
  mailbox: 26,
} as const;

export interface Urls {
  /** Issuance site (webra2.secomtrust.net) */
  webra2: string;
  /** Certificate check page host (webra1.secomtrust.net) */
  webra1: string;
  /** CA repository, plain HTTP (repo1.secomtrust.net) */
  repo1: string;
  /** エコ文書 (ds.e-kakushin.com), client certificate required */
  ds: string;
  /** エコ文書 certificate-less entry (ds-nc.e-kakushin.com) */
  dsnc: string;
  /** Bulk e-signature system */
  bulksign: string;
  /** Mail catcher API (the suite's mailbox) */
  mailbox: string;
  /** Mock admin API, loopback only (undefined against staging) */
  admin?: string;
}

export interface Config {
  target: 'mock' | 'staging';
  env: Env;
  urls: Urls;
  /** Origins that require a client certificate (Playwright clientCertificates). */
  clientCertOrigins: string[];
  mock: { host: string; ports: Record<keyof typeof MOCK_PORTS, number> };
  reportsDir: string;
  pkiDir: string;
  evidence: boolean;
  mailTimeoutMs: number;
  guidesBaseUrl: string;
  /** Appended to every documented CA name the suite expects (CA_NAME_SUFFIX). */
  caNameSuffix: string;
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (.env / environment):\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const host = env.MOCK_HOST;
  // In a URL an IPv6 address is written in brackets (MOCK_HOST=::1 → https://[::1]:port).
  const h = urlHost(host);
  const ports = Object.fromEntries(
    Object.entries(MOCK_PORTS).map(([k, off]) => [k, env.MOCK_BASE_PORT + off]),
  ) as Record<keyof typeof MOCK_PORTS, number>;
  const urls: Urls =
    env.TARGET === 'mock'
      ? {
          webra2: `https://${h}:${ports.webra2}`,
          webra1: `https://${h}:${ports.webra1}`,
          repo1: `http://${h}:${ports.repo1}`,
          ds: `https://${h}:${ports.ds}`,
          dsnc: `https://${h}:${ports.dsnc}`,
          bulksign: `https://${h}:${ports.bulksign}`,
          mailbox: env.MAILBOX_URL ?? `http://${h}:${ports.mailbox}`,
          admin: `http://${h}:${ports.admin}`,
        }
      : {
          webra2: env.STAGING_WEBRA2_URL!,
          webra1: env.STAGING_WEBRA1_URL!,
          repo1: env.STAGING_REPO1_URL!,
          ds: env.STAGING_DS_URL!,
          dsnc: env.STAGING_DSNC_URL!,
          bulksign: env.STAGING_BULKSIGN_URL!,
          // Unused (empty) when MAIL_SOURCE=imap.
          mailbox: env.MAILBOX_URL ?? '',
        };
  return {
    target: env.TARGET,
    env,
    urls,
    clientCertOrigins: [urls.webra1, urls.ds].map((u) => new URL(u).origin),
    mock: { host, ports },
    reportsDir: path.resolve(ROOT, env.REPORTS_DIR),
    pkiDir: env.PKI_DIR ? path.resolve(ROOT, env.PKI_DIR) : path.join(ROOT, 'certs', 'out'),
    evidence: env.EVIDENCE,
    mailTimeoutMs: env.MAIL_TIMEOUT_MS,
    guidesBaseUrl: env.GUIDES_BASE_URL,
    caNameSuffix: env.CA_NAME_SUFFIX ?? (env.TARGET === 'mock' ? ' TEST' : ''),
  };
}

/** Loaded once per process; fails fast with every bad variable named. */
export const config: Config = loadConfig();
