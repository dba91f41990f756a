/**
 * The CA repository (EG18/EG25 §2-1 8.; repo1 over plain HTTP): it serves the root and
 * intermediate certificates the guides name; they parse, chain (intermediate → its root) and
 * are in date; every CRL distribution point they carry answers with a CRL that its issuer
 * signed and whose nextUpdate is still ahead.
 */
import { x509 } from '../../certs/peculiar-x509';
import type { PreflightConfig } from './config';
import { REPOSITORY_FILES, type RepositoryFile } from './documented';
import type { PreflightIo } from './io';
import { SECTIONS, type CheckResult } from './types';

export interface PublishedCa {
  file: RepositoryFile;
  cert: x509.X509Certificate;
}

const slug = (f: RepositoryFile) => f.path.split('/').pop()!.replace(/\.cer$/i, '');

function parseCertificate(body: Buffer): x509.X509Certificate {
  const text = body.toString('latin1');
  return new x509.X509Certificate(text.includes('-----BEGIN') ? text : new Uint8Array(body));
}

function parseCrl(body: Buffer): x509.X509Crl {
  const text = body.toString('latin1');
  return new x509.X509Crl(text.includes('-----BEGIN') ? text.replace(/X509 CRL/g, 'CRL') : new Uint8Array(body));
}

export async function checkRepository(cfg: PreflightConfig, io: PreflightIo, reachable: boolean): Promise<{ results: CheckResult[]; published: PublishedCa[] }> {
  const s = SECTIONS.repository;
  const results: CheckResult[] = [];
  const published: PublishedCa[] = [];
  const base = cfg.urls.repo1.origin;
  for (const file of REPOSITORY_FILES) {
    const id = `repo.${slug(file)}`;
    const title = `repo1 serves ${file.name} (${file.path})`;
    if (!reachable) {
      results.push({ id: `${id}.served`, section: s, title, status: 'fail', detail: `repo1 unreachable (${base})` });
      continue;
    }
    try {
      const res = await io.get(`${base}${file.path}`);
      if (res.status !== 200) {
        results.push({ id: `${id}.served`, section: s, title, status: 'fail', detail: `GET ${file.path} answered HTTP ${res.status}` });
        continue;
      }
      const cert = parseCertificate(res.body);
      published.push({ file, cert });
      results.push({ id: `${id}.served`, section: s, title, status: 'pass', detail: `${cert.subject} (serial ${cert.serialNumber})` });
    } catch (e) {
      results.push({ id: `${id}.served`, section: s, title, status: 'fail', detail: `GET ${file.path}: ${(e as Error).message}` });
    }
  }

  const now = new Date();
  for (const { file, cert } of published) {
    const id = `repo.${slug(file)}`;
    const problems: string[] = [];
    if (cert.notBefore > now || cert.notAfter < now) problems.push(`not in date (${cert.notBefore.toISOString()} – ${cert.notAfter.toISOString()})`);
    const issuer = file.issuerPath ? published.find((p) => p.file.path === file.issuerPath)?.cert : cert;
    if (!issuer) problems.push(`its issuer (${file.issuerPath}) could not be read from repo1`);
    else if (!(await cert.verify({ publicKey: issuer, signatureOnly: true }))) problems.push(`signature does not verify with ${issuer.subject}`);
    else if (cert.issuer !== issuer.subject) problems.push(`issuer name ${cert.issuer} ≠ ${issuer.subject}`);
    results.push({
      id: `${id}.valid`,
      section: s,
      title: `${file.name} parses, chains${file.role === 'intermediate' ? ' to its root' : ' (self-signed root)'} and is in date`,
      status: problems.length ? 'fail' : 'pass',
      detail: problems.length ? problems.join('; ') : `valid until ${cert.notAfter.toISOString()}`,
    });
    const cdp = cert.getExtension(x509.CRLDistributionPointsExtension);
    const urls = (cdp?.distributionPoints ?? []).flatMap((dp) => dp.distributionPoint?.fullName ?? []).map((n) => n.uniformResourceIdentifier).filter((x): x is string => !!x);
    if (file.role === 'intermediate' && urls.length === 0) {
      results.push({ id: `${id}.crl`, section: s, title: `${file.name}: CRL distribution point answers with a current CRL`, status: 'fail', detail: 'the certificate names no CRL distribution point' });
    }
    for (const url of urls) results.push(await checkCrl(io, `${id}.crl`, file, url, issuer));
  }
  return { results, published };
}

async function checkCrl(io: PreflightIo, id: string, file: RepositoryFile, url: string, issuer: x509.X509Certificate | undefined): Promise<CheckResult> {
  const base = { id, section: SECTIONS.repository, title: `${file.name}: CRL distribution point answers with a current CRL` };
  try {
    const res = await io.get(url);
    if (res.status !== 200) return { ...base, status: 'fail', detail: `GET ${url} answered HTTP ${res.status}` };
    const crl = parseCrl(res.body);
    if (issuer && !(await crl.verify({ publicKey: issuer }))) return { ...base, status: 'fail', detail: `CRL at ${url} is not signed by ${issuer.subject}` };
    if (!crl.nextUpdate) return { ...base, status: 'fail', detail: `CRL at ${url} has no nextUpdate` };
    if (crl.nextUpdate.getTime() <= Date.now()) return { ...base, status: 'fail', detail: `stale CRL at ${url}: nextUpdate ${crl.nextUpdate.toISOString()} is past` };
    return { ...base, status: 'pass', detail: `${url}: thisUpdate ${crl.thisUpdate.toISOString()}, nextUpdate ${crl.nextUpdate.toISOString()}, ${crl.entries.length} revoked` };
  } catch (e) {
    return { ...base, status: 'fail', detail: `GET ${url}: ${(e as Error).message}` };
  }
}
