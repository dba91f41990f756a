/**
 * What the guides name, as the preflight's defaults (the expectations come from the
 * documents, not from the mock): the CA certificates of the repository (EG25 §2-1 8., the
 * manual install of EG18/EG25: http://repo1.secomtrust.net/spcpp/pfm20pub/ca1/PfM20PUBCA1.cer,
 * SC-Root1/SCRoot1ca.cer, and the same layout for the other two issuers), the issuers a login
 * certificate may have (§2-1 8. ■ 発行者が「…」の場合), and the check page (§2-1 6.).
 */
export interface RepositoryFile {
  path: string;
  /** The CA's name as the guides print it. */
  name: string;
  role: 'root' | 'intermediate';
  /** For an intermediate: the repository path of the root it chains to. */
  issuerPath?: string;
}

export const REPOSITORY_FILES: readonly RepositoryFile[] = [
  { path: '/SC-Root1/SCRoot1ca.cer', name: 'Security Communication RootCA1', role: 'root' },
  { path: '/spcpp/pfm20pub/ca1/PfM20PUBCA1.cer', name: 'SECOM Passport for Member PUB CA1', role: 'intermediate', issuerPath: '/SC-Root1/SCRoot1ca.cer' },
  { path: '/SC-Root2/SCRoot2ca.cer', name: 'Security Communication RootCA2', role: 'root' },
  { path: '/spcpp/pfm20pub/ca8/PfM20PUBCA8.cer', name: 'SECOM Passport for Member PUB CA8', role: 'intermediate', issuerPath: '/SC-Root2/SCRoot2ca.cer' },
  { path: '/spcpp/pfm20rsa/ca16/PfM20RSACA16.cer', name: 'SECOM Passport for Member RSA CA16', role: 'root' },
];

/** The issuers of a login certificate the guides name (EG18/EG25 §2-1 8.). */
export const DOCUMENTED_CLIENT_CA_NAMES: readonly string[] = [
  'SECOM Passport for Member PUB CA1',
  'SECOM Passport for Member PUB CA8',
  'SECOM Passport for Member RSA CA16',
];

/** The certificate check page on webra1 (EG18/EG25 §2-1 6., issuance STEP4). */
export const CHECK_PAGE_PATH = '/scira/doc/pfm20pub/index.html';

/** Server certificate strength the checks accept (what OpenSSL's security level 2 demands). */
export const MIN_RSA_BITS = 2048;
export const WEAK_HASHES: readonly string[] = ['MD5', 'SHA-1', 'SHA1'];
