/**
 * Protocol versions (EG18/EG25 §2-1 5.: the user turns TLS 1.2 on and SSL 2.0/3.0 off, so
 * the service must speak TLS 1.2 and refuse the old ones).
 *
 * TLS 1.0/1.1/1.2 are offered by Node itself (OpenSSL 3 offers 1.0/1.1 at SECLEVEL=0), with
 * the answer read from the server's first record: a ServerHello at that version means
 * accepted, even on a host whose handshake then fails for want of a client certificate.
 *
 * SSL 3.0: OpenSSL 3 cannot offer it at all. Two ways were open: a hand-written SSL 3.0
 * ClientHello over a Node socket, or Debian's `sslscan`, whose SSLv2/SSLv3 tests send their
 * own raw ClientHello precisely because the OpenSSL they link cannot. We use sslscan: a
 * maintained scanner that support staff also run by hand, rather than a protocol encoder of
 * our own to keep right (the project prefers well-kept tools to hand-written protocol code).
 * Without sslscan the check is skipped and says how to install it.
 */
import { type PreflightConfig, portOf } from './config';
import type { PreflightIo } from './io';
import { SECTIONS, type CheckResult } from './types';

const LEGACY = [
  { key: 'tls11', version: 'TLSv1.1', label: 'TLS 1.1' },
  { key: 'tls10', version: 'TLSv1', label: 'TLS 1.0' },
] as const;

export async function checkTlsVersions(cfg: PreflightConfig, io: PreflightIo, host: 'webra2' | 'webra1' | 'ds' | 'dsnc' | 'bulksign'): Promise<CheckResult[]> {
  const u = cfg.urls[host];
  const port = portOf(u);
  const id = (k: string) => `tls.${host}.${k}`;
  const results: CheckResult[] = [];
  const probe = (version: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2') =>
    io.handshake(u.hostname, port, { minVersion: version, maxVersion: version, ciphers: 'DEFAULT:@SECLEVEL=0', rejectUnauthorized: false });

  const t12 = await probe('TLSv1.2');
  const accepted12 = t12.ok || (t12.serverHello.kind === 'hello' && t12.serverHello.version === 'TLSv1.2');
  results.push({
    id: id('tls12-accepted'),
    section: SECTIONS.tls,
    title: `${host}: TLS 1.2 accepted`,
    status: accepted12 ? 'pass' : 'fail',
    detail: accepted12 ? `ServerHello TLSv1.2${t12.ok ? '' : ' (handshake then needs a client certificate)'}` : `TLS 1.2 refused: ${t12.error ?? describe(t12.serverHello)}`,
  });
  for (const l of LEGACY) {
    const r = await probe(l.version);
    const accepted = r.ok || (r.serverHello.kind === 'hello' && r.serverHello.version === l.version);
    results.push({
      id: id(`${l.key}-refused`),
      section: SECTIONS.tls,
      title: `${host}: ${l.label} refused`,
      status: accepted ? 'fail' : 'pass',
      detail: accepted ? `${l.label} accepted (server answered a ServerHello ${l.version}${r.ok ? ' and completed the handshake' : ''})` : `refused: ${describe(r.serverHello)}${r.error ? ` (${r.error})` : ''}`,
    });
  }
  results.push(await checkSsl3(io, host, u.hostname, port));
  return results;
}

async function checkSsl3(io: PreflightIo, host: string, name: string, port: number): Promise<CheckResult> {
  const base = { id: `tls.${host}.ssl3-refused`, section: SECTIONS.tls, title: `${host}: SSL 3.0 refused` };
  const address = await io.resolve(name);
  const r = await io.run('sslscan', ['--no-colour', '--no-ciphersuites', '--no-fallback', '--no-renegotiation', '--no-compression', '--no-heartbleed', '--no-groups', '--no-check-certificate', `--sni-name=${name}`, '--xml=-', `${address}:${port}`], `${name}:${port}`);
  if (r.missing) return { ...base, status: 'skip', detail: 'sslscan is not installed (Debian: apt-get install sslscan; scripts/setup.sh does it)' };
  const m = /<protocol type="ssl" version="3" enabled="([01])"/.exec(r.stdout);
  if (!m) return { ...base, status: 'fail', detail: `sslscan gave no SSLv3 verdict: ${(/<error><!\[CDATA\[(.*?)\]\]>/.exec(r.stdout)?.[1] ?? r.stderr.trim()) || 'no output'}` };
  return m[1] === '1' ? { ...base, status: 'fail', detail: 'SSL 3.0 accepted (sslscan)' } : { ...base, status: 'pass', detail: 'SSL 3.0 not accepted (sslscan)' };
}

function describe(h: { kind: string; description?: number; version?: string }): string {
  if (h.kind === 'alert') return `alert ${h.description}${h.description === 70 ? ' (protocol_version)' : h.description === 40 ? ' (handshake_failure)' : ''}`;
  if (h.kind === 'hello') return `ServerHello ${h.version}`;
  return h.kind === 'none' ? 'no answer' : 'unexpected answer';
}
