/**
 * The test PKI, described as plain data.
 *
 * Everything the generator (store.ts) builds is derived from this file, and
 * the cache in certs/out/ is keyed on a hash of it: edit anything here (or
 * bump PKI_DEFINITION_VERSION when the generator code changes its output) and
 * the next `loadPki()` / `npm run certs` regenerates the whole PKI.
 *
 * Names mirror the production SECOM hierarchy with a "TEST" marker so a
 * generated certificate can never be mistaken for a real one in a screenshot
 * or a report.
 */

/** Bump when generator code changes what it writes, so stale caches rebuild. */
export const PKI_DEFINITION_VERSION = 1;

/** Node's `ciphers` string the mock pins: SECLEVEL=2 rejects RSA < 2048 and SHA-1 signatures. */
export const MOCK_TLS_CIPHERS = 'DEFAULT:@SECLEVEL=2';

/** Login (client-auth) hierarchies the mock trusts; mirrors the production issuers. */
export type ChainName = 'pub-ca1' | 'pub-ca8' | 'rsa-ca16';
export const CHAIN_NAMES: readonly ChainName[] = ['pub-ca1', 'pub-ca8', 'rsa-ca16'];

export type CaId =
  | 'root-ca1'
  | 'pub-ca1'
  | 'root-ca2'
  | 'pub-ca8'
  | 'rsa-ca16'
  | 'server-ca'
  | 'signing-ca'
  | 'unknown-ca';

/** One relative distinguished name; order in a list = DER order (C first, CN last). */
export interface DnAttribute {
  /** Short name understood by node-forge: C, O, OU, CN, ... */
  readonly type: 'C' | 'O' | 'OU' | 'CN';
  readonly value: string;
}

export interface CaDefinition {
  readonly id: CaId;
  readonly subject: readonly DnAttribute[];
  /** null = self-signed root. */
  readonly issuer: CaId | null;
  readonly keyBits: 2048 | 3072 | 4096;
  readonly validityDays: number;
  /** basicConstraints pathLenConstraint; undefined = unlimited. */
  readonly pathLen?: number;
  /** Why this CA exists (shown by the CLI and written to the manifest). */
  readonly purpose: string;
}

const TEST_O = 'SECOM Trust Systems CO. LTD.';
const TEST_OU = 'Onboarding E2E TEST PKI';
const caSubject = (cn: string): readonly DnAttribute[] => [
  { type: 'C', value: 'JP' },
  { type: 'O', value: TEST_O },
  { type: 'OU', value: TEST_OU },
  { type: 'CN', value: cn },
];

/** CA validity is long; the cache is rebuilt weekly anyway (CACHE_POLICY). */
const CA_DAYS = 3650;

/**
 * CAs start well in the past so that even the `expired` leaf (valid last
 * year) lies inside its issuer's validity, as it would in production.
 */
export const CA_BACKDATE_DAYS = 400;

export const CA_DEFINITIONS: readonly CaDefinition[] = [
  { id: 'root-ca1', subject: caSubject('Security Communication RootCA1 TEST'), issuer: null, keyBits: 2048, validityDays: CA_DAYS, purpose: 'Root of the PUB CA1 login chain' },
  { id: 'pub-ca1', subject: caSubject('SECOM Passport for Member PUB CA1 TEST'), issuer: 'root-ca1', keyBits: 2048, validityDays: CA_DAYS, pathLen: 0, purpose: 'Intermediate that issues PUB CA1 login certificates' },
  { id: 'root-ca2', subject: caSubject('Security Communication RootCA2 TEST'), issuer: null, keyBits: 2048, validityDays: CA_DAYS, purpose: 'Root of the PUB CA8 login chain' },
  { id: 'pub-ca8', subject: caSubject('SECOM Passport for Member PUB CA8 TEST'), issuer: 'root-ca2', keyBits: 2048, validityDays: CA_DAYS, pathLen: 0, purpose: 'Intermediate that issues PUB CA8 login certificates' },
  { id: 'rsa-ca16', subject: caSubject('SECOM Passport for Member RSA CA16 TEST'), issuer: null, keyBits: 2048, validityDays: CA_DAYS, pathLen: 0, purpose: 'Self-signed root that issues RSA CA16 login certificates directly' },
  { id: 'server-ca', subject: caSubject('Onboarding Mock Server CA TEST'), issuer: null, keyBits: 2048, validityDays: CA_DAYS, pathLen: 0, purpose: 'Issues the mock backend HTTPS server certificate' },
  { id: 'signing-ca', subject: caSubject('SECOM Passport for PublicID TEST'), issuer: null, keyBits: 2048, validityDays: CA_DAYS, pathLen: 0, purpose: 'Issues e-signature (signing) certificates' },
  { id: 'unknown-ca', subject: [{ type: 'C', value: 'JP' }, { type: 'O', value: 'Nobody Trusts Me TEST' }, { type: 'CN', value: 'Unknown Test CA' }], issuer: null, keyBits: 2048, validityDays: CA_DAYS, pathLen: 0, purpose: 'A CA the mock does NOT trust (negative tests)' },
];

