/**
 * Run-time issuing API. The mock backend calls these to issue certificates
 * dynamically (CSR enrolment, signing certificates), and the suite uses them to
 * mint per-test login certificates, all signed by the cached test PKI so the
 * mock's TLS server trusts them exactly like the pre-made variants.
 */
import { type ChainName } from './definition';
import { loadPkiSync, type Pki } from './store';
import type { IssuedCert } from './leaf-certificate';
import { issueLoginLeaf, issueSigningLeaf, type LoginLeafOptions, type SigningCert, type SigningLeafOptions } from './leaf-profiles';

export type { ChainName } from './definition';
export type { ExtendedKeyUsageName } from './extensions';
export type { IssuedCert } from './leaf-certificate';
export type { SigningCert } from './leaf-profiles';
export type { ParsedCertificate } from './parse';
export type { Pkcs12Input } from './pkcs12';
export { formatJst } from './dates';
export { checkClientPurpose } from './extensions';
export { makeLoginCommonName } from './names';
export { parseCertificate } from './parse';
export { splitPemBundle } from './pem';
export { toPkcs12 } from './pkcs12';

export interface ClientCertificateOptions extends LoginLeafOptions {
  /** Which login hierarchy signs it (pub-ca1 / pub-ca8 via their intermediate, rsa-ca16 directly). */
  chain: ChainName;
  /** PKI to issue from; default: the cached one (loadPkiSync()). */
  pki?: Pki;
}

export interface SigningCertificateOptions extends SigningLeafOptions {
  /** PKI to issue from; default: the cached one (loadPkiSync()). */
  pki?: Pki;
}

/** Login certificate for `chain` (default CN S47nnnnnP, 2048-bit, clientAuth, 1 year, 5 min backdated). */
export function issueClientCertificate(options: ClientCertificateOptions): Promise<IssuedCert> {
  const { chain, pki, ...leaf } = options;
  const p = pki ?? loadPkiSync();
  const issuer = p.chains[chain]?.issuer;
  if (!issuer) throw new Error(`Unknown chain ${JSON.stringify(chain)}; expected one of ${Object.keys(p.chains).join(', ')}`);
  return issueLoginLeaf(issuer, leaf);
}

/** E-signature certificate (SECOM Passport for PublicID TEST profile) with display strings. */
export function issueSigningCertificate(options: SigningCertificateOptions): Promise<SigningCert> {
  const { pki, ...leaf } = options;
  return issueSigningLeaf((pki ?? loadPkiSync()).signingCa, leaf);
}
