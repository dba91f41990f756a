/**
 * Reading a certificate back (UTF-8 DN values included) so tests and the mock can
 * assert on what was issued, and a short fingerprint over a set of certificates.
 */
import { createHash, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { EKU_NAMES, KEY_USAGE_NAMES } from './extensions';
import { firstValue, nameToRecord } from './names';

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

/** Short, stable identifier of a set of certificates (SHA-256 over their DER). */
export function shortFingerprint(pems: readonly string[]): string {
  const h = createHash('sha256');
  for (const pem of pems) h.update(new X509Certificate(pem).raw);
  return h.digest('hex').slice(0, 16).toUpperCase();
}
