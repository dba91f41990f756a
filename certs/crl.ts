/**
 * CRL generation. node-forge cannot produce CRLs, so this uses @peculiar/x509
 * on top of Node's WebCrypto.
 *
 * Why CRLs at all: the mock passes `crl` to tls.createServer, which makes
 * OpenSSL check revocation for EVERY certificate in the client's chain
 * (CRL_CHECK | CRL_CHECK_ALL). Each trusted CA therefore needs a current CRL,
 * even an empty one, or every client certificate is rejected with
 * UNABLE_TO_GET_CRL. Node also parses only the first CRL of a PEM string, so
 * CRLs are handed to Node as an array (Pki.crlPems).
 */
import { createPrivateKey, webcrypto } from 'node:crypto';
import { CRL_POLICY } from './definition';
import { x509 } from './peculiar-x509';

const SIGNING_ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

export interface CrlParams {
  caCertPem: string;
  caKeyPem: string;
  /** Serial numbers (hex, any case, colons allowed) to list as revoked. */
  revokedSerials?: readonly string[];
  /** Default: now - 5 min (clock-skew tolerance). */
  thisUpdate?: Date;
  /** Default: now + 30 days. */
  nextUpdate?: Date;
  /** Monotonic CRL number; default derived from thisUpdate (seconds). */
  crlNumber?: bigint;
}

export interface GeneratedCrl {
  pem: string;
  thisUpdate: Date;
  nextUpdate: Date;
  revokedSerials: string[];
}

/** DER of an INTEGER, for the cRLNumber extension (no helper in @peculiar/x509). */
function derInteger(n: bigint): Uint8Array<ArrayBuffer> {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  const body = Buffer.from(hex, 'hex');
  return Uint8Array.from<number>([0x02, body.length, ...body]);
}

/** Sign a v2 CRL for one CA (issuer name copied byte-for-byte from the CA certificate). */
export async function createCrl(p: CrlParams): Promise<GeneratedCrl> {
  const now = Date.now();
  const thisUpdate = p.thisUpdate ?? new Date(now - CRL_POLICY.backdateMinutes * 60_000);
  const nextUpdate = p.nextUpdate ?? new Date(now + CRL_POLICY.nextUpdateDays * 86_400_000);
  const ca = new x509.X509Certificate(p.caCertPem);
  const pkcs8 = createPrivateKey(p.caKeyPem).export({ type: 'pkcs8', format: 'der' });
  const signingKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, SIGNING_ALGORITHM, false, ['sign']);

  const revokedSerials = (p.revokedSerials ?? []).map((s) => s.replace(/[^0-9a-fA-F]/g, '').toUpperCase());
  const crlNumber = p.crlNumber ?? BigInt(Math.floor(thisUpdate.getTime() / 1000));
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.subjectName,
    thisUpdate,
    nextUpdate,
    signingAlgorithm: SIGNING_ALGORITHM,
    signingKey,
    extensions: [
      await x509.AuthorityKeyIdentifierExtension.create(ca.publicKey),
      new x509.Extension('2.5.29.20', false, derInteger(crlNumber)), // cRLNumber
    ],
    entries: revokedSerials.map((serialNumber) => ({
      serialNumber,
      revocationDate: thisUpdate,
      reason: x509.X509CrlReason.keyCompromise,
    })),
  });
  // @peculiar/x509 labels the PEM "CRL"; OpenSSL (Node's `crl` option) only reads "X509 CRL".
  const pem = crl
    .toString('pem')
    .replace(/\r\n/g, '\n')
    .replace(/-----(BEGIN|END) CRL-----/g, '-----$1 X509 CRL-----')
    .trimEnd();
  return { pem: `${pem}\n`, thisUpdate, nextUpdate, revokedSerials };
}
