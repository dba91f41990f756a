/** Turns a valid cache directory and its manifest into the Pki object (files read, paths made absolute). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rootOf } from './ca-tree';
import { CA_DEFINITIONS, type CaId, CHAIN_NAMES, CHAINS, type ChainName, SERVER_CERT, type VariantName, VARIANTS } from './definition';
import type { Manifest, ManifestItem } from './manifest';
import { splitCrlBundle, splitPemBundle } from './pem';
import type { CaItem, ChainItems, ItemFiles, ItemInfo, LeafItem, Pki, VariantItem } from './pki-types';

export function readPki(dir: string, m: Manifest): Pki {
  const abs = (rel: string) => path.join(dir, rel);
  const read = (rel: string) => fs.readFileSync(abs(rel), 'utf8');

  const info = (i: ManifestItem): ItemInfo & ItemFiles => ({
    serialHex: i.serialHex,
    fingerprint256: i.fingerprint256,
    subject: i.subject,
    subjectCN: i.subjectCN,
    issuerCN: i.issuerCN,
    notBefore: new Date(i.notBefore),
    notAfter: new Date(i.notAfter),
    keyBits: i.keyBits,
    ekus: i.ekus,
    p12Password: i.p12Password,
    certPath: abs(i.files.cert),
    keyPath: abs(i.files.key),
    chainPath: abs(i.files.chain),
    fullchainPath: abs(i.files.fullchain),
    p12Path: abs(i.files.p12),
  });

  const cas = {} as Record<CaId, CaItem>;
  for (const i of m.items.filter((x) => x.kind === 'ca')) {
    const id = i.name as CaId;
    const crlFile = i.files.crl as string;
    cas[id] = { ...info(i), id, certPem: read(i.files.cert), keyPem: read(i.files.key), chainPem: splitPemBundle(read(i.files.chain)), rootPem: '', crlPem: read(crlFile), crlPath: abs(crlFile) };
  }
  for (const def of CA_DEFINITIONS) cas[def.id].rootPem = cas[rootOf(def.id)].certPem;

  const leaf = (i: ManifestItem): LeafItem => {
    const certPem = read(i.files.cert);
    const chainPem = splitPemBundle(read(i.files.chain));
    return { ...info(i), name: i.name, certPem, keyPem: read(i.files.key), chainPem, rootPem: '', fullchainPem: read(i.files.fullchain) };
  };
  const serverItem = m.items.find((x) => x.kind === 'server');
  if (!serverItem) throw new Error(`Corrupt PKI manifest in ${dir}: no server item`);
  const server = { ...leaf(serverItem), rootPem: cas[SERVER_CERT.issuer].certPem };

  const variants = {} as Record<VariantName, VariantItem>;
  for (const i of m.items.filter((x) => x.kind === 'variant')) {
    const name = i.name as VariantName;
    const def = VARIANTS[name];
    const base = leaf(i);
    const rootPem = def.issuer === 'self' ? base.certPem : cas[rootOf(def.issuer)].certPem;
    variants[name] = { ...base, name, rootPem, description: def.description, expect: def.expect };
  }

  const chains = {} as Record<ChainName, ChainItems>;
  for (const name of CHAIN_NAMES) {
    const c = CHAINS[name];
    const intermediate = c.intermediate ? cas[c.intermediate] : undefined;
    chains[name] = { root: cas[c.root], ...(intermediate ? { intermediate } : {}), issuer: intermediate ?? cas[c.root] };
  }

  return {
    dir,
    manifestPath: abs('manifest.json'),
    createdAt: new Date(m.createdAt),
    definitionHash: m.definitionHash,
    fingerprint: m.fingerprint,
    p12Password: m.p12Password,
    cas,
    serverCa: cas[SERVER_CERT.issuer],
    server,
    chains,
    signingCa: cas['signing-ca'],
    unknownCa: cas['unknown-ca'],
    clientTrustPem: read(m.bundles.clientTrust),
    clientTrustPath: abs(m.bundles.clientTrust),
    crlPem: read(m.bundles.crl),
    crlPems: splitCrlBundle(read(m.bundles.crl)),
    crlPath: abs(m.bundles.crl),
    variants,
  };
}
