/**
 * Generic end-entity issuance (login, signing and server certificates alike):
 * where the public key comes from, the profile's extensions, the signature,
 * and the description the rest of the suite consumes.
 */
import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { type CaMaterial, leafChainOf } from './ca-certificate';
import { publicKeyFromVerifiedCsr } from './csr';
import type { DnAttribute } from './definition';
import { type LeafExtensionParams, leafExtensions } from './extensions';
import { forgePublicKey, generateRsaKeyPair } from './keys';
import { firstValue, toForgeName } from './names';
import { parseCertificate } from './parse';
import { randomSerialHex } from './serials';
import { signCertificate } from './signer';

/** A freshly issued end-entity certificate. */
export interface IssuedCert {
  certPem: string;
  /** Present when the issuer generated the key pair (not for CSR / public-key issuance). */
  keyPem?: string;
  /** Issuer chain without the root (the intermediate, if there is one). */
  chainPem: string[];
  /** Trust anchor of the chain (the certificate itself when self-signed). */
  rootPem: string;
  /** Uppercase hex, as Node's X509Certificate.serialNumber prints it. */
  serialHex: string;
  /** Colon-separated uppercase SHA-256, as Node's X509Certificate.fingerprint256. */
  fingerprint256: string;
  subjectCN: string;
  issuerCN: string;
  notBefore: Date;
  notAfter: Date;
  keyBits: number;
}

/** Where the leaf's public key comes from: a new key pair, a bare public key or a CSR. */
export type LeafKeySource =
  | { kind: 'generate'; bits: number }
  | { kind: 'publicKey'; publicKeyPem: string }
  | { kind: 'csr'; csrPem: string };

export interface LeafParams extends LeafExtensionParams {
  subject: readonly DnAttribute[];
  /** 'self' = self-signed leaf. */
  issuer: CaMaterial | 'self';
  key: LeafKeySource;
  notBefore: Date;
  notAfter: Date;
  serialHex?: string;
}

/** Describe a certificate the way the rest of the suite consumes it. */
export function describeIssued(certPem: string, chainPem: string[], rootPem: string, keyPem?: string): IssuedCert {
  const info = parseCertificate(certPem);
  const x = new X509Certificate(certPem);
  return {
    certPem,
    ...(keyPem !== undefined ? { keyPem } : {}),
    chainPem,
    rootPem,
    serialHex: x.serialNumber.toUpperCase(),
    fingerprint256: x.fingerprint256,
    subjectCN: firstValue(info.subject.CN) ?? '',
    issuerCN: info.issuerCN,
    notBefore: info.notBefore,
    notAfter: info.notAfter,
    keyBits: info.keyBits,
  };
}

async function publicKeyOf(source: LeafKeySource): Promise<{ publicKey: forge.pki.rsa.PublicKey; keyPem?: string }> {
  if (source.kind === 'generate') {
    const keys = await generateRsaKeyPair(source.bits);
    return { publicKey: forgePublicKey(keys.publicKeyPem), keyPem: keys.privateKeyPem };
  }
  if (source.kind === 'publicKey') return { publicKey: forgePublicKey(source.publicKeyPem) };
  return { publicKey: publicKeyFromVerifiedCsr(source.csrPem) };
}

/** Generic end-entity issuance; the profiles (leaf-profiles.ts, the server certificate) fill in subject and usages. */
export async function issueLeaf(p: LeafParams): Promise<IssuedCert> {
  const { publicKey, keyPem } = await publicKeyOf(p.key);
  const selfSigned = p.issuer === 'self';
  if (selfSigned && keyPem === undefined) {
    throw new Error('A self-signed certificate needs a generated key (no publicKeyPem/csrPem)');
  }
  const certPem = signCertificate({
    subject: toForgeName(p.subject),
    publicKey,
    issuerCertPem: p.issuer === 'self' ? undefined : p.issuer.certPem,
    signerKeyPem: p.issuer === 'self' ? (keyPem as string) : p.issuer.keyPem,
    serialHex: p.serialHex ?? randomSerialHex(),
    notBefore: p.notBefore,
    notAfter: p.notAfter,
    extensions: leafExtensions(p),
  });
  if (p.issuer === 'self') return describeIssued(certPem, [], certPem, keyPem);
  return describeIssued(certPem, leafChainOf(p.issuer), p.issuer.rootPem, keyPem);
}
