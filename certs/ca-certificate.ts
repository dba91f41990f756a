/** CA certificates of the test PKI and the chain material a CA hands down to what it signs. */
import type { DnAttribute } from './definition';
import { daysFrom } from './dates';
import { caExtensions } from './extensions';
import { forgePublicKey, generateRsaKeyPair } from './keys';
import { toForgeName } from './names';
import { randomSerialHex } from './serials';
import { signCertificate } from './signer';

/** Material needed to sign with a CA and to describe the chain above it. */
export interface CaMaterial {
  certPem: string;
  keyPem: string;
  /** The CA's own issuers, excluding the root ([] for a root or a root's direct child). */
  chainPem: string[];
  /** The trust anchor; equals certPem for a root. */
  rootPem: string;
}

export interface CaProfileParams {
  subject: readonly DnAttribute[];
  keyBits: number;
  validityDays: number;
  pathLen?: number;
  /** How far notBefore lies in the past. */
  backdateDays: number;
  /** undefined = self-signed root. */
  issuer?: CaMaterial;
  now?: Date;
}

/** A CA certificate (basicConstraints CA, keyCertSign + cRLSign) plus its chain material. */
export async function createCa(p: CaProfileParams): Promise<CaMaterial> {
  const now = p.now ?? new Date();
  const keys = await generateRsaKeyPair(p.keyBits);
  const certPem = signCertificate({
    subject: toForgeName(p.subject),
    publicKey: forgePublicKey(keys.publicKeyPem),
    issuerCertPem: p.issuer?.certPem,
    signerKeyPem: p.issuer ? p.issuer.keyPem : keys.privateKeyPem,
    serialHex: randomSerialHex(),
    notBefore: daysFrom(now, -p.backdateDays),
    notAfter: daysFrom(now, p.validityDays),
    extensions: caExtensions(p.pathLen),
  });
  if (!p.issuer) return { certPem, keyPem: keys.privateKeyPem, chainPem: [], rootPem: certPem };
  return { certPem, keyPem: keys.privateKeyPem, chainPem: leafChainOf(p.issuer), rootPem: p.issuer.rootPem };
}

/** Chain a leaf issued by `ca` must carry: the CA itself unless it is the root, plus the CA's own chain. */
export function leafChainOf(ca: CaMaterial): string[] {
  return ca.certPem === ca.rootPem ? [] : [ca.certPem, ...ca.chainPem];
}
