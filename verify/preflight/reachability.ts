/** DNS and TCP reachability of every configured host (EG25 1-1: the import tool needs webra2 over HTTPS and repo1 over HTTP). */
import { portOf, type HostName, type PreflightConfig } from './config';
import type { PreflightIo } from './io';
import { SECTIONS, type CheckResult } from './types';

export async function checkReachability(cfg: PreflightConfig, io: PreflightIo): Promise<{ results: CheckResult[]; reachable: Set<HostName> }> {
  const reachable = new Set<HostName>();
  const results = await Promise.all(
    (Object.keys(cfg.urls) as HostName[]).map(async (name): Promise<CheckResult> => {
      const u = cfg.urls[name];
      const section = name === 'webra2' || name === 'repo1' ? SECTIONS.reach : SECTIONS.reachService;
      const scheme = u.protocol.replace(':', '').toUpperCase();
      const base = { id: `reach.${name}`, section, title: `${name} reachable over ${scheme} (${u.host})` };
      let address: string;
      try {
        address = await io.resolve(u.hostname);
      } catch (e) {
        return { ...base, status: 'fail', detail: `DNS: ${u.hostname} does not resolve (${(e as Error).message})` };
      }
      try {
        await io.tcp(u.hostname, portOf(u));
      } catch (e) {
        return { ...base, status: 'fail', detail: `TCP ${address}:${portOf(u)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
      }
      reachable.add(name);
      return { ...base, status: 'pass', detail: `${u.hostname} → ${address}, TCP ${portOf(u)} open` };
    }),
  );
  return { results, reachable };
}
