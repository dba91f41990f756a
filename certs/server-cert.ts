/**
 * A server certificate for host names chosen at run time, from a PKI's server CA: what a
 * separate deployment (the staging double, double/) needs, since its hosts have names of
 * their own (`webra2.double.test`, …) that must be in the certificate's SANs for a client
 * that checks the hostname. The cached `pki.server` covers only localhost/127.0.0.1.
 */
import { SERVER_CERT, LEAF_DEFAULTS } from './definition';
import { daysFrom, minutesFrom } from './dates';
import { TLS_KEY_USAGE } from './extensions';
import { issueLeaf } from './leaf-certificate';
import type { LeafItem, Pki } from './pki-types';

export interface ServerCertificateOptions {
  dnsNames: readonly string[];
  ipAddresses?: readonly string[];
  /** Days from now to notAfter (default SERVER_CERT.validityDays). */
  validityDays?: number;
  keyBits?: number;
}

/** Issues it from `pki.serverCa` and shapes it like `pki.server`, so it can replace it in a Pki. */
export async function issueServerCertificate(pki: Pki, options: ServerCertificateOptions): Promise<LeafItem> {
  const now = new Date();
  const issued = await issueLeaf({
    subject: SERVER_CERT.subject,
    issuer: pki.serverCa,
    key: { kind: 'generate', bits: options.keyBits ?? SERVER_CERT.keyBits },
    notBefore: minutesFrom(now, -LEAF_DEFAULTS.backdateMinutes),
    notAfter: daysFrom(now, options.validityDays ?? SERVER_CERT.validityDays),
    keyUsage: TLS_KEY_USAGE,
    eku: ['serverAuth'],
    subjectAltName: { dns: options.dnsNames, ip: options.ipAddresses ?? SERVER_CERT.ipAddresses },
  });
  const keyPem = issued.keyPem as string;
  return {
    ...pki.server,
    name: 'server',
    certPem: issued.certPem,
    keyPem,
    chainPem: issued.chainPem,
    rootPem: pki.serverCa.certPem,
    fullchainPem: [issued.certPem, ...issued.chainPem].join(''),
    serialHex: issued.serialHex,
    fingerprint256: issued.fingerprint256,
    notBefore: issued.notBefore,
    notAfter: issued.notAfter,
    keyBits: issued.keyBits,
  };
}
