/**
 * Writes a generated PKI into a cache directory: per item cert/key/chain/
 * fullchain PEMs and a PKCS#12, CRLs next to their CA, the client-trust and CRL
 * bundles, and — last, so a directory with one is complete — manifest.json.
 */
import { X509Certificate } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { CA_DEFINITIONS, CLIENT_TRUST_ANCHORS, CRL_ISSUERS, STATIC_P12_PASSWORD } from './definition';
import { DEFINITION_HASH, type Manifest, type ManifestFiles, type ManifestItem, MANIFEST_SCHEMA } from './manifest';
import { parseCertificate, shortFingerprint } from './parse';
import type { BuiltItem, BuiltPki } from './pki-builder';
import { toPkcs12 } from './pkcs12';

function dnString(record: Record<string, string | string[]>): string {
  return Object.entries(record)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${x}`))
    .join(', ');
}

async function writeItem(dir: string, item: BuiltItem, built: BuiltPki): Promise<ManifestItem> {
  const sub = item.kind === 'ca' ? `ca/${item.name}` : item.kind === 'server' ? 'server' : `variants/${item.name}`;
  await fsp.mkdir(path.join(dir, sub), { recursive: true });
  const { issued } = item;
  const files: ManifestFiles = {
    cert: `${sub}/cert.pem`,
    key: `${sub}/key.pem`,
    chain: `${sub}/chain.pem`,
    fullchain: `${sub}/fullchain.pem`,
    p12: `${sub}/${item.name}.p12`,
  };
  await fsp.writeFile(path.join(dir, files.cert), issued.certPem);
  await fsp.writeFile(path.join(dir, files.key), issued.keyPem, { mode: 0o600 });
  await fsp.writeFile(path.join(dir, files.chain), issued.chainPem.join(''));
  await fsp.writeFile(path.join(dir, files.fullchain), [issued.certPem, ...issued.chainPem].join(''));
  await fsp.writeFile(path.join(dir, files.p12), toPkcs12(issued, STATIC_P12_PASSWORD, item.name));
  if (item.kind === 'ca') {
    const crl = built.crls.find((c) => c.id === item.name);
    if (!crl) throw new Error(`internal: no CRL for ${item.name}`);
    files.crl = `${sub}/crl.pem`;
    await fsp.writeFile(path.join(dir, files.crl), crl.crl.pem);
  }
  const meta = parseCertificate(issued.certPem);
  return {
    kind: item.kind,
    name: item.name,
    description: item.description,
    subject: dnString(meta.subject),
    subjectCN: issued.subjectCN,
    issuer: dnString(meta.issuer),
    issuerCN: meta.issuerCN,
    serialHex: meta.serialHex,
    fingerprint256: new X509Certificate(issued.certPem).fingerprint256,
    notBefore: meta.notBefore.toISOString(),
    notAfter: meta.notAfter.toISOString(),
    keyBits: meta.keyBits,
    ekus: meta.ekus,
    files,
    p12Password: STATIC_P12_PASSWORD,
    expectedValid: item.expectedValid,
    ...(item.expect ? { expect: item.expect } : {}),
    ...(item.kind === 'variant' ? { revoked: item.revoked === true } : {}),
  };
}

/** Write `built` into `dir` (created if needed); returns the manifest written. */
export async function writePki(dir: string, built: BuiltPki, startedAt: number): Promise<Manifest> {
  await fsp.mkdir(dir, { recursive: true });
  const manifestItems: ManifestItem[] = [];
  for (const item of built.items) manifestItems.push(await writeItem(dir, item, built));

  const crlOf = (id: string) => {
    const found = built.crls.find((c) => c.id === id);
    if (!found) throw new Error(`internal: no CRL for ${id}`);
    return found.crl;
  };
  await fsp.writeFile(path.join(dir, 'client-trust.pem'), CLIENT_TRUST_ANCHORS.map((id) => built.cas[id].certPem).join(''));
  await fsp.writeFile(path.join(dir, 'crl.pem'), CRL_ISSUERS.map((id) => crlOf(id).pem).join(''));

  const expiries = [
    ...manifestItems.filter((i) => i.expectedValid).map((i) => Date.parse(i.notAfter)),
    ...built.crls.map((c) => c.crl.nextUpdate.getTime()),
  ];
  const manifest: Manifest = {
    schema: MANIFEST_SCHEMA,
    definitionHash: DEFINITION_HASH,
    createdAt: built.now.toISOString(),
    generationMs: Date.now() - startedAt,
    fingerprint: shortFingerprint(CA_DEFINITIONS.map((d) => built.cas[d.id].certPem)),
    p12Password: STATIC_P12_PASSWORD,
    expiresAt: new Date(Math.min(...expiries)).toISOString(),
    bundles: { clientTrust: 'client-trust.pem', crl: 'crl.pem' },
    items: manifestItems,
    crls: built.crls.map((c) => ({
      issuer: c.id,
      file: `ca/${c.id}/crl.pem`,
      thisUpdate: c.crl.thisUpdate.toISOString(),
      nextUpdate: c.crl.nextUpdate.toISOString(),
      revokedSerials: c.crl.revokedSerials,
    })),
  };
  // Written last: a directory with a manifest is complete.
  await fsp.writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
