/** PKCS#12 export of a certificate, its key and its chain (what the issuance site hands out). */
import forge from 'node-forge';
import { forgePrivateKey } from './keys';

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
