/**
 * Certificate building blocks shared by the PKI generator (store.ts) and the
 * run-time issuing API (issue.ts): key generation, certificate profiles,
 * parsing, PKCS#12 export and the client-purpose check.
 *
 * node-forge builds and signs certificates; key pairs come from Node's native
 * (OpenSSL) generator because forge's pure-JS RSA keygen takes seconds.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, randomBytes, randomInt, sign as nodeSign, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { type DnAttribute, LEAF_DEFAULTS, SIGNING_PROFILE } from './definition';

const generateKeyPairAsync = promisify(generateKeyPair);

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** Material needed to sign with a CA and to describe the chain above it. */
export interface CaMaterial {
  certPem: string;
  keyPem: string;
  /** The CA's own issuers, excluding the root ([] for a root or a root's direct child). */
  chainPem: string[];
  /** The trust anchor; equals certPem for a root. */
  rootPem: string;
}

/** A freshly issued end-entity certificate. */
export interface IssuedCert {
  certPem: string;
  /** Present when the issuer generated the key pair (not for CSR / public-key issuance). */
  keyPem?: string;
  /** Issuer chain without the root (the intermediate, if there is one). */
  chainPem: string[];
  /** Trust anchor of the chain (the certificate itself when self-signed). */
  rootPem: string;
  /** Uppercase hex, as Node's X509Certificate.serialNumber prints it. */
  serialHex: string;
  /** Colon-separated uppercase SHA-256, as Node's X509Certificate.fingerprint256. */
  fingerprint256: string;
  subjectCN: string;
  issuerCN: string;
  notBefore: Date;
  notAfter: Date;
  keyBits: number;
}

export type ExtendedKeyUsageName = 'clientAuth' | 'serverAuth' | 'emailProtection';

// ---------------------------------------------------------------------------
// keys

export interface KeyPairPem {
  /** PKCS#8 "PRIVATE KEY" PEM: accepted by Node TLS, OpenSSL, forge and WebCrypto. */
  privateKeyPem: string;
  publicKeyPem: string;
}

/** Native RSA keygen (~100-200 ms for 2048 bits, runs on the libuv pool so calls overlap). */
export async function generateRsaKeyPair(bits: number): Promise<KeyPairPem> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', {
    modulusLength: bits,
    publicExponent: 0x10001,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** forge only reads RSA keys in PKCS#1/PKCS#8 PEM; normalise whatever the caller gave us. */
function forgePrivateKey(keyPem: string): forge.pki.rsa.PrivateKey {
  const pkcs8 = createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'pem' }).toString();
  return forge.pki.privateKeyFromPem(pkcs8) as forge.pki.rsa.PrivateKey;
}

function forgePublicKey(publicKeyPem: string): forge.pki.rsa.PublicKey {
  const spki = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'pem' }).toString();
  return forge.pki.publicKeyFromPem(spki) as forge.pki.rsa.PublicKey;
}

// ---------------------------------------------------------------------------
// names, serials, dates

/**
 * forge's typings declare valueTagClass as asn1.Class, but forge actually
 * expects the universal *type* (UTF8 = 12) there.
 */
const UTF8_TAG = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

/**
 * Non-ASCII-capable DN values as UTF8String (PrintableString cannot hold
 * Japanese or even '&' / '_', and forge would silently emit garbage that later
 * breaks PKCS#12 with "mac verify failure"). countryName stays PrintableString
 * as RFC 5280 requires. forge UTF-8-encodes the JS string itself.
 */
export function toForgeName(dn: readonly DnAttribute[]): forge.pki.CertificateField[] {
  return dn.map((a) =>
    a.type === 'C' ? { shortName: 'C', value: a.value } : { shortName: a.type, value: a.value, valueTagClass: UTF8_TAG },
  );
}

/** Copy a parsed name for re-encoding: forge keeps parsed UTF8 values as raw bytes but re-encodes on write. */
function reencodableName(attrs: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return attrs.map((a) => ({
    type: a.type,
    shortName: a.shortName,
    name: a.name,
    valueTagClass: a.valueTagClass,
    value: a.valueTagClass === UTF8_TAG && typeof a.value === 'string' ? forge.util.decodeUtf8(a.value) : a.value,
  }));
}

