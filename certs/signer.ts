/**
 * Signing a certificate: forge assembles the TBSCertificate (names, key
 * identifiers, extensions), OpenSSL does the RSA operation.
 */
import { sign as nodeSign } from 'node:crypto';
import forge from 'node-forge';
import { reencodableName } from './names';
import { normaliseSerialHex } from './serials';

export interface SignParams {
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

/** A signed certificate, PEM with \n line ends. */
export function signCertificate(p: SignParams): string {
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
