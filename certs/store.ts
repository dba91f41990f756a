/**
 * Builds the whole test PKI once and caches it on disk (default certs/out/).
 *
 * Why a cache: the mock server, Playwright's config (client certificates) and
 * the tests must all use the SAME CAs and keys, across processes. The cache is
 * rebuilt when the definition changes (hash), when it is older than
 * CACHE_POLICY.maxAgeDays, or when a CRL / should-be-valid certificate expires
 * within CACHE_POLICY.minRemainingDays.
 *
 * Concurrency: builders serialise on a lock directory next to the cache, build
 * into a sibling temp directory and rename it into place, so readers never see
 * a half-written cache; a builder that loses the rename race loads the winner.
 */
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { createCrl } from './crl';
import {
  CA_BACKDATE_DAYS,
  CA_DEFINITIONS,
  CACHE_POLICY,
  type CaDefinition,
  type CaId,
  CHAIN_NAMES,
  CHAINS,
  type ChainName,
  CLIENT_TRUST_ANCHORS,
  CRL_ISSUERS,
  LEAF_DEFAULTS,
  PKI_DEFINITION,
  SERVER_CERT,
  STATIC_P12_PASSWORD,
  type TlsExpectation,
  type VariantName,
  VARIANTS,
} from './definition';
import {
  type CaMaterial,
  TLS_KEY_USAGE,
  createCa,
  daysFrom,
  type IssuedCert,
  issueLeaf,
  issueLoginLeaf,
  issueSigningLeaf,
  minutesFrom,
  parseCertificate,
  shortFingerprint,
  toPkcs12,
} from './x509';

/** Manifest layout version (not the definition version). */
const MANIFEST_SCHEMA = 1;
const LOCK_STALE_MS = 2 * 60_000;
const LOCK_WAIT_MS = 60_000;
const DAY_MS = 86_400_000;

/** certs/out, unless PKI_DIR points elsewhere (lets a parent process hand the location to children). */
export const DEFAULT_PKI_DIR = path.resolve(process.env.PKI_DIR || path.join(__dirname, 'out'));

/** Hash of the definition data (incl. its version constant): the cache key. */
export const DEFINITION_HASH = createHash('sha256').update(JSON.stringify(PKI_DEFINITION)).digest('hex').slice(0, 32);

// ---------------------------------------------------------------------------
// public types

/** Absolute paths of an item's files. chain.pem is empty for roots. */
export interface ItemFiles {
  /** The certificate alone. A client should present fullchainPath or p12Path (they carry the intermediate). */
  certPath: string;
  keyPath: string;
  /** Issuer chain without the root. */
  chainPath: string;
  /** Leaf + chain: what a client presents. */
  fullchainPath: string;
  p12Path: string;
}

interface ItemInfo {
  serialHex: string;
  fingerprint256: string;
  subject: string;
  subjectCN: string;
  issuerCN: string;
  notBefore: Date;
  notAfter: Date;
  keyBits: number;
  ekus: string[];
  p12Password: string;
}

/** A CA: signing material (usable with the x509 helpers) + its current CRL. */
export interface CaItem extends CaMaterial, ItemFiles, ItemInfo {
  id: CaId;
  crlPem: string;
  crlPath: string;
}

/** An end-entity certificate with key, chain and files. */
export interface LeafItem extends ItemFiles, ItemInfo {
  name: string;
  certPem: string;
  keyPem: string;
  chainPem: string[];
  rootPem: string;
  /** certPem + chainPem joined: what the client sends. */
  fullchainPem: string;
}

export interface VariantItem extends LeafItem {
  name: VariantName;
  description: string;
  /** What the mock's TLS server does with it (pinned by tests/unit/pki.test.ts). */
  expect: TlsExpectation;
}

export interface ChainItems {
  root: CaItem;
  intermediate?: CaItem;
  /** The CA that signs leaves (=== root for rsa-ca16). */
  issuer: CaItem;
}

