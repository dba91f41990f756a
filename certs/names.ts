/**
 * Distinguished names: encoding the definition's DNs for forge (UTF8String where
 * Japanese may appear), decoding parsed names back, and the subjects of the
 * service's two certificate kinds.
 */
import { randomInt } from 'node:crypto';
import forge from 'node-forge';
import { type DnAttribute, SIGNING_PROFILE } from './definition';

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
export function reencodableName(attrs: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return attrs.map((a) => ({
    type: a.type,
    shortName: a.shortName,
    name: a.name,
    valueTagClass: a.valueTagClass,
    value: a.valueTagClass === UTF8_TAG && typeof a.value === 'string' ? forge.util.decodeUtf8(a.value) : a.value,
  }));
}

/** Short name (CN, OU, O, C, ...) → value; repeated attributes (two OUs) become arrays in DER order. */
export function nameToRecord(attrs: forge.pki.CertificateField[]): Record<string, string | string[]> {
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

export function firstValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Default login CN of SECOM Passport for Member certificates: S47 + 5 digits + P. */
export function makeLoginCommonName(): string {
  return `S47${String(randomInt(0, 100000)).padStart(5, '0')}P`;
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