/** Positive 128-bit serial (first byte 0x01..0x7f so the DER INTEGER stays positive and minimal). */
export function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return bytes.toString('hex').toUpperCase();
}

/** Accept "0A:1B", "0a1b", ...; keep the DER INTEGER positive. */
export function normaliseSerialHex(serial: string): string {
  let hex = serial.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  if (hex.length === 0) throw new Error(`Invalid serial number: ${JSON.stringify(serial)}`);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  while (hex.length > 2 && hex.startsWith('00') && parseInt(hex.slice(2, 4), 16) < 0x80) hex = hex.slice(2);
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return hex;
}

/** Default login CN of SECOM Passport for Member certificates: S47 + 5 digits + P. */
export function makeLoginCommonName(): string {
  return `S47${String(randomInt(0, 100000)).padStart(5, '0')}P`;
}

export function daysFrom(base: Date, days: number): Date {
  return new Date(base.getTime() + days * DAY_MS);
}

export function minutesFrom(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * MINUTE_MS);
}

// ---------------------------------------------------------------------------
// signing

interface SignParams {
  subject: forge.pki.CertificateField[];
  publicKey: forge.pki.rsa.PublicKey;
  /** undefined = self-signed with signerKeyPem. */
  issuerCertPem?: string;
  signerKeyPem: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  extensions: object[];
}

function signCertificate(p: SignParams): string {
  const cert = forge.pki.createCertificate();
  cert.serialNumber = normaliseSerialHex(p.serialHex).toLowerCase();
  cert.validity.notBefore = p.notBefore;
  cert.validity.notAfter = p.notAfter;
  cert.publicKey = p.publicKey;
  cert.setSubject(p.subject);

  // Authority key id = issuer's subject key id, so OpenSSL can pick the right issuer/CRL.
  let authorityKeyId: string;
  if (p.issuerCertPem) {
    const issuer = forge.pki.certificateFromPem(p.issuerCertPem);
    cert.setIssuer(reencodableName(issuer.subject.attributes));
    authorityKeyId = issuer.generateSubjectKeyIdentifier().getBytes();
  } else {
    cert.setIssuer(p.subject);
    authorityKeyId = cert.generateSubjectKeyIdentifier().getBytes();
  }
  cert.setExtensions([
    ...p.extensions,
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: authorityKeyId },
  ]);
  signSha256WithNodeCrypto(cert, p.signerKeyPem);
  return forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n');
}

/**
 * Same steps as forge's cert.sign(key, sha256) but the RSA operation runs in
 * OpenSSL: forge's pure-JS signing costs ~30 ms per certificate.
 */
function signSha256WithNodeCrypto(cert: forge.pki.Certificate, signerKeyPem: string): void {
  const oid = forge.pki.oids.sha256WithRSAEncryption;
  cert.signatureOid = oid;
  cert.siginfo.algorithmOid = oid;
  // getTBSCertificate exists in forge but is missing from @types/node-forge.
  const tbs = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate(cert);
  const tbsDer = Buffer.from(forge.asn1.toDer(tbs).getBytes(), 'binary');
  (cert as forge.pki.Certificate & { tbsCertificate: forge.asn1.Asn1 }).tbsCertificate = tbs;
  cert.signature = nodeSign('sha256', tbsDer, signerKeyPem).toString('binary');
}

/** Describe a certificate the way the rest of the suite consumes it. */
export function describeIssued(certPem: string, chainPem: string[], rootPem: string, keyPem?: string): IssuedCert {
  const info = parseCertificate(certPem);
  const x = new X509Certificate(certPem);
  return {
    certPem,
    ...(keyPem !== undefined ? { keyPem } : {}),
    chainPem,
    rootPem,
    serialHex: x.serialNumber.toUpperCase(),
    fingerprint256: x.fingerprint256,
    subjectCN: firstValue(info.subject.CN) ?? '',
    issuerCN: info.issuerCN,
    notBefore: info.notBefore,
    notAfter: info.notAfter,
    keyBits: info.keyBits,
  };
}

