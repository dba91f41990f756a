/**
 * The test PKI's entry points: build it once and cache it on disk (default
 * certs/out/), then load it from there.
 *
 * Why a cache: the mock server, Playwright's config (client certificates) and
 * the tests must all use the SAME CAs and keys, across processes. The cache is
 * rebuilt when the definition changes (hash), when it is older than
 * CACHE_POLICY.maxAgeDays, or when a CRL / should-be-valid certificate expires
 * within CACHE_POLICY.minRemainingDays (manifest.ts). Builders serialise and
 * install atomically (cache-install.ts); generation is pki-builder.ts, the
 * files pki-writer.ts, reading pki-reader.ts.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { acquireLock, installAtomically, lockPathOf, removeLeftovers, tmpSuffix } from './cache-install';
import { createCrl } from './crl';
import { type CaId, CRL_ISSUERS } from './definition';
import { cacheStatus, readManifest } from './manifest';
import { buildPki } from './pki-builder';
import { readPki } from './pki-reader';
import type { LoadPkiOptions, Pki } from './pki-types';
import { writePki } from './pki-writer';

export type { CaItem, ChainItems, ItemFiles, LeafItem, LoadPkiOptions, Pki, VariantItem } from './pki-types';
export { DEFINITION_HASH } from './manifest';
export { splitCrlBundle } from './pem';

/** certs/out, unless PKI_DIR points elsewhere (lets a parent process hand the location to children). */
export const DEFAULT_PKI_DIR = path.resolve(process.env.PKI_DIR || path.join(__dirname, 'out'));

/** Generate everything into `dir` (which must not exist yet). */
async function buildInto(dir: string, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const built = await buildPki();
  const tWrite = Date.now();
  const manifest = await writePki(dir, built, started);
  const { cas, leaves, crls } = built.timings;
  log(`Generated test PKI in ${Date.now() - started} ms (CAs ${cas}, leaves ${leaves}, CRLs ${crls}, files+PKCS#12 ${Date.now() - tWrite}; fingerprint ${manifest.fingerprint})`);
}

async function loadOrBuild(dir: string, log: (line: string) => void, force: boolean): Promise<Pki> {
  if (!force) {
    const st = cacheStatus(dir);
    if (st.ok) return readPki(dir, st.manifest);
    log(`Test PKI cache ${dir}: ${st.reason}; regenerating`);
  }
  await fsp.mkdir(path.dirname(dir), { recursive: true });
  const release = await acquireLock(lockPathOf(dir), log);
  try {
    const st = cacheStatus(dir);
    // Someone built it while we waited for the lock; --force still rebuilds.
    if (st.ok && !force) return readPki(dir, st.manifest);
    await removeLeftovers(dir, log);
    const tmp = `${dir}.tmp-${tmpSuffix()}`;
    try {
      await buildInto(tmp, log);
      if (!(await installAtomically(tmp, dir, force))) log('Another process installed a PKI first; using it');
    } finally {
      await fsp.rm(tmp, { recursive: true, force: true });
    }
  } finally {
    await release();
  }
  const st = cacheStatus(dir);
  if (!st.ok) throw new Error(`Test PKI in ${dir} unusable right after generation: ${st.reason}`);
  return readPki(dir, st.manifest);
}

const inFlight = new Map<string, Promise<Pki>>();

/** Load the cached PKI, (re)generating it when missing/stale; concurrent calls in one process share one build. */
export function loadPki(options: LoadPkiOptions = {}): Promise<Pki> {
  const dir = path.resolve(options.dir ?? DEFAULT_PKI_DIR);
  const log = options.log ?? (() => undefined);
  const key = `${dir}\0${options.force === true}`;
  let p = inFlight.get(key);
  if (!p) {
    p = loadOrBuild(dir, log, options.force === true).finally(() => inFlight.delete(key));
    inFlight.set(key, p);
  }
  return p;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Read an existing, valid cache without generating anything: for synchronous
 * callers such as playwright.config.ts. Applies the same validity rules as
 * loadPki() so a sync reader and an async builder never disagree on keys.
 */
export function loadPkiSync(options: Omit<LoadPkiOptions, 'force'> = {}): Pki {
  const dir = path.resolve(options.dir ?? DEFAULT_PKI_DIR);
  let st = cacheStatus(dir);
  // A build in progress elsewhere (lock held): give it a moment to rename into place.
  const deadline = Date.now() + 30_000;
  while (!st.ok && fs.existsSync(lockPathOf(dir)) && Date.now() < deadline) {
    sleepSync(100);
    st = cacheStatus(dir);
  }
  if (!st.ok) {
    throw new Error(`Test PKI in ${dir} is not usable (${st.reason}). Run \`npm run certs\` to generate it.`);
  }
  return readPki(dir, st.manifest);
}

/** Why the cache is (not) usable; for the CLI and diagnostics. */
export function describePkiCache(options: Pick<LoadPkiOptions, 'dir'> = {}): { ok: boolean; reason: string } {
  const st = cacheStatus(path.resolve(options.dir ?? DEFAULT_PKI_DIR));
  return st.ok ? { ok: true, reason: `valid (created ${st.manifest.createdAt}, expires ${st.manifest.expiresAt})` } : { ok: false, reason: st.reason };
}

/**
 * Like pki.crlPems but with extra serials revoked, for tests that revoke a
 * certificate at run time (e.g. one minted by issueClientCertificate).
 * Returns one PEM per CA (pass the array to Node's `crl` option).
 */
export async function buildTrustedCrls(pki: Pki, extraRevoked: Partial<Record<CaId, readonly string[]>> = {}): Promise<string[]> {
  const m = readManifest(pki.dir);
  const pems = await Promise.all(
    CRL_ISSUERS.map(async (id) => {
      const ca = pki.cas[id];
      const already = m?.crls.find((c) => c.issuer === id)?.revokedSerials ?? [];
      return (await createCrl({ caCertPem: ca.certPem, caKeyPem: ca.keyPem, revokedSerials: [...already, ...(extraRevoked[id] ?? [])] })).pem;
    }),
  );
  return pems;
}
