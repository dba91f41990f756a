/** What a loaded test PKI looks like to its users: the mock, Playwright's config and the tests. */
import type { CaMaterial } from './ca-certificate';
import type { CaId, ChainName, TlsExpectation, VariantName } from './definition';

/** Absolute paths of an item's files. chain.pem is empty for roots. */
export interface ItemFiles {
  /** The certificate alone. A client should present fullchainPath or p12Path (they carry the intermediate). */
  certPath: string;
  keyPath: string;
  /** Issuer chain without the root. */
  chainPath: string;
  /** Leaf + chain: what a client presents. */
  fullchainPath: string;
  p12Path: string;
}

export interface ItemInfo {
  serialHex: string;
  fingerprint256: string;
  subject: string;
  subjectCN: string;
  issuerCN: string;
  notBefore: Date;
  notAfter: Date;
  keyBits: number;
  ekus: string[];
  p12Password: string;
}

/** A CA: signing material (usable with the x509 helpers) + its current CRL. */
export interface CaItem extends CaMaterial, ItemFiles, ItemInfo {
  id: CaId;
  crlPem: string;
  crlPath: string;
}

/** An end-entity certificate with key, chain and files. */
export interface LeafItem extends ItemFiles, ItemInfo {
  name: string;
  certPem: string;
  keyPem: string;
  chainPem: string[];
  rootPem: string;
  /** certPem + chainPem joined: what the client sends. */
  fullchainPem: string;
}

export interface VariantItem extends LeafItem {
  name: VariantName;
  description: string;
  /** What the mock's TLS server does with it (pinned by tests/unit/pki.test.ts). */
  expect: TlsExpectation;
}

export interface ChainItems {
  root: CaItem;
  intermediate?: CaItem;
  /** The CA that signs leaves (=== root for rsa-ca16). */
  issuer: CaItem;
}

export interface Pki {
  dir: string;
  manifestPath: string;
  createdAt: Date;
  definitionHash: string;
  /** Short SHA-256 over all CA certificates: "PKI fingerprint" in reports. */
  fingerprint: string;
  /** Password of every static .p12 in the cache. */
  p12Password: string;
  cas: Record<CaId, CaItem>;
  serverCa: CaItem;
  /** Mock HTTPS server certificate (CN onboarding-mock, SAN 127.0.0.1, ::1, localhost). */
  server: LeafItem;
  chains: Record<ChainName, ChainItems>;
  signingCa: CaItem;
  unknownCa: CaItem;
  /** Client-auth trust anchors: the three ROOTS only (valid clients send their intermediate). */
  clientTrustPem: string;
  clientTrustPath: string;
  /**
   * A current CRL for every CA of the trusted chains, concatenated (= crl.pem).
   * Do NOT pass this string to Node's `crl` option: Node parses only the FIRST
   * CRL of a string, and the CAs without one then fail with UNABLE_TO_GET_CRL.
   * Use crlPems (or clientAuthTlsOptions() from certs/tls.ts).
   */
  crlPem: string;
  /** The same CRLs, one PEM per element: the value for Node's `crl` option. */
  crlPems: string[];
  crlPath: string;
  variants: Record<VariantName, VariantItem>;
}

export interface LoadPkiOptions {
  /** Cache directory; default $PKI_DIR or certs/out next to this file. */
  dir?: string;
  log?: (line: string) => void;
  /** Rebuild even if the cache is valid (npm run certs -- --force). */
  force?: boolean;
}