// ---------------------------------------------------------------------------
// profiles

export interface CaProfileParams {
  subject: readonly DnAttribute[];
  keyBits: number;
  validityDays: number;
  pathLen?: number;
  /** How far notBefore lies in the past. */
  backdateDays: number;
  /** undefined = self-signed root. */
  issuer?: CaMaterial;
  now?: Date;
}

/** A CA certificate (basicConstraints CA, keyCertSign + cRLSign) plus its chain material. */
export async function createCa(p: CaProfileParams): Promise<CaMaterial> {
  const now = p.now ?? new Date();
  const keys = await generateRsaKeyPair(p.keyBits);
  const basicConstraints: Record<string, unknown> = { name: 'basicConstraints', cA: true, critical: true };
  if (p.pathLen !== undefined) basicConstraints.pathLenConstraint = p.pathLen;
  const certPem = signCertificate({
    subject: toForgeName(p.subject),
    publicKey: forgePublicKey(keys.publicKeyPem),
    issuerCertPem: p.issuer?.certPem,
    signerKeyPem: p.issuer ? p.issuer.keyPem : keys.privateKeyPem,
    serialHex: randomSerialHex(),
    notBefore: daysFrom(now, -p.backdateDays),
    notAfter: daysFrom(now, p.validityDays),
    extensions: [basicConstraints, { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }],
  });
  if (!p.issuer) return { certPem, keyPem: keys.privateKeyPem, chainPem: [], rootPem: certPem };
  return { certPem, keyPem: keys.privateKeyPem, chainPem: leafChainOf(p.issuer), rootPem: p.issuer.rootPem };
}

/** Chain a leaf issued by `ca` must carry: the CA itself unless it is the root, plus the CA's own chain. */
export function leafChainOf(ca: CaMaterial): string[] {
  return ca.certPem === ca.rootPem ? [] : [ca.certPem, ...ca.chainPem];
}

/** Where the leaf's public key comes from: a new key pair, a bare public key or a CSR. */
export type LeafKeySource =
  | { kind: 'generate'; bits: number }
  | { kind: 'publicKey'; publicKeyPem: string }
  | { kind: 'csr'; csrPem: string };

export interface LeafParams {
  subject: readonly DnAttribute[];
  /** 'self' = self-signed leaf. */
  issuer: CaMaterial | 'self';
  key: LeafKeySource;
  notBefore: Date;
  notAfter: Date;
  keyUsage: Record<string, boolean>;
  eku: readonly ExtendedKeyUsageName[];
  serialHex?: string;
  subjectAltName?: { dns?: readonly string[]; ip?: readonly string[] };
}

/** Generic end-entity issuance; the profile helpers below fill in subject and usages. */
export async function issueLeaf(p: LeafParams): Promise<IssuedCert> {
  let keyPem: string | undefined;
  let publicKey: forge.pki.rsa.PublicKey;
  if (p.key.kind === 'generate') {
    const keys = await generateRsaKeyPair(p.key.bits);
    keyPem = keys.privateKeyPem;
    publicKey = forgePublicKey(keys.publicKeyPem);
  } else if (p.key.kind === 'publicKey') {
    publicKey = forgePublicKey(p.key.publicKeyPem);
  } else {
    publicKey = publicKeyFromVerifiedCsr(p.key.csrPem);
  }
  if (p.issuer === 'self' && keyPem === undefined) {
    throw new Error('A self-signed certificate needs a generated key (no publicKeyPem/csrPem)');
  }

  const extensions: object[] = [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, ...p.keyUsage },
  ];
  if (p.eku.length > 0) {
    extensions.push({ name: 'extKeyUsage', ...Object.fromEntries(p.eku.map((e) => [e, true])) });
  }
  if (p.subjectAltName) {
    const altNames = [
      ...(p.subjectAltName.dns ?? []).map((value) => ({ type: 2, value })),
      ...(p.subjectAltName.ip ?? []).map((ip) => ({ type: 7, ip })),
    ];
    extensions.push({ name: 'subjectAltName', altNames });
  }

  const selfSigned = p.issuer === 'self';
  const certPem = signCertificate({
    subject: toForgeName(p.subject),
    publicKey,
    issuerCertPem: selfSigned ? undefined : (p.issuer as CaMaterial).certPem,
    signerKeyPem: selfSigned ? (keyPem as string) : (p.issuer as CaMaterial).keyPem,
    serialHex: p.serialHex ?? randomSerialHex(),
    notBefore: p.notBefore,
    notAfter: p.notAfter,
    extensions,
  });
  if (p.issuer === 'self') return describeIssued(certPem, [], certPem, keyPem);
  return describeIssued(certPem, leafChainOf(p.issuer), p.issuer.rootPem, keyPem);
}

