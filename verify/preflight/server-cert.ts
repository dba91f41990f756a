/**
 * The server certificate of an HTTPS host (EG18/EG25 §2-1 5.): it chains to the configured
 * trust (Node's roots + STAGING_CA_FILE), names the host, stays valid for the threshold,
 * and is signed and keyed strongly. On a client-certificate host the handshake needs the
 * account's certificate; without one the certificate is still read from the failed handshake
 * when the server sent it.
 */
import type { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { x509 } from '../../certs/peculiar-x509';
import { type PreflightConfig, portOf } from './config';
import { MIN_RSA_BITS, WEAK_HASHES } from './documented';
import type { PreflightIo } from './io';
import { SECTIONS, type CheckResult } from './types';

const DAY = 86_400_000;

export interface ClientIdentity {
  pfx: Buffer;
  passphrase: string;
}

export async function checkServerCertificate(cfg: PreflightConfig, io: PreflightIo, host: 'webra2' | 'webra1' | 'ds' | 'dsnc' | 'bulksign', identity?: ClientIdentity): Promise<CheckResult[]> {
  const u = cfg.urls[host];
  const id = (k: string) => `cert.${host}.${k}`;
  const s = SECTIONS.serverCert;
  // The hostname is judged on its own below: here `authorized` is to mean the chain alone.
  const r = await io.handshake(u.hostname, portOf(u), { ca: cfg.trust, rejectUnauthorized: false, checkServerIdentity: () => undefined, ...(identity ?? {}) });
  const titles = {
    chain: `${host}: server certificate chains to the configured trust`,
    hostname: `${host}: server certificate names ${u.hostname}`,
    expiry: `${host}: server certificate valid for at least ${cfg.expiryDays} days`,
    strength: `${host}: server certificate signature and key strong enough`,
  };
  const peer = r.peer;
  if (!r.ok || !peer) {
    const why = `no completed handshake${identity ? '' : ' (the host needs a client certificate: configure a certificate account)'}: ${r.error ?? 'no certificate'}`;
    const status = identity || !['webra1', 'ds'].includes(host) ? 'fail' : 'skip';
    return (Object.keys(titles) as (keyof typeof titles)[]).map((k) => ({ id: id(k), section: s, title: titles[k], status, detail: why }));
  }
  const results: CheckResult[] = [];
  results.push({
    id: id('chain'),
    section: s,
    title: titles.chain,
    status: r.authorized ? 'pass' : 'fail',
    detail: r.authorized ? `issued by ${cn(peer.issuer)}, trusted${cfg.caFile ? ` (with ${cfg.caFile})` : ''}` : `not trusted: ${r.authorizationError} (issuer ${cn(peer.issuer)}; set STAGING_CA_FILE to the environment's CA)`,
  });
  const mismatch = tls.checkServerIdentity(u.hostname, peer.toLegacyObject());
  results.push({
    id: id('hostname'),
    section: s,
    title: titles.hostname,
    status: mismatch ? 'fail' : 'pass',
    detail: mismatch ? `hostname mismatch: ${mismatch.message}` : `SAN ${peer.subjectAltName ?? ''}`.trim(),
  });
  results.push(expiry(peer, cfg.expiryDays, id('expiry'), titles.expiry));
  results.push(strength(peer, id('strength'), titles.strength));
  return results;
}

function expiry(peer: X509Certificate, threshold: number, idv: string, title: string): CheckResult {
  const days = Math.floor((Date.parse(peer.validTo) - Date.now()) / DAY);
  const ok = days >= threshold;
  return {
    id: idv,
    section: SECTIONS.serverCert,
    title,
    status: ok ? 'pass' : 'fail',
    detail: ok ? `expires ${new Date(peer.validTo).toISOString()} (${days} days)` : `expires in ${days} days (${new Date(peer.validTo).toISOString()}), below the ${threshold}-day threshold`,
  };
}

function strength(peer: X509Certificate, idv: string, title: string): CheckResult {
  const cert = new x509.X509Certificate(peer.raw);
  const alg = cert.signatureAlgorithm as { name: string; hash?: { name: string } };
  const hash = alg.hash?.name ?? '?';
  const details = peer.publicKey.asymmetricKeyDetails ?? {};
  const type = peer.publicKey.asymmetricKeyType;
  const bits = details.modulusLength;
  const problems: string[] = [];
  if (WEAK_HASHES.includes(hash.toUpperCase())) problems.push(`weak signature hash ${hash}`);
  if ((type === 'rsa' || type === 'rsa-pss') && (bits ?? 0) < MIN_RSA_BITS) problems.push(`RSA key ${bits} bits < ${MIN_RSA_BITS}`);
  const desc = `${alg.name} with ${hash}, ${type}${bits ? ` ${bits} bits` : details.namedCurve ? ` ${details.namedCurve}` : ''}`;
  return { id: idv, section: SECTIONS.serverCert, title, status: problems.length ? 'fail' : 'pass', detail: problems.length ? `${problems.join('; ')} (${desc})` : desc };
}

export const cn = (dn: string) => /(?:^|\n)CN=([^\n]*)/.exec(dn)?.[1] ?? dn;