/** For each login chain: its trust anchor and the CA that signs leaves. */
export const CHAINS: Readonly<Record<ChainName, { readonly root: CaId; readonly intermediate?: CaId }>> = {
  'pub-ca1': { root: 'root-ca1', intermediate: 'pub-ca1' },
  'pub-ca8': { root: 'root-ca2', intermediate: 'pub-ca8' },
  'rsa-ca16': { root: 'rsa-ca16' },
};

/**
 * The CAs the mock trusts for client authentication: the three ROOTS only.
 * Intermediates are deliberately absent, so a client that does not send its
 * intermediate fails (the `missing-intermediate` variant) exactly like a real
 * browser that lacks the intermediate; valid clients send leaf + intermediate.
 */
export const CLIENT_TRUST_ANCHORS: readonly CaId[] = ['root-ca1', 'root-ca2', 'rsa-ca16'];

/**
 * CAs that get a CRL in the bundle handed to the TLS server. Node's `crl`
 * option turns on CRL_CHECK_ALL, so EVERY CA of every trusted chain needs a
 * current CRL, otherwise every client certificate is rejected with
 * UNABLE_TO_GET_CRL.
 */
export const CRL_ISSUERS: readonly CaId[] = ['root-ca1', 'pub-ca1', 'root-ca2', 'pub-ca8', 'rsa-ca16'];

export const CRL_POLICY = {
  /** thisUpdate is backdated to tolerate clock skew between processes/containers. */
  backdateMinutes: 5,
  nextUpdateDays: 30,
} as const;

export const LEAF_DEFAULTS = {
  keyBits: 2048,
  /** notBefore is backdated to tolerate clock skew. */
  backdateMinutes: 5,
  validityDays: 365,
} as const;

export const SERVER_CERT = {
  issuer: 'server-ca' as CaId,
  commonName: 'onboarding-mock',
  subject: [
    { type: 'C', value: 'JP' },
    { type: 'O', value: TEST_OU },
    { type: 'CN', value: 'onboarding-mock' },
  ] as readonly DnAttribute[],
  ipAddresses: ['127.0.0.1', '::1'] as readonly string[],
  dnsNames: ['localhost'] as readonly string[],
  keyBits: 2048,
  validityDays: 365,
} as const;

/** Subject constants of SECOM Passport for PublicID (signing) certificates. */
export const SIGNING_PROFILE = {
  organization: 'SECOM Trust Systems CO. LTD.',
  country: 'JP',
  defaultServiceName: 'Denshi Syoko Service4',
} as const;

export type VariantName =
  | 'valid-pub-ca1'
  | 'valid-pub-ca8'
  | 'valid-rsa-ca16'
  | 'expired'
  | 'not-yet-valid'
  | 'revoked'
  | 'unknown-ca'
  | 'self-signed'
  | 'server-auth-only'
  | 'missing-intermediate'
  | 'rsa-1024'
  | 'signing';

/**
 * What the mock's TLS server (clientAuthTlsOptions(): ca = the three roots,
 * crl = one CRL per trusted CA, requestCert, rejectUnauthorized: false,
 * SECLEVEL=2) reports for a variant. Observed on Node 20 / OpenSSL 3.0 and
 * pinned by tests/unit/pki.test.ts. Every rejection below surfaces as a
 * completed handshake with socket.authorized === false (none is a handshake
 * error, because rejectUnauthorized is false).
 *
 *  - code: socket.authorizationError exactly as Node reports it.
 *  - opensslMessage: OpenSSL's text for the same verify error (for humans).
 *  - normalizedCode: what explainClientAuthorization() returns when Node's
 *    code is misleading (OpenSSL reports the LAST verify error, and Node has
 *    no name for some codes).
 */
export type TlsExpectation =
  | { readonly kind: 'authorized' }
  | { readonly kind: 'authorizationError'; readonly code: string; readonly opensslMessage: string; readonly normalizedCode: string };

export interface VariantDefinition {
  readonly profile: 'client' | 'signing';
  /** Issuing CA; 'self' = self-signed leaf. */
  readonly issuer: CaId | 'self';
  readonly keyBits: 1024 | 2048;
  /** Offsets from generation time. Defaults: LEAF_DEFAULTS. */
  readonly notBeforeOffsetDays?: number;
  readonly notAfterOffsetDays?: number;
  readonly eku?: readonly ('clientAuth' | 'serverAuth')[];
  /** Listed on its issuer's CRL. */
  readonly revoked?: boolean;
  /** Leave the intermediate out of chain/fullchain/p12 (client "forgets" it). */
  readonly omitIntermediate?: boolean;
  /** For the signing profile. */
  readonly signing?: { readonly romajiName: string; readonly companyRomaji: string };
  readonly expect: TlsExpectation;
  readonly description: string;
}