export interface Pki {
  dir: string;
  manifestPath: string;
  createdAt: Date;
  definitionHash: string;
  /** Short SHA-256 over all CA certificates: "PKI fingerprint" in reports. */
  fingerprint: string;
  /** Password of every static .p12 in the cache. */
  p12Password: string;
  cas: Record<CaId, CaItem>;
  serverCa: CaItem;
  /** Mock HTTPS server certificate (CN onboarding-mock, SAN 127.0.0.1, ::1, localhost). */
  server: LeafItem;
  chains: Record<ChainName, ChainItems>;
  signingCa: CaItem;
  unknownCa: CaItem;
  /** Client-auth trust anchors: the three ROOTS only (valid clients send their intermediate). */
  clientTrustPem: string;
  clientTrustPath: string;
  /**
   * A current CRL for every CA of the trusted chains, concatenated (= crl.pem).
   * Do NOT pass this string to Node's `crl` option: Node parses only the FIRST
   * CRL of a string, and the CAs without one then fail with UNABLE_TO_GET_CRL.
   * Use crlPems (or clientAuthTlsOptions() from certs/tls.ts).
   */
  crlPem: string;
  /** The same CRLs, one PEM per element: the value for Node's `crl` option. */
  crlPems: string[];
  crlPath: string;
  variants: Record<VariantName, VariantItem>;
}

export interface LoadPkiOptions {
  /** Cache directory; default $PKI_DIR or certs/out next to this file. */
  dir?: string;
  log?: (line: string) => void;
  /** Rebuild even if the cache is valid (npm run certs -- --force). */
  force?: boolean;
}

// ---------------------------------------------------------------------------
// manifest

interface ManifestFiles {
  cert: string;
  key: string;
  chain: string;
  fullchain: string;
  p12: string;
  crl?: string;
}

interface ManifestItem {
  kind: 'ca' | 'server' | 'variant';
  name: string;
  description: string;
  subject: string;
  subjectCN: string;
  issuer: string;
  issuerCN: string;
  serialHex: string;
  fingerprint256: string;
  notBefore: string;
  notAfter: string;
  keyBits: number;
  ekus: string[];
  files: ManifestFiles;
  p12Password: string;
  /** Must stay valid for the cache to be usable (false for e.g. `expired`). */
  expectedValid: boolean;
  expect?: TlsExpectation;
  revoked?: boolean;
}

interface ManifestCrl {
  issuer: CaId;
  file: string;
  thisUpdate: string;
  nextUpdate: string;
  revokedSerials: string[];
}

interface Manifest {
  schema: number;
  definitionHash: string;
  createdAt: string;
  generationMs: number;
  fingerprint: string;
  p12Password: string;
  /** Earliest notAfter / nextUpdate of anything that must stay valid. */
  expiresAt: string;
  bundles: { clientTrust: string; crl: string };
  items: ManifestItem[];
  crls: ManifestCrl[];
}

