/** Certification requests: the CA takes only the public key, after the request's self-signature checks out. */
import forge from 'node-forge';

/** The CA decides the subject; the CSR only contributes a public key. Throws on an unparsable or badly signed CSR. */
export function publicKeyFromVerifiedCsr(csrPem: string): forge.pki.rsa.PublicKey {
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
