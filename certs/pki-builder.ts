/**
 * Generates the whole test PKI in memory from the definition: the CAs (each as
 * soon as its issuer exists, key generation overlapping on the libuv pool), the
 * mock's server certificate, every variant, and one CRL per CA.
 */
import { X509Certificate } from 'node:crypto';
import { type CaMaterial, createCa } from './ca-certificate';
import { caDef } from './ca-tree';
import { createCrl, type GeneratedCrl } from './crl';
import { daysFrom, minutesFrom } from './dates';
import { CA_BACKDATE_DAYS, CA_DEFINITIONS, type CaId, LEAF_DEFAULTS, SERVER_CERT, type TlsExpectation, type VariantName, VARIANTS } from './definition';
import { TLS_KEY_USAGE } from './extensions';
import { type IssuedCert, issueLeaf } from './leaf-certificate';
import { issueLoginLeaf, issueSigningLeaf } from './leaf-profiles';
import type { ManifestItem } from './manifest';
import { parseCertificate } from './parse';

/** One certificate of the cache with its key, whatever its kind (a CA is described like a leaf). */
export interface BuiltItem {
  kind: ManifestItem['kind'];
  name: string;
  description: string;
  issued: IssuedCert & { keyPem: string };
  expectedValid: boolean;
  expect?: TlsExpectation;
  revoked?: boolean;
}

export interface BuiltPki {
  now: Date;
  cas: Record<CaId, CaMaterial>;
  items: BuiltItem[];
  crls: { id: CaId; crl: GeneratedCrl }[];
  /** Milliseconds spent on each phase, for the log line. */
  timings: { cas: number; leaves: number; crls: number };
}

function withKey(i: IssuedCert): IssuedCert & { keyPem: string } {
  if (!i.keyPem) throw new Error('internal: generated leaf without key');
  return i as IssuedCert & { keyPem: string };
}

async function buildCas(now: Date): Promise<Record<CaId, CaMaterial>> {
  const caPromises = new Map<CaId, Promise<CaMaterial>>();
  const caOf = (id: CaId): Promise<CaMaterial> => {
    let p = caPromises.get(id);
    if (!p) {
      const d = caDef(id);
      p = (d.issuer ? caOf(d.issuer) : Promise.resolve(undefined)).then((issuer) =>
        createCa({ subject: d.subject, keyBits: d.keyBits, validityDays: d.validityDays, pathLen: d.pathLen, backdateDays: CA_BACKDATE_DAYS, issuer, now }),
      );
      caPromises.set(id, p);
    }
    return p;
  };
  const caList = await Promise.all(CA_DEFINITIONS.map(async (d) => [d.id, await caOf(d.id)] as const));
  return Object.fromEntries(caList) as Record<CaId, CaMaterial>;
}

async function buildVariant(name: VariantName, cas: Record<CaId, CaMaterial>, now: Date): Promise<BuiltItem> {
  const def = VARIANTS[name];
  const issuer = def.issuer === 'self' ? 'self' : cas[def.issuer];
  const notBefore = def.notBeforeOffsetDays !== undefined ? daysFrom(now, def.notBeforeOffsetDays) : undefined;
  const notAfter = def.notAfterOffsetDays !== undefined ? daysFrom(now, def.notAfterOffsetDays) : undefined;
  let issued: IssuedCert;
  if (def.profile === 'signing') {
    if (issuer === 'self' || !def.signing) throw new Error(`Variant ${name}: signing profile needs a CA issuer and names`);
    issued = await issueSigningLeaf(issuer, { ...def.signing, notBefore, notAfter }, now);
  } else {
    issued = await issueLoginLeaf(issuer, { keyBits: def.keyBits, eku: def.eku ? [...def.eku] : undefined, notBefore, notAfter }, now);
  }
  if (def.omitIntermediate) issued = { ...issued, chainPem: [] };
  return {
    kind: 'variant',
    name,
    description: def.description,
    issued: withKey(issued),
    expectedValid: issued.notAfter.getTime() > now.getTime(),
    expect: def.expect,
    revoked: def.revoked === true,
  };
}

function caItem(id: CaId, c: CaMaterial): BuiltItem {
  const meta = parseCertificate(c.certPem);
  return {
    kind: 'ca',
    name: id,
    description: caDef(id).purpose,
    issued: {
      certPem: c.certPem,
      keyPem: c.keyPem,
      chainPem: c.chainPem,
      rootPem: c.rootPem,
      serialHex: meta.serialHex,
      fingerprint256: new X509Certificate(c.certPem).fingerprint256,
      subjectCN: String(meta.subject.CN),
      issuerCN: meta.issuerCN,
      notBefore: meta.notBefore,
      notAfter: meta.notAfter,
      keyBits: meta.keyBits,
    },
    expectedValid: true,
  };
}

/** Everything the cache holds, generated in memory. */
export async function buildPki(now = new Date()): Promise<BuiltPki> {
  const started = Date.now();
  const cas = await buildCas(now);
  const tCas = Date.now();

  const serverPromise = issueLeaf({
    subject: SERVER_CERT.subject,
    issuer: cas[SERVER_CERT.issuer],
    key: { kind: 'generate', bits: SERVER_CERT.keyBits },
    notBefore: minutesFrom(now, -LEAF_DEFAULTS.backdateMinutes),
    notAfter: daysFrom(now, SERVER_CERT.validityDays),
    keyUsage: TLS_KEY_USAGE,
    eku: ['serverAuth'],
    subjectAltName: { dns: SERVER_CERT.dnsNames, ip: SERVER_CERT.ipAddresses },
  });
  const variantNames = Object.keys(VARIANTS) as VariantName[];
  const [server, ...variants] = await Promise.all([serverPromise, ...variantNames.map((name) => buildVariant(name, cas, now))]);
  const tLeaves = Date.now();
  const items: BuiltItem[] = [
    ...CA_DEFINITIONS.map((d) => caItem(d.id, cas[d.id])),
    { kind: 'server', name: 'server', description: 'Mock backend HTTPS server certificate', issued: withKey(server), expectedValid: true },
    ...variants,
  ];

  // CRLs for every CA (the bundle handed to the TLS server takes CRL_ISSUERS only).
  const revokedBy = new Map<CaId, string[]>();
  for (const v of variants) {
    const def = VARIANTS[v.name as VariantName];
    if (v.revoked && def.issuer !== 'self') revokedBy.set(def.issuer, [...(revokedBy.get(def.issuer) ?? []), v.issued.serialHex]);
  }
  const crls = await Promise.all(
    CA_DEFINITIONS.map(async (d) => ({ id: d.id, crl: await createCrl({ caCertPem: cas[d.id].certPem, caKeyPem: cas[d.id].keyPem, revokedSerials: revokedBy.get(d.id) ?? [] }) })),
  );
  const tCrls = Date.now();
  return { now, cas, items, crls, timings: { cas: tCas - started, leaves: tLeaves - tCas, crls: tCrls - tLeaves } };
}
