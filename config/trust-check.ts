/**
 * Before a run against a real environment: does every HTTPS host present a certificate that
 * chains to the configured trust (STAGING_CA_FILE + the system CAs) and names the host? A
 * wrong CA or a hostname mismatch stops the run here with one clear line per host, instead
 * of every spec failing later with net::ERR_CERT_AUTHORITY_INVALID.
 *
 * Playwright globalSetup (TARGET=staging) and scripts/verify.ts use it. Hosts that ask for
 * a client certificate are checked too: the server's certificate is verified before the
 * client's is asked for, so the refusal that follows is not a trust failure.
 */
import dns from 'node:dns';
import fs from 'node:fs';
import tls from 'node:tls';
import { config } from './env';
import { parseResolve, pinnedLookup } from './resolve';
import { splitPemBundle } from '../certs/pem';

export interface TrustProblem {
  url: string;
  message: string;
}

const TRUST_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** One host: undefined when its certificate is trusted for its name, else the problem in words. */
export function checkServerTrust(url: string, options: { ca?: string[]; resolve?: string; timeoutMs?: number } = {}): Promise<TrustProblem | undefined> {
  const u = new URL(url);
  const port = Number(u.port || 443);
  const rules = parseResolve(options.resolve);
  const ca = options.ca && options.ca.length > 0 ? [...tls.rootCertificates, ...options.ca] : undefined;
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: u.hostname,
      port,
      servername: u.hostname.match(/^[\d.]+$|:/) ? undefined : u.hostname,
      ca,
      rejectUnauthorized: true,
      lookup: pinnedLookup(rules, dns.lookup as never),
      timeout: options.timeoutMs ?? 10_000,
    });
    const done = (problem?: TrustProblem) => {
      socket.destroy();
      resolve(problem);
    };
    socket.once('secureConnect', () => done());
    socket.once('timeout', () => done({ url, message: `${u.host}: no TLS answer within ${options.timeoutMs ?? 10_000} ms` }));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? '';
      if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
        return done({ url, message: `${u.host}: hostname mismatch — the server certificate does not name "${u.hostname}" (${err.message})` });
      }
      if (TRUST_CODES.has(code)) {
        return done({
          url,
          message: `${u.host}: the server certificate is not trusted (${code}) — STAGING_CA_FILE must name the CA that signs this environment's servers`,
        });
      }
      // Reached the handshake's client-certificate part (or a refusal after it): trust held.
      if (/alert|certificate required|handshake failure|ECONNRESET|socket hang up/i.test(`${code} ${err.message}`)) return done();
      done({ url, message: `${u.host}: ${code || err.message}` });
    });
  });
}

/** Every HTTPS URL; the problems, in URL order. */
export async function checkTrust(urls: readonly string[], options: { caFile?: string; resolve?: string } = {}): Promise<TrustProblem[]> {
  const ca = options.caFile ? splitPemBundle(fs.readFileSync(options.caFile, 'utf8')) : undefined;
  const https = urls.filter((u) => u.startsWith('https:'));
  const results = await Promise.all(https.map((u) => checkServerTrust(u, { ca, resolve: options.resolve })));
  return results.filter((r): r is TrustProblem => !!r);
}

export class TrustCheckError extends Error {}

/** Playwright globalSetup: a real environment's trust is checked before any spec runs. */
export default async function globalSetup(): Promise<void> {
  if (config.target !== 'staging') return;
  const urls = [config.urls.webra2, config.urls.webra1, config.urls.ds, config.urls.dsnc, config.urls.bulksign];
  const problems = await checkTrust(urls, { caFile: config.env.STAGING_CA_FILE, resolve: config.env.RESOLVE });
  if (problems.length > 0) {
    throw new TrustCheckError(`The environment's HTTPS servers are not trusted; nothing was run:\n${problems.map((p) => `  ${p.message}`).join('\n')}`);
  }
}
