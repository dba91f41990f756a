/**
 * The X.509 extensions of the test PKI's profiles (basic constraints, key usage,
 * extended key usage, subject alternative names) in forge's form, their names
 * for reading them back, and the client-purpose check the mock applies.
 */
import { X509Certificate } from 'node:crypto';

export type ExtendedKeyUsageName = 'clientAuth' | 'serverAuth' | 'emailProtection';

/** TLS end entities (login and server certificates): RSA key exchange + signatures. */
export const TLS_KEY_USAGE = { digitalSignature: true, keyEncipherment: true } as const;
export const SIGNING_KEY_USAGE = { digitalSignature: true, nonRepudiation: true } as const;

export const EKU_NAMES: Readonly<Record<string, string>> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};

/** keyUsage bits in forge's property names, in bit order. */
export const KEY_USAGE_NAMES = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'] as const;

/** A CA: basicConstraints cA (critical, optional pathLen), keyCertSign + cRLSign. */
export function caExtensions(pathLen?: number): object[] {
  const basicConstraints: Record<string, unknown> = { name: 'basicConstraints', cA: true, critical: true };
  if (pathLen !== undefined) basicConstraints.pathLenConstraint = pathLen;
  return [basicConstraints, { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }];
}

export interface LeafExtensionParams {
  keyUsage: Record<string, boolean>;
  eku: readonly ExtendedKeyUsageName[];
  subjectAltName?: { dns?: readonly string[]; ip?: readonly string[] };
}

/** An end entity: not a CA, the profile's key usage (critical), EKU and SANs when given. */
export function leafExtensions(p: LeafExtensionParams): object[] {
  const extensions: object[] = [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, ...p.keyUsage },
  ];
  if (p.eku.length > 0) {
    extensions.push({ name: 'extKeyUsage', ...Object.fromEntries(p.eku.map((e) => [e, true])) });
  }
  if (p.subjectAltName) {
    const altNames = [
      ...(p.subjectAltName.dns ?? []).map((value) => ({ type: 2, value })),
      ...(p.subjectAltName.ip ?? []).map((ip) => ({ type: 7, ip })),
    ];
    extensions.push({ name: 'subjectAltName', altNames });
  }
  return extensions;
}

/**
 * Application-level guard for the mock: true when the peer certificate may be
 * used for TLS client authentication (no EKU, or EKU contains clientAuth /
 * anyExtendedKeyUsage). OpenSSL already enforces this during the handshake
 * (purpose "sslclient" → INVALID_PURPOSE); this helper lets the mock give the
 * same answer for certificates it receives out of band (e.g. uploaded PEMs).
 */
export function checkClientPurpose(cert: string | Buffer | X509Certificate): { ok: true } | { ok: false; reason: string } {
  const x = cert instanceof X509Certificate ? cert : new X509Certificate(cert);
  const ekus = x.keyUsage;
  if (ekus === undefined || ekus.length === 0) return { ok: true };
  if (ekus.includes('1.3.6.1.5.5.7.3.2') || ekus.includes('2.5.29.37.0')) return { ok: true };
  return { ok: false, reason: `INVALID_PURPOSE: extendedKeyUsage lacks clientAuth (${ekus.map((o) => EKU_NAMES[o] ?? o).join(', ')})` };
}
