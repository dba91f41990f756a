/**
 * Concurrency of cache builders: they serialise on a lock directory next to the
 * cache, build into a sibling temp directory and rename it into place, so
 * readers never see a half-written cache; a builder that loses the rename race
 * keeps the winner's cache.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { cacheStatus } from './manifest';

const LOCK_STALE_MS = 2 * 60_000;
const LOCK_WAIT_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const tmpSuffix = () => `${process.pid}-${randomBytes(4).toString('hex')}`;

export function lockPathOf(dir: string): string {
  return `${dir}.lock`;
}

/** mkdir is atomic: whoever creates the lock directory builds; others wait, then re-check the cache. */
export async function acquireLock(lockPath: string, log: (line: string) => void): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let announced = false;
  for (;;) {
    try {
      await fsp.mkdir(lockPath);
      await fsp.writeFile(path.join(lockPath, 'owner'), `${process.pid} ${new Date().toISOString()}\n`);
      return () => fsp.rm(lockPath, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const st = await fsp.stat(lockPath).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) {
      log(`Removing stale PKI lock ${lockPath}`);
      await fsp.rm(lockPath, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for PKI lock ${lockPath} (delete it if no build is running)`);
    if (!announced) log(`Another process is generating the PKI; waiting for ${lockPath}`);
    announced = true;
    // Polling a directory: there is no event to wait on for another process's rmdir.
    await sleep(100);
  }
}

/**
 * rename(tmp → dir). If dir exists: keep it when it is valid (another process
 * won the race; returns false) unless `replace` (--force), else move it aside.
 */
export async function installAtomically(tmp: string, dir: string, replace: boolean): Promise<boolean> {
  const isTaken = (e: unknown) => ['ENOTEMPTY', 'EEXIST', 'EPERM', 'EISDIR'].includes((e as NodeJS.ErrnoException).code ?? '');
  try {
    await fsp.rename(tmp, dir);
    return true;
  } catch (e) {
    if (!isTaken(e)) throw e;
  }
  if (!replace && cacheStatus(dir).ok) return false; // someone else won while we built
  const stale = `${dir}.stale-${tmpSuffix()}`;
  await fsp.rename(dir, stale).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  try {
    await fsp.rename(tmp, dir);
    return true;
  } catch (e) {
    if (!isTaken(e) || !cacheStatus(dir).ok) throw e;
    return false;
  } finally {
    await fsp.rm(stale, { recursive: true, force: true });
  }
}

/** Temp/stale siblings left by a killed builder; only the lock holder calls this. */
export async function removeLeftovers(dir: string, log: (line: string) => void): Promise<void> {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  for (const name of await fsp.readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(`${base}.tmp-`) && !name.startsWith(`${base}.stale-`)) continue;
    const full = path.join(parent, name);
    const st = await fsp.stat(full).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) {
      log(`Removing leftover ${full}`);
      await fsp.rm(full, { recursive: true, force: true });
    }
  }
}
