/**
 * The hosts that require a client certificate (ds, webra1; EG18/EG25 §2-1 6., EG-2-1): the
 * server asks for one, its list of acceptable CAs names the expected issuers, a handshake
 * without one is refused, the configured account's certificate completes it, and the check
 * page shows that certificate as valid.
 *
 * The acceptable-CA list is what `openssl s_client` prints from the CertificateRequest
 * (Node's TLS client does not expose it). An expected issuer counts as named when the list
 * holds it or the root above it (as repo1 publishes the chain): servers commonly list roots.
 */
import fs from 'node:fs';
import { issuance } from '../../messages';
import type { CertificateAccount } from '../../fixtures/accounts';
import { type PreflightConfig, portOf } from './config';
import { CHECK_PAGE_PATH } from './documented';
import type { PreflightIo } from './io';
import type { PublishedCa } from './repository';
import { cn, type ClientIdentity } from './server-cert';
import { SECTIONS, type CheckResult } from './types';

export function identityOf(account: CertificateAccount | undefined): ClientIdentity | undefined {
  return account ? { pfx: fs.readFileSync(account.pkcs12), passphrase: account.pkcs12Password.reveal() } : undefined;
}

export async function checkClientCertHost(
  cfg: PreflightConfig,
  io: PreflightIo,
  host: 'webra1' | 'ds',
  account: CertificateAccount | undefined,
  published: readonly PublishedCa[],
): Promise<CheckResult[]> {
  const u = cfg.urls[host];
  const port = portOf(u);
  const s = SECTIONS.clientCert;
  const id = (k: string) => `mtls.${host}.${k}`;
  const results: CheckResult[] = [];

  const address = await io.resolve(u.hostname);
  const ossl = await io.run('openssl', ['s_client', '-connect', `${address}:${port}`, '-servername', u.hostname, '-tls1_2'], `${u.hostname}:${port}`);
  const requested = /Client Certificate Types:/.test(ossl.stdout);
  const names = [...(/Acceptable client certificate CA names\n([\s\S]*?)\n(?=Client Certificate Types|Requested Signature)/.exec(ossl.stdout)?.[1] ?? '').split('\n')]
    .map((l) => /CN\s*=\s*(.*)$/.exec(l.trim())?.[1]?.trim())
    .filter((x): x is string => !!x);
  if (ossl.missing) {
    results.push({ id: id('requests-certificate'), section: s, title: `${host}: server asks for a client certificate`, status: 'skip', detail: 'openssl is not installed' });
  } else {
    results.push({
      id: id('requests-certificate'),
      section: s,
      title: `${host}: server asks for a client certificate`,
      status: requested ? 'pass' : 'fail',
      detail: requested ? `CertificateRequest received (${names.length} acceptable CA names)` : 'no client certificate requested: the server never sent a CertificateRequest',
    });
    // Named directly, or through the root above it; undecidable when repo1 did not serve it.
    const verdicts = cfg.clientCaNames.map((want) => {
      if (names.includes(want)) return { want, named: true as const };
      const ca = published.find((p) => cn(p.cert.subject.replace(/, /g, '\n')) === want);
      if (!ca) return { want, named: 'unknown' as const };
      return { want, named: names.includes(cn(ca.cert.issuer.replace(/, /g, '\n'))) };
    });
    const missing = verdicts.filter((v) => v.named === false).map((v) => v.want);
    const unknown = verdicts.filter((v) => v.named === 'unknown').map((v) => v.want);
    const lists = `server lists: ${names.join(', ') || 'none'}`;
    results.push({
      id: id('acceptable-cas'),
      section: s,
      title: `${host}: acceptable CAs name the expected issuers`,
      status: !requested || missing.length ? 'fail' : unknown.length ? 'skip' : 'pass',
      detail: !requested
        ? 'no CertificateRequest, so no CA list'
        : missing.length
          ? `not named: ${missing.join(', ')} (${lists})`
          : unknown.length
            ? `cannot tell for ${unknown.join(', ')}: not listed, and repo1 did not serve its certificate to find its root (${lists})`
            : lists,
    });
  }

  const bare = await io.handshake(u.hostname, port, { ca: cfg.trust, rejectUnauthorized: false, maxVersion: 'TLSv1.2' });
  results.push({
    id: id('no-certificate-refused'),
    section: s,
    title: `${host}: handshake without a certificate refused`,
    status: bare.ok ? 'fail' : 'pass',
    detail: bare.ok ? 'the handshake completed without any client certificate' : `refused: ${bare.error ?? 'closed'}`,
  });

  const identity = identityOf(account);
  if (!identity) {
    results.push({ id: id('account-certificate'), section: s, title: `${host}: the account's certificate completes the handshake`, status: 'skip', detail: 'no certificate account configured (ACCOUNTS_FILE)' });
  } else {
    const r = await io.handshake(u.hostname, port, { ca: cfg.trust, rejectUnauthorized: false, maxVersion: 'TLSv1.2', ...identity });
    results.push({
      id: id('account-certificate'),
      section: s,
      title: `${host}: the account's certificate completes the handshake`,
      status: r.ok ? 'pass' : 'fail',
      detail: r.ok ? `handshake ${r.protocol} with account ${account!.userId}` : `refused for account ${account!.userId}: ${r.error}`,
    });
  }

  if (host === 'webra1') results.push(await checkPage(cfg, io, identity, account));
  return results;
}

async function checkPage(cfg: PreflightConfig, io: PreflightIo, identity: ClientIdentity | undefined, account: CertificateAccount | undefined): Promise<CheckResult> {
  const base = { id: 'mtls.webra1.check-page', section: SECTIONS.checkPage, title: `webra1 check page (${CHECK_PAGE_PATH}) shows the certificate as valid` };
  if (!identity) return { ...base, status: 'skip', detail: 'no certificate account configured (ACCOUNTS_FILE)' };
  try {
    const res = await io.get(`${cfg.urls.webra1.origin}${CHECK_PAGE_PATH}`, { ca: cfg.trust, ...identity, maxVersion: 'TLSv1.2' });
    const body = res.body.toString('utf8');
    if (res.status !== 200) return { ...base, status: 'fail', detail: `HTTP ${res.status} for account ${account!.userId}` };
    if (!body.includes(issuance.certCheckOk)) return { ...base, status: 'fail', detail: `the page does not say 「${issuance.certCheckOk}」` };
    return { ...base, status: 'pass', detail: `「${issuance.certCheckOk}」 for account ${account!.userId}` };
  } catch (e) {
    return { ...base, status: 'fail', detail: `GET ${CHECK_PAGE_PATH}: ${(e as Error).message}` };
  }
}
