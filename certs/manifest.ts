/**
 * The cache's manifest.json (written last, so a directory with one is complete)
 * and the rules that decide whether a cache on disk can be used as is: the
 * definition hash, the cache's age, and the earliest expiry of anything that
 * must stay valid (CACHE_POLICY).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_POLICY, type CaId, PKI_DEFINITION, type TlsExpectation } from './definition';

/** Manifest layout version (not the definition version). */
export const MANIFEST_SCHEMA = 1;
const DAY_MS = 86_400_000;

/** Hash of the definition data (incl. its version constant): the cache key. */
export const DEFINITION_HASH = createHash('sha256').update(JSON.stringify(PKI_DEFINITION)).digest('hex').slice(0, 32);

export interface ManifestFiles {
  cert: string;
  key: string;
  chain: string;
  fullchain: string;
  p12: string;
  crl?: string;
}

export interface ManifestItem {
  kind: 'ca' | 'server' | 'variant';
  name: string;
  description: string;
  subject: string;
  subjectCN: string;
  issuer: string;
  issuerCN: string;
  serialHex: string;
  fingerprint256: string;
  notBefore: string;
  notAfter: string;
  keyBits: number;
  ekus: string[];
  files: ManifestFiles;
  p12Password: string;
  /** Must stay valid for the cache to be usable (false for e.g. `expired`). */
  expectedValid: boolean;
  expect?: TlsExpectation;
  revoked?: boolean;
}

export interface ManifestCrl {
  issuer: CaId;
  file: string;
  thisUpdate: string;
  nextUpdate: string;
  revokedSerials: string[];
}

export interface Manifest {
  schema: number;
  definitionHash: string;
  createdAt: string;
  generationMs: number;
  fingerprint: string;
  p12Password: string;
  /** Earliest notAfter / nextUpdate of anything that must stay valid. */
  expiresAt: string;
  bundles: { clientTrust: string; crl: string };
  items: ManifestItem[];
  crls: ManifestCrl[];
}

export type CacheStatus = { ok: true; manifest: Manifest } | { ok: false; reason: string };

export function readManifest(dir: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Why (or whether) the cache in `dir` can be used as is. */
export function cacheStatus(dir: string, now = Date.now()): CacheStatus {
  const m = readManifest(dir);
  if (!m) return { ok: false, reason: 'missing' };
  if (m.schema !== MANIFEST_SCHEMA) return { ok: false, reason: `manifest schema ${m.schema} != ${MANIFEST_SCHEMA}` };
  if (m.definitionHash !== DEFINITION_HASH) return { ok: false, reason: 'definition changed (hash mismatch)' };
  const ageDays = (now - Date.parse(m.createdAt)) / DAY_MS;
  if (!(ageDays < CACHE_POLICY.maxAgeDays)) return { ok: false, reason: `older than ${CACHE_POLICY.maxAgeDays} days (${ageDays.toFixed(1)} d)` };
  const remainingDays = (Date.parse(m.expiresAt) - now) / DAY_MS;
  if (!(remainingDays > CACHE_POLICY.minRemainingDays)) {
    return { ok: false, reason: `something expires within ${CACHE_POLICY.minRemainingDays} days (${m.expiresAt})` };
  }
  const itemFiles = (f: ManifestFiles) => [f.cert, f.key, f.chain, f.fullchain, f.p12, ...(f.crl ? [f.crl] : [])];
  const files = [m.bundles.clientTrust, m.bundles.crl, ...m.items.flatMap((i) => itemFiles(i.files)), ...m.crls.map((c) => c.file)];
  const missing = files.find((f) => !fs.existsSync(path.join(dir, f)));
  if (missing) return { ok: false, reason: `file missing: ${missing}` };
  return { ok: true, manifest: m };
}