const rejected = (code: string, opensslMessage: string, normalizedCode = code): TlsExpectation => ({ kind: 'authorizationError', code, opensslMessage, normalizedCode });
const UNKNOWN_ISSUER = rejected('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate');

export const VARIANTS: Readonly<Record<VariantName, VariantDefinition>> = {
  'valid-pub-ca1': { profile: 'client', issuer: 'pub-ca1', keyBits: 2048, expect: { kind: 'authorized' }, description: 'Valid login certificate, PUB CA1 chain' },
  'valid-pub-ca8': { profile: 'client', issuer: 'pub-ca8', keyBits: 2048, expect: { kind: 'authorized' }, description: 'Valid login certificate, PUB CA8 chain' },
  'valid-rsa-ca16': { profile: 'client', issuer: 'rsa-ca16', keyBits: 2048, expect: { kind: 'authorized' }, description: 'Valid login certificate, RSA CA16 (issued directly by the root)' },
  expired: { profile: 'client', issuer: 'pub-ca1', keyBits: 2048, notBeforeOffsetDays: -366, notAfterOffsetDays: -1, expect: rejected('CERT_HAS_EXPIRED', 'certificate has expired'), description: 'notAfter = yesterday' },
  'not-yet-valid': { profile: 'client', issuer: 'pub-ca1', keyBits: 2048, notBeforeOffsetDays: 365, notAfterOffsetDays: 730, expect: rejected('CERT_NOT_YET_VALID', 'certificate is not yet valid'), description: 'notBefore = one year from now' },
  revoked: { profile: 'client', issuer: 'pub-ca1', keyBits: 2048, revoked: true, expect: rejected('CERT_REVOKED', 'certificate revoked'), description: 'Listed on the PUB CA1 CRL' },
  // A lone leaf whose issuer is nowhere: OpenSSL says LEAF_SIGNATURE, not GET_ISSUER_CERT_LOCALLY (that one needs >= 2 certs in the chain).
  'unknown-ca': { profile: 'client', issuer: 'unknown-ca', keyBits: 2048, expect: UNKNOWN_ISSUER, description: 'Issued by Unknown Test CA (not trusted); sent without its CA' },
  // DEPTH_ZERO_SELF_SIGNED_CERT is raised first, then the CRL lookup for its "issuer" (itself) fails and overwrites it.
  'self-signed': { profile: 'client', issuer: 'self', keyBits: 2048, expect: rejected('UNABLE_TO_GET_CRL', 'unable to get certificate CRL', 'DEPTH_ZERO_SELF_SIGNED_CERT'), description: 'Self-signed login-looking certificate' },
  'server-auth-only': { profile: 'client', issuer: 'pub-ca1', keyBits: 2048, eku: ['serverAuth'], expect: rejected('INVALID_PURPOSE', 'unsuitable certificate purpose'), description: 'EKU serverAuth only (no clientAuth)' },
  'missing-intermediate': { profile: 'client', issuer: 'pub-ca8', keyBits: 2048, omitIntermediate: true, expect: UNKNOWN_ISSUER, description: 'PUB CA8 leaf presented without the PUB CA8 intermediate' },
  // X509_V_ERR_EE_KEY_TOO_SMALL (66): Node has no name for it and reports UNSPECIFIED.
  'rsa-1024': { profile: 'client', issuer: 'pub-ca1', keyBits: 1024, expect: rejected('UNSPECIFIED', 'EE certificate key too weak', 'EE_KEY_TOO_SMALL'), description: '1024-bit RSA key, otherwise valid (rejected at SECLEVEL=2)' },
  signing: { profile: 'signing', issuer: 'signing-ca', keyBits: 2048, signing: { romajiName: 'Kenpo Taro', companyRomaji: 'TJK' }, expect: UNKNOWN_ISSUER, description: 'E-signature certificate (SECOM Passport for PublicID profile), not a login certificate' },
};

/** Fixed, non-secret password of the static PKCS#12 files (throwaway test keys). */
export const STATIC_P12_PASSWORD = 'pki-test-p12';

export const CACHE_POLICY = {
  /** Rebuild a cache older than this, even if nothing expires soon. */
  maxAgeDays: 7,
  /** Rebuild when a CRL or a should-be-valid certificate expires within this. */
  minRemainingDays: 14,
} as const;

/** Everything that shapes the generated output; hashed to key the cache. */
export const PKI_DEFINITION = {
  version: PKI_DEFINITION_VERSION,
  cas: CA_DEFINITIONS,
  caBackdateDays: CA_BACKDATE_DAYS,
  chains: CHAINS,
  clientTrustAnchors: CLIENT_TRUST_ANCHORS,
  crlIssuers: CRL_ISSUERS,
  crlPolicy: CRL_POLICY,
  leafDefaults: LEAF_DEFAULTS,
  server: SERVER_CERT,
  signing: SIGNING_PROFILE,
  variants: VARIANTS,
  p12Password: STATIC_P12_PASSWORD,
  cachePolicy: CACHE_POLICY,
} as const;
