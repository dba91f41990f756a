/**
 * Used by playwright.config.ts (which must be synchronous): makes sure a valid PKI cache
 * exists — building it in a child process when missing or stale — and returns what the
 * run needs to trust the mock's server certificate.
 */
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describePkiCache, loadPkiSync } from './store';

/**
 * NODE_EXTRA_CA_CERTS may already name a bundle (this machine sets the system one): keep
 * it and add the mock's server CA, in a bundle of our own.
 */
export function extraCaBundle(dir: string, serverCaPem: string, current = process.env.NODE_EXTRA_CA_CERTS): string {
  const bundle = path.join(dir, 'node-extra-ca.pem');
  if (current === bundle) return bundle;
  const existing = current && fs.existsSync(current) ? fs.readFileSync(current, 'utf8') : '';
  // Write aside and rename: other runs may be reading the bundle right now.
  const tmp = `${bundle}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${existing.trimEnd()}\n${serverCaPem}`.trimStart());
  fs.renameSync(tmp, bundle);
  return bundle;
}

export function ensurePkiForRun(dir: string): { serverCaPath: string; extraCaPath: string; serverSpki: string; fingerprint: string } {
  if (!describePkiCache({ dir }).ok) {
    execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'cli.ts')], {
      stdio: 'inherit',
      env: { ...process.env, PKI_DIR: dir },
    });
  }
  const pki = loadPkiSync({ dir });
  const spki = crypto.createPublicKey(pki.server.certPem).export({ type: 'spki', format: 'der' });
  return {
    serverCaPath: pki.serverCa.certPath,
    extraCaPath: extraCaBundle(dir, pki.serverCa.certPem),
    serverSpki: crypto.createHash('sha256').update(spki).digest('base64'),
    fingerprint: pki.fingerprint,
  };
}