/** The CA decides the subject; the CSR only contributes a public key, after its self-signature checks out. */
function publicKeyFromVerifiedCsr(csrPem: string): forge.pki.rsa.PublicKey {
  let csr: forge.pki.CertificateSigningRequest;
  try {
    csr = forge.pki.certificationRequestFromPem(csrPem);
  } catch (e) {
    throw new Error(`Cannot parse CSR (only RSA PKCS#10 is supported): ${(e as Error).message}`);
  }
  if (!csr.verify()) throw new Error('CSR signature verification failed');
  if (!csr.publicKey) throw new Error('CSR has no public key');
  return csr.publicKey as forge.pki.rsa.PublicKey;
}

/** Subject of a SECOM Passport for Member login certificate (test flavour). */
export function loginSubject(commonName: string): DnAttribute[] {
  return [
    { type: 'C', value: 'JP' },
    { type: 'O', value: 'SECOM Passport for Member TEST' },
    { type: 'CN', value: commonName },
  ];
}

/**
 * Subject of a SECOM Passport for PublicID (e-signature) certificate:
 * C=JP, O=SECOM Trust Systems CO. LTD., OU=<service>, OU=<company>, CN=<name>
 * (DER order; printed RFC 2253 style it reads CN, OU=company, OU=service, O, C).
 */
export function signingSubject(romajiName: string, companyRomaji: string, serviceName: string): DnAttribute[] {
  return [
    { type: 'C', value: SIGNING_PROFILE.country },
    { type: 'O', value: SIGNING_PROFILE.organization },
    { type: 'OU', value: serviceName },
    { type: 'OU', value: companyRomaji },
    { type: 'CN', value: romajiName },
  ];
}

/** TLS end entities (login and server certificates): RSA key exchange + signatures. */
export const TLS_KEY_USAGE = { digitalSignature: true, keyEncipherment: true } as const;
export const SIGNING_KEY_USAGE = { digitalSignature: true, nonRepudiation: true } as const;

// ---------------------------------------------------------------------------
// parsing

export interface ParsedCertificate {
  /** Short name (CN, OU, O, C, ...) → value; repeated attributes (two OUs) become arrays in DER order. */
  subject: Record<string, string | string[]>;
  issuer: Record<string, string | string[]>;
  issuerCN: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  keyBits: number;
  ekus: string[];
  keyUsage: string[];
  isCa: boolean;
}

function nameToRecord(attrs: forge.pki.CertificateField[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const a of attrs) {
    const key = a.shortName ?? a.name ?? a.type ?? '?';
    const raw = typeof a.value === 'string' ? a.value : String(a.value);
    // UTF8String values come back from forge as raw UTF-8 bytes.
    const value = a.valueTagClass === UTF8_TAG ? forge.util.decodeUtf8(raw) : raw;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function firstValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};

const KEY_USAGE_NAMES = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];

