/** The preflight's settings: the suite's configuration plus its own PREFLIGHT_* variables. */
import fs from 'node:fs';
import tls from 'node:tls';
import { z } from 'zod';
import type { Config } from '../../config/env';
import { parseResolve, type ResolveRule } from '../../config/resolve';
import { DOCUMENTED_CLIENT_CA_NAMES } from './documented';

export type HostName = 'webra2' | 'webra1' | 'repo1' | 'ds' | 'dsnc' | 'bulksign';
export const HTTPS_HOSTS = ['webra2', 'webra1', 'ds', 'dsnc', 'bulksign'] as const;
export const CLIENT_CERT_HOSTS = ['webra1', 'ds'] as const;

const schema = z.object({
  /** A server certificate must stay valid at least this many days. */
  PREFLIGHT_EXPIRY_DAYS: z.coerce.number().int().min(0).default(30),
  /** The issuers the client-certificate hosts must accept, `|`-separated (default: the documented names + CA_NAME_SUFFIX). */
  PREFLIGHT_CLIENT_CA_NAMES: z.string().optional(),
});

export interface PreflightConfig {
  urls: Record<HostName, URL>;
  rules: ResolveRule[];
  /** Trust for server certificates: Node's roots plus STAGING_CA_FILE. */
  trust: string[];
  caFile?: string;
  expiryDays: number;
  clientCaNames: string[];
}

export function preflightConfig(config: Config, env: NodeJS.ProcessEnv = process.env): PreflightConfig {
  const own = schema.parse(env);
  const u = config.urls;
  const caFile = config.env.STAGING_CA_FILE;
  return {
    urls: { webra2: new URL(u.webra2), webra1: new URL(u.webra1), repo1: new URL(u.repo1), ds: new URL(u.ds), dsnc: new URL(u.dsnc), bulksign: new URL(u.bulksign) },
    rules: parseResolve(config.env.RESOLVE),
    trust: [...tls.rootCertificates, ...(caFile ? [fs.readFileSync(caFile, 'utf8')] : [])],
    caFile,
    expiryDays: own.PREFLIGHT_EXPIRY_DAYS,
    clientCaNames: own.PREFLIGHT_CLIENT_CA_NAMES ? own.PREFLIGHT_CLIENT_CA_NAMES.split('|').map((s) => s.trim()).filter(Boolean) : DOCUMENTED_CLIENT_CA_NAMES.map((name) => `${name}${config.caNameSuffix}`),
  };
}

export const portOf = (u: URL) => Number(u.port || (u.protocol === 'https:' ? 443 : 80));
