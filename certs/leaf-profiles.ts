/**
 * The service's two end-entity profiles with an explicit issuer (issue.ts
 * resolves the issuer from the PKI): the SECOM Passport for Member login
 * certificate and the SECOM Passport for PublicID signing certificate.
 */
import type { CaMaterial } from './ca-certificate';
import { daysFrom, formatJst, minutesFrom } from './dates';
import { LEAF_DEFAULTS, SIGNING_PROFILE } from './definition';
import { SIGNING_KEY_USAGE, TLS_KEY_USAGE } from './extensions';
import { type IssuedCert, issueLeaf, type LeafKeySource } from './leaf-certificate';
import { loginSubject, makeLoginCommonName, signingSubject } from './names';

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