/** Decode a certificate (UTF-8 DN values included) so tests can assert on what was issued. */
export function parseCertificate(pem: string): ParsedCertificate {
  const cert = forge.pki.certificateFromPem(pem);
  const x = new X509Certificate(pem);
  const subject = nameToRecord(cert.subject.attributes);
  const issuer = nameToRecord(cert.issuer.attributes);
  const ekus = (x.keyUsage ?? []).map((oid) => EKU_NAMES[oid] ?? oid);
  const ku = cert.getExtension('keyUsage') as Record<string, unknown> | null;
  const bc = cert.getExtension('basicConstraints') as { cA?: boolean } | null;
  return {
    subject,
    issuer,
    issuerCN: firstValue(issuer.CN) ?? '',
    serialHex: x.serialNumber.toUpperCase(),
    notBefore: new Date(x.validFrom),
    notAfter: new Date(x.validTo),
    keyBits: (cert.publicKey as forge.pki.rsa.PublicKey).n.bitLength(),
    ekus,
    keyUsage: ku ? KEY_USAGE_NAMES.filter((k) => ku[k] === true) : [],
    isCa: bc?.cA === true,
  };
}

/** Split a PEM bundle into individual certificate PEMs. */
export function splitPemBundle(bundle: string): string[] {
  return bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g)?.map((p) => (p.endsWith('\n') ? p : `${p}\n`)) ?? [];
}

/** Short, stable identifier of a set of certificates (SHA-256 over their DER). */
export function shortFingerprint(pems: readonly string[]): string {
  const h = createHash('sha256');
  for (const pem of pems) h.update(new X509Certificate(pem).raw);
  return h.digest('hex').slice(0, 16).toUpperCase();
}

// ---------------------------------------------------------------------------
// PKCS#12

export interface Pkcs12Input {
  certPem: string;
  keyPem?: string;
  chainPem: string[];
}

/**
 * DER PKCS#12 with leaf + chain (root excluded: the server has it).
 * AES-256/PBES2 because OpenSSL 3 (Node, Playwright's client certificates)
 * rejects forge's default legacy RC2/3DES-SHA1 PBE without the legacy provider.
 */
