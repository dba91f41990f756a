/**
 * The e-signature certificate both systems issue (TJK 署名用証明書, BS10 STEP2): a real
 * certificate from the test PKI's signing CA, and the table the screens show, read back
 * from the certificate itself so the page can never disagree with what was issued.
 */
import crypto from 'node:crypto';
import { issueSigningCertificate, parseCertificate } from '../certs/issue';
import type { Pki } from '../certs/store';
import { formatDateTime } from './format';
import type { User } from './state';

/** TJK's screenshot: requested in May 2019, 有効期限終了日時 2024/05/08 — about five years. */
export const SIGNING_CERT_VALIDITY_YEARS = 5;

export interface IssuedSigningCertificate {
  certPem: string;
  serialHex: string;
  /** On the user's clock. */
  requestedAt: number;
  /** Preparation ends here (user's clock): before it the certificate is not shown. */
  readyAt: number;
}

export interface CertificateTable {
  serial: string;
  cn: string;
  ouCompany: string;
  ouService: string;
  o: string;
  c: string;
  expiry: string;
}

export async function issueSigningFor(pki: Pki, user: User, preparationMs: number): Promise<IssuedSigningCertificate> {
  const requestedAt = user.clock.nowMs();
  const notAfter = new Date(requestedAt);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + SIGNING_CERT_VALIDITY_YEARS);
  const issued = await issueSigningCertificate({
    pki,
    romajiName: user.nameRomaji,
    companyRomaji: user.companyRomaji,
    notBefore: new Date(requestedAt),
    notAfter,
  });
  return { certPem: issued.certPem, serialHex: issued.serialHex, requestedAt, readyAt: requestedAt + preparationMs };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Subject in DER order is C, O, OU=service, OU=company, CN (certs/names.ts signingSubject). */
export function certificateTable(certPem: string): CertificateTable {
  const c = parseCertificate(certPem);
  const ou = list(c.subject.OU);
  return {
    serial: c.serialHex,
    cn: first(c.subject.CN),
    ouCompany: ou[1] ?? '',
    ouService: ou[0] ?? '',
    o: first(c.subject.O),
    c: first(c.subject.C),
    expiry: formatDateTime(c.notAfter),
  };
}

/** A PIN is kept only as a salted hash: nothing can print it back. */
export function hashPin(pin: string): string {
  const salt = crypto.randomBytes(16);
  return `${salt.toString('hex')}:${crypto.scryptSync(pin, salt, 32).toString('hex')}`;
}
