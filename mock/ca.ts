/**
 * The mock's certification authority: issues login certificates for the browser's
 * certification requests (STEP2) from the test PKI, and serves the CA certificates.
 */
import crypto from 'node:crypto';
import { issueClientCertificate, type ChainName, type IssuedCert } from '../certs/issue';
import type { Pki } from '../certs/store';

export class MockCa {
  constructor(
    private readonly pki: Pki,
    private readonly faults: ReadonlySet<string> = new Set(),
  ) {}

  /** Issues for the CSR's public key; the CA decides the subject (S47nnnnnP). */
  async issueFromCsr(chain: ChainName, csrPem: string, keyBits: 1024 | 2048): Promise<IssuedCert & { commonName: string }> {
    const signer = this.faults.has('wrong-issuer') ? 'pub-ca1' : chain;
    const issued = await issueClientCertificate({ pki: this.pki, chain: signer, csrPem });
    if (issued.keyBits !== keyBits) throw new Error(`CSR key is ${issued.keyBits} bits, ${keyBits} was chosen`);
    return { ...issued, commonName: issued.subjectCN };
  }

  rootDer(chain: ChainName): Buffer {
    return new crypto.X509Certificate(this.pki.chains[chain].root.certPem).raw;
  }

  intermediateDer(chain: ChainName): Buffer {
    const ca = this.pki.chains[chain].intermediate ?? this.pki.chains[chain].root;
    return new crypto.X509Certificate(ca.certPem).raw;
  }
}