export function toPkcs12(item: Pkcs12Input, password: string, friendlyName?: string): Buffer {
  if (!item.keyPem) throw new Error('toPkcs12 needs the private key (keyPem); CSR-issued certificates have none');
  const key = forgePrivateKey(item.keyPem);
  const certs = [item.certPem, ...item.chainPem].map((p) => forge.pki.certificateFromPem(p));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, password, {
    algorithm: 'aes256',
    ...(friendlyName !== undefined ? { friendlyName } : {}),
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

// ---------------------------------------------------------------------------
// client purpose

/**
 * Application-level guard for the mock: true when the peer certificate may be
 * used for TLS client authentication (no EKU, or EKU contains clientAuth /
 * anyExtendedKeyUsage). OpenSSL already enforces this during the handshake
 * (purpose "sslclient" → INVALID_PURPOSE); this helper lets the mock give the
 * same answer for certificates it receives out of band (e.g. uploaded PEMs).
 */
export function checkClientPurpose(cert: string | Buffer | X509Certificate): { ok: true } | { ok: false; reason: string } {
  const x = cert instanceof X509Certificate ? cert : new X509Certificate(cert);
  const ekus = x.keyUsage;
  if (ekus === undefined || ekus.length === 0) return { ok: true };
  if (ekus.includes('1.3.6.1.5.5.7.3.2') || ekus.includes('2.5.29.37.0')) return { ok: true };
  return { ok: false, reason: `INVALID_PURPOSE: extendedKeyUsage lacks clientAuth (${ekus.map((o) => EKU_NAMES[o] ?? o).join(', ')})` };
}

// ---------------------------------------------------------------------------
// leaf profiles with an explicit issuer (issue.ts resolves the issuer from the PKI)

export interface LoginLeafOptions {
  /** Default: makeLoginCommonName() (S47 + 5 digits + P). */
  commonName?: string;
  /** Issue for this public key instead of generating one (no keyPem is returned). */
  publicKeyPem?: string;
  /** Issue for the CSR's public key after verifying its signature; its subject is ignored. */
  csrPem?: string;
  keyBits?: 1024 | 2048;
  /** Default: now - 5 min. */
  notBefore?: Date;
  /** Default: now + 365 days. */
  notAfter?: Date;
  /** Default: ['clientAuth']. */
  eku?: ('clientAuth' | 'serverAuth')[];
  /** Hex serial; default random 128-bit. */
  serial?: string;
}

/** Pick the key source from the options; a CSR wins over a bare public key. */
function keySourceOf(o: { csrPem?: string; publicKeyPem?: string; keyBits?: number }): LeafKeySource {
  if (o.csrPem) return { kind: 'csr', csrPem: o.csrPem };
  if (o.publicKeyPem) return { kind: 'publicKey', publicKeyPem: o.publicKeyPem };
  return { kind: 'generate', bits: o.keyBits ?? LEAF_DEFAULTS.keyBits };
}

/** Login (client-auth) certificate profile: KU digitalSignature+keyEncipherment, EKU clientAuth. */
export function issueLoginLeaf(issuer: CaMaterial | 'self', o: LoginLeafOptions = {}, now: Date = new Date()): Promise<IssuedCert> {
  return issueLeaf({
    subject: loginSubject(o.commonName ?? makeLoginCommonName()),
    issuer,
    key: keySourceOf(o),
    notBefore: o.notBefore ?? minutesFrom(now, -LEAF_DEFAULTS.backdateMinutes),
    notAfter: o.notAfter ?? daysFrom(now, LEAF_DEFAULTS.validityDays),
    keyUsage: TLS_KEY_USAGE,
    eku: o.eku ?? ['clientAuth'],
    serialHex: o.serial,
  });
}

export interface SigningLeafOptions {
  /** CN, e.g. "Kenpo Taro" (any Unicode is encoded as UTF8String). */
  romajiName: string;
  /** First OU, e.g. "TJK". */
  companyRomaji: string;
  /** Second OU; default "Denshi Syoko Service4". */
  serviceName?: string;
  notBefore?: Date;
  notAfter?: Date;
  publicKeyPem?: string;
  csrPem?: string;
}

/** An issued signing certificate plus the strings the e-signature UI shows. */
export interface SigningCert extends IssuedCert {
  display: {
    /** Uppercase hex without separators. */
    serialHex: string;
    /** Expiry in JST, "YYYY/MM/DD HH:mm:ss". */
    notAfterJst: string;
    /** Expiry date in JST, "YYYY/MM/DD". */
    notAfterDateJst: string;
  };
}

/** Format a date in Japan time (UTC+9, no DST) as the Japanese UI does. */
export function formatJst(d: Date, withTime = true): string {
  const j = new Date(d.getTime() + 9 * 60 * 60 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${j.getUTCFullYear()}/${p(j.getUTCMonth() + 1)}/${p(j.getUTCDate())}`;
  return withTime ? `${date} ${p(j.getUTCHours())}:${p(j.getUTCMinutes())}:${p(j.getUTCSeconds())}` : date;
}

/** SECOM Passport for PublicID profile: KU digitalSignature+nonRepudiation, EKU emailProtection. */
export async function issueSigningLeaf(issuer: CaMaterial, o: SigningLeafOptions, now: Date = new Date()): Promise<SigningCert> {
  const issued = await issueLeaf({
    subject: signingSubject(o.romajiName, o.companyRomaji, o.serviceName ?? SIGNING_PROFILE.defaultServiceName),
    issuer,
    key: keySourceOf({ ...o, keyBits: LEAF_DEFAULTS.keyBits }),
    notBefore: o.notBefore ?? minutesFrom(now, -LEAF_DEFAULTS.backdateMinutes),
    notAfter: o.notAfter ?? daysFrom(now, LEAF_DEFAULTS.validityDays),
    keyUsage: SIGNING_KEY_USAGE,
    eku: ['emailProtection'],
  });
  return {
    ...issued,
    display: {
      serialHex: issued.serialHex,
      notAfterJst: formatJst(issued.notAfter),
      notAfterDateJst: formatJst(issued.notAfter, false),
    },
  };
}
