/**
 * Chromium's trust for a run, without blanket ignoring (issue 9 §5): a run-private NSS shared
 * DB holding exactly the CAs this run trusts (the mock's server CA, or STAGING_CA_FILE), and
 * a browser launched with HOME / XDG_DATA_HOME pointing at the directory that holds it.
 *
 * Why not `--ignore-certificate-errors-spki-list`: it also skips the hostname and chain
 * checks for the pinned key. Why private: the user's own ~/.pki is neither read nor changed,
 * and two runs never see each other's CAs. Chromium ≥ 146 reads
 * `$XDG_DATA_HOME/pki/nssdb` (default ~/.local/share/pki/nssdb); an existing `$HOME/.pki/nssdb`
 * wins, so both point at the same DB.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class BrowserTrustError extends Error {}

/**
 * Makes (or reuses, when the PEMs are the same) a browser home under `parent` whose NSS DB
 * trusts `caPems` as TLS server CAs. Returns the env for launchOptions.env.
 */
export function browserTrustHome(caPems: readonly string[], parent = path.join(os.tmpdir(), `onboarding-browser-home-${os.userInfo().uid}`)): { home: string; env: Record<string, string> } {
  if (caPems.length === 0) throw new BrowserTrustError('browser trust: no CA certificate to trust');
  const digest = crypto.createHash('sha256').update(caPems.join('\n')).digest('hex').slice(0, 16);
  // Keyed by content: the same CAs give the same home (workers and reruns reuse it); other CAs another one.
  const home = path.join(parent, digest);
  const xdgData = path.join(home, '.local', 'share');
  const env = { HOME: home, XDG_DATA_HOME: xdgData, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') };
  if (fs.existsSync(path.join(home, 'ready'))) return { home, env };
  // Built aside and renamed: parallel runs with the same CAs never see a half-made DB.
  fs.mkdirSync(parent, { recursive: true, mode: 0o700 });
  const tmp = fs.mkdtempSync(path.join(parent, `${digest}.tmp-`));
  const tmpDb = path.join(tmp, '.local', 'share', 'pki', 'nssdb');
  fs.mkdirSync(tmpDb, { recursive: true });
  try {
    execFileSync('certutil', ['-d', `sql:${tmpDb}`, '-N', '--empty-password'], { stdio: 'pipe' });
    caPems.forEach((pem, i) => {
      const file = path.join(tmp, `ca-${i}.pem`);
      fs.writeFileSync(file, `${pem}\n`);
      execFileSync('certutil', ['-d', `sql:${tmpDb}`, '-A', '-t', 'C,,', '-n', `run-ca-${i}`, '-i', file], { stdio: 'pipe' });
    });
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') throw new BrowserTrustError('browser trust: `certutil` not found — install Debian libnss3-tools (npm run setup)');
    throw new BrowserTrustError(`browser trust: certutil failed: ${e.stderr?.toString().trim() || e.message}`);
  }
  fs.mkdirSync(path.join(tmp, '.pki'), { recursive: true });
  fs.symlinkSync(path.join('..', '.local', 'share', 'pki', 'nssdb'), path.join(tmp, '.pki', 'nssdb'));
  fs.writeFileSync(path.join(tmp, 'ready'), digest);
  try {
    fs.renameSync(tmp, home);
  } catch {
    // Someone else finished first: theirs is the same DB.
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { home, env };
}

/** The CAs a certutil DB trusts (for tests): nicknames with their trust flags. */
export function listTrusted(home: string): string {
  return execFileSync('certutil', ['-d', `sql:${path.join(home, '.local', 'share', 'pki', 'nssdb')}`, '-L'], { encoding: 'utf8' });
}
