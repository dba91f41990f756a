/**
 * The certification request a browser (STEP2) or the import tool sends, checked completely
 * before anything changes: an application is one-time, so a request that cannot become a
 * certificate must never use it up (issue 12, finding 1). Only a parsable RSA PKCS#10 request
 * whose self-signature verifies and whose key has the chosen length passes; an empty or
 * missing request is refused here and never reaches the CA (which would otherwise make a key
 * of its own).
 */
import forge from 'node-forge';

/** A PEM request larger than this is not one a 2048-bit key makes. */
export const MAX_CSR_CHARS = 8192;

export type CsrProblem = 'missing' | 'unparsable' | 'bad-signature' | 'wrong-key-length';

export function checkCsr(csrPem: unknown, keyBits: number): CsrProblem | null {
  if (typeof csrPem !== 'string' || csrPem.trim().length === 0 || csrPem.length > MAX_CSR_CHARS) return 'missing';
  let csr: forge.pki.CertificateSigningRequest;
  try {
    csr = forge.pki.certificationRequestFromPem(csrPem);
  } catch {
    return 'unparsable';
  }
  try {
    if (!csr.verify()) return 'bad-signature';
  } catch {
    return 'bad-signature';
  }
  const key = csr.publicKey as forge.pki.rsa.PublicKey | null;
  if (!key || typeof key.n?.bitLength !== 'function') return 'unparsable';
  return key.n.bitLength() === keyBits ? null : 'wrong-key-length';
}