function dnString(record: Record<string, string | string[]>): string {
  return Object.entries(record)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${x}`))
    .join(', ');
}

// ---------------------------------------------------------------------------
// validity of an existing cache

type CacheStatus = { ok: true; manifest: Manifest } | { ok: false; reason: string };

function readManifest(dir: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Why (or whether) the cache in `dir` can be used as is. */
function cacheStatus(dir: string, now = Date.now()): CacheStatus {
  const m = readManifest(dir);
  if (!m) return { ok: false, reason: 'missing' };
  if (m.schema !== MANIFEST_SCHEMA) return { ok: false, reason: `manifest schema ${m.schema} != ${MANIFEST_SCHEMA}` };
  if (m.definitionHash !== DEFINITION_HASH) return { ok: false, reason: 'definition changed (hash mismatch)' };
  const ageDays = (now - Date.parse(m.createdAt)) / DAY_MS;
  if (!(ageDays < CACHE_POLICY.maxAgeDays)) return { ok: false, reason: `older than ${CACHE_POLICY.maxAgeDays} days (${ageDays.toFixed(1)} d)` };
  const remainingDays = (Date.parse(m.expiresAt) - now) / DAY_MS;
  if (!(remainingDays > CACHE_POLICY.minRemainingDays)) {
    return { ok: false, reason: `something expires within ${CACHE_POLICY.minRemainingDays} days (${m.expiresAt})` };
  }
  const files = [m.bundles.clientTrust, m.bundles.crl, ...m.items.flatMap((i) => Object.values(i.files)), ...m.crls.map((c) => c.file)];
  const missing = files.find((f) => !fs.existsSync(path.join(dir, f)));
  if (missing) return { ok: false, reason: `file missing: ${missing}` };
  return { ok: true, manifest: m };
}

// ---------------------------------------------------------------------------
// reading

function readPki(dir: string, m: Manifest): Pki {
  const abs = (rel: string) => path.join(dir, rel);
  const read = (rel: string) => fs.readFileSync(abs(rel), 'utf8');
  const splitChain = (rel: string) => read(rel).match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g) ?? [];

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
    cas[id] = { ...info(i), id, certPem: read(i.files.cert), keyPem: read(i.files.key), chainPem: splitChain(i.files.chain), rootPem: '', crlPem: read(crlFile), crlPath: abs(crlFile) };
  }
  for (const def of CA_DEFINITIONS) cas[def.id].rootPem = cas[rootOf(def.id)].certPem;

  const leaf = (i: ManifestItem): LeafItem => {
    const certPem = read(i.files.cert);
    const chainPem = splitChain(i.files.chain);
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

/** One PEM per CRL, as Node's `crl` option needs. */
export function splitCrlBundle(bundle: string): string[] {
  return bundle.match(/-----BEGIN X509 CRL-----[\s\S]+?-----END X509 CRL-----\n?/g)?.map((p) => (p.endsWith('\n') ? p : `${p}\n`)) ?? [];
}

function caDef(id: CaId): CaDefinition {
  const d = CA_DEFINITIONS.find((c) => c.id === id);
  if (!d) throw new Error(`Unknown CA id ${id}`);
  return d;
}

function rootOf(id: CaId): CaId {
  const d = caDef(id);
  return d.issuer === null ? id : rootOf(d.issuer);
}

// ---------------------------------------------------------------------------
// building

interface BuiltItem {
  kind: ManifestItem['kind'];
  name: string;
  description: string;
  issued: IssuedCert & { keyPem: string };
  expectedValid: boolean;
  expect?: TlsExpectation;
  revoked?: boolean;
}

/** Generate everything into `dir` (which must not exist yet). */
async function buildInto(dir: string, log: (line: string) => void): Promise<Manifest> {
  const started = Date.now();
  const now = new Date();

  // CAs: each starts as soon as its issuer exists; key generation overlaps on the libuv pool.
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
  const caMat = Object.fromEntries(caList) as Record<CaId, CaMaterial>;
  const tCas = Date.now();

  const withKey = (i: IssuedCert): IssuedCert & { keyPem: string } => {
    if (!i.keyPem) throw new Error('internal: generated leaf without key');
    return i as IssuedCert & { keyPem: string };
  };

  const serverPromise = issueLeaf({
    subject: SERVER_CERT.subject,
    issuer: caMat[SERVER_CERT.issuer],
    key: { kind: 'generate', bits: SERVER_CERT.keyBits },
    notBefore: minutesFrom(now, -LEAF_DEFAULTS.backdateMinutes),
    notAfter: daysFrom(now, SERVER_CERT.validityDays),
    keyUsage: TLS_KEY_USAGE,
    eku: ['serverAuth'],
    subjectAltName: { dns: SERVER_CERT.dnsNames, ip: SERVER_CERT.ipAddresses },
  });

  const variantNames = Object.keys(VARIANTS) as VariantName[];
  const variantPromises = variantNames.map(async (name): Promise<BuiltItem> => {
    const def = VARIANTS[name];
    const issuer = def.issuer === 'self' ? 'self' : caMat[def.issuer];
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
  });

  const [server, ...variants] = await Promise.all([serverPromise, ...variantPromises]);
  const tLeaves = Date.now();
  const items: BuiltItem[] = [
    ...CA_DEFINITIONS.map((d): BuiltItem => {
      const c = caMat[d.id];
      const meta = parseCertificate(c.certPem);
      return {
        kind: 'ca',
        name: d.id,
        description: d.purpose,
        // A CA is described like a leaf so the same writer/manifest code applies.
        issued: { certPem: c.certPem, keyPem: c.keyPem, chainPem: c.chainPem, rootPem: c.rootPem, serialHex: meta.serialHex, fingerprint256: new X509Certificate(c.certPem).fingerprint256, subjectCN: String(meta.subject.CN), issuerCN: meta.issuerCN, notBefore: meta.notBefore, notAfter: meta.notAfter, keyBits: meta.keyBits },
        expectedValid: true,
      };
    }),
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
    CA_DEFINITIONS.map(async (d) => ({ id: d.id, crl: await createCrl({ caCertPem: caMat[d.id].certPem, caKeyPem: caMat[d.id].keyPem, revokedSerials: revokedBy.get(d.id) ?? [] }) })),
  );

  const tCrls = Date.now();

  // Files.
  await fsp.mkdir(dir, { recursive: true });
  const manifestItems: ManifestItem[] = [];
  for (const item of items) {
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
      const crl = crls.find((c) => c.id === item.name);
      if (!crl) throw new Error(`internal: no CRL for ${item.name}`);
      files.crl = `${sub}/crl.pem`;
      await fsp.writeFile(path.join(dir, files.crl), crl.crl.pem);
    }
    const meta = parseCertificate(issued.certPem);
    manifestItems.push({
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
    });
  }

  await fsp.writeFile(path.join(dir, 'client-trust.pem'), CLIENT_TRUST_ANCHORS.map((id) => caMat[id].certPem).join(''));
  await fsp.writeFile(path.join(dir, 'crl.pem'), CRL_ISSUERS.map((id) => (crls.find((c) => c.id === id) as (typeof crls)[number]).crl.pem).join(''));

  const expiries = [
    ...manifestItems.filter((i) => i.expectedValid).map((i) => Date.parse(i.notAfter)),
    ...crls.map((c) => c.crl.nextUpdate.getTime()),
  ];
  const manifest: Manifest = {
    schema: MANIFEST_SCHEMA,
    definitionHash: DEFINITION_HASH,
    createdAt: now.toISOString(),
    generationMs: Date.now() - started,
    fingerprint: shortFingerprint(CA_DEFINITIONS.map((d) => caMat[d.id].certPem)),
    p12Password: STATIC_P12_PASSWORD,
    expiresAt: new Date(Math.min(...expiries)).toISOString(),
    bundles: { clientTrust: 'client-trust.pem', crl: 'crl.pem' },
    items: manifestItems,
    crls: crls.map((c) => ({
      issuer: c.id,
      file: `ca/${c.id}/crl.pem`,
      thisUpdate: c.crl.thisUpdate.toISOString(),
      nextUpdate: c.crl.nextUpdate.toISOString(),
      revokedSerials: c.crl.revokedSerials,
    })),
  };
  // Written last: a directory with a manifest is complete.
  await fsp.writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const end = Date.now();
  log(`Generated test PKI in ${end - started} ms (CAs ${tCas - started}, leaves ${tLeaves - tCas}, CRLs ${tCrls - tLeaves}, files+PKCS#12 ${end - tCrls}; fingerprint ${manifest.fingerprint})`);
  return manifest;
}

// ---------------------------------------------------------------------------
// locking and atomic install

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tmpSuffix = () => `${process.pid}-${randomBytes(4).toString('hex')}`;

function lockPathOf(dir: string): string {
  return `${dir}.lock`;
}

/** mkdir is atomic: whoever creates the lock directory builds; others wait, then re-check the cache. */
async function acquireLock(lockPath: string, log: (line: string) => void): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let announced = false;
  for (;;) {
    try {
      await fsp.mkdir(lockPath);
      await fsp.writeFile(path.join(lockPath, 'owner'), `${process.pid} ${new Date().toISOString()}\n`);
      return () => fsp.rm(lockPath, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const st = await fsp.stat(lockPath).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) {
      log(`Removing stale PKI lock ${lockPath}`);
      await fsp.rm(lockPath, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for PKI lock ${lockPath} (delete it if no build is running)`);
    if (!announced) log(`Another process is generating the PKI; waiting for ${lockPath}`);
    announced = true;
    await sleep(100);
  }
}

/**
 * rename(tmp → dir). If dir exists: keep it when it is valid (another process
 * won the race; returns false) unless `replace` (--force), else move it aside.
 */
async function installAtomically(tmp: string, dir: string, replace: boolean): Promise<boolean> {
  const isTaken = (e: unknown) => ['ENOTEMPTY', 'EEXIST', 'EPERM', 'EISDIR'].includes((e as NodeJS.ErrnoException).code ?? '');
  try {
    await fsp.rename(tmp, dir);
    return true;
  } catch (e) {
    if (!isTaken(e)) throw e;
  }
  if (!replace && cacheStatus(dir).ok) return false; // someone else won while we built
  const stale = `${dir}.stale-${tmpSuffix()}`;
  await fsp.rename(dir, stale).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  try {
    await fsp.rename(tmp, dir);
    return true;
  } catch (e) {
    if (!isTaken(e) || !cacheStatus(dir).ok) throw e;
    return false;
  } finally {
    await fsp.rm(stale, { recursive: true, force: true });
  }
}

/** Temp/stale siblings left by a killed builder; only the lock holder calls this. */
async function removeLeftovers(dir: string, log: (line: string) => void): Promise<void> {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  for (const name of await fsp.readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(`${base}.tmp-`) && !name.startsWith(`${base}.stale-`)) continue;
    const full = path.join(parent, name);
    const st = await fsp.stat(full).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) {
      log(`Removing leftover ${full}`);
      await fsp.rm(full, { recursive: true, force: true });
    }
  }
}

async function loadOrBuild(dir: string, log: (line: string) => void, force: boolean): Promise<Pki> {
  if (!force) {
    const st = cacheStatus(dir);
    if (st.ok) return readPki(dir, st.manifest);
    log(`Test PKI cache ${dir}: ${st.reason}; regenerating`);
  }
  await fsp.mkdir(path.dirname(dir), { recursive: true });
  const release = await acquireLock(lockPathOf(dir), log);
  try {
    const st = cacheStatus(dir);
    // Someone built it while we waited for the lock; --force still rebuilds.
    if (st.ok && !force) return readPki(dir, st.manifest);
    await removeLeftovers(dir, log);
    const tmp = `${dir}.tmp-${tmpSuffix()}`;
    try {
      await buildInto(tmp, log);
      if (!(await installAtomically(tmp, dir, force))) log('Another process installed a PKI first; using it');
    } finally {
      await fsp.rm(tmp, { recursive: true, force: true });
    }
  } finally {
    await release();
  }
  const st = cacheStatus(dir);
  if (!st.ok) throw new Error(`Test PKI in ${dir} unusable right after generation: ${st.reason}`);
  return readPki(dir, st.manifest);
}

// ---------------------------------------------------------------------------
// entry points

const inFlight = new Map<string, Promise<Pki>>();

/** Load the cached PKI, (re)generating it when missing/stale; concurrent calls in one process share one build. */
export function loadPki(options: LoadPkiOptions = {}): Promise<Pki> {
  const dir = path.resolve(options.dir ?? DEFAULT_PKI_DIR);
  const log = options.log ?? (() => undefined);
  const key = `${dir}\0${options.force === true}`;
  let p = inFlight.get(key);
  if (!p) {
    p = loadOrBuild(dir, log, options.force === true).finally(() => inFlight.delete(key));
    inFlight.set(key, p);
  }
  return p;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Read an existing, valid cache without generating anything: for synchronous
 * callers such as playwright.config.ts. Applies the same validity rules as
 * loadPki() so a sync reader and an async builder never disagree on keys.
 */
export function loadPkiSync(options: Omit<LoadPkiOptions, 'force'> = {}): Pki {
  const dir = path.resolve(options.dir ?? DEFAULT_PKI_DIR);
  let st = cacheStatus(dir);
  // A build in progress elsewhere (lock held): give it a moment to rename into place.
  const deadline = Date.now() + 30_000;
  while (!st.ok && fs.existsSync(lockPathOf(dir)) && Date.now() < deadline) {
    sleepSync(100);
    st = cacheStatus(dir);
  }
  if (!st.ok) {
    throw new Error(`Test PKI in ${dir} is not usable (${st.reason}). Run \`npm run certs\` to generate it.`);
  }
  return readPki(dir, st.manifest);
}

/** Why the cache is (not) usable; for the CLI and diagnostics. */
export function describePkiCache(options: Pick<LoadPkiOptions, 'dir'> = {}): { ok: boolean; reason: string } {
  const st = cacheStatus(path.resolve(options.dir ?? DEFAULT_PKI_DIR));
  return st.ok ? { ok: true, reason: `valid (created ${st.manifest.createdAt}, expires ${st.manifest.expiresAt})` } : { ok: false, reason: st.reason };
}

/**
 * Like pki.crlPems but with extra serials revoked, for tests that revoke a
 * certificate at run time (e.g. one minted by issueClientCertificate).
 * Returns one PEM per CA (pass the array to Node's `crl` option).
 */
export async function buildTrustedCrls(pki: Pki, extraRevoked: Partial<Record<CaId, readonly string[]>> = {}): Promise<string[]> {
  const m = readManifest(pki.dir);
  const pems = await Promise.all(
    CRL_ISSUERS.map(async (id) => {
      const ca = pki.cas[id];
      const already = m?.crls.find((c) => c.issuer === id)?.revokedSerials ?? [];
      return (await createCrl({ caCertPem: ca.certPem, caKeyPem: ca.keyPem, revokedSerials: [...already, ...(extraRevoked[id] ?? [])] })).pem;
    }),
  );
  return pems;
}
