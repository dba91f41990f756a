/** Patches this process's `dns.lookup` / `dns.promises.lookup` for RESOLVE's names (see resolve.ts). */
import dns from 'node:dns';
import { parseResolve, pinnedLookup, resolveHost, type ResolveRule } from './resolve';

const PATCHED = Symbol.for('onboarding.resolve.patched');

export function installResolve(value: string | undefined): ResolveRule[] {
  const rules = parseResolve(value);
  if (rules.length === 0) return rules;
  const d = dns as typeof dns & { [PATCHED]?: ResolveRule[] };
  if (d[PATCHED]) {
    // Installed twice in one process (preload + a module): keep one patch, merge the rules.
    d[PATCHED].push(...rules);
    return d[PATCHED];
  }
  const active = [...rules];
  d[PATCHED] = active;
  const original = dns.lookup.bind(dns) as never;
  (dns as { lookup: unknown }).lookup = pinnedLookup(active, original);
  const originalPromise = dns.promises.lookup.bind(dns.promises);
  (dns.promises as { lookup: unknown }).lookup = async (hostname: string, options?: dns.LookupOptions | number) => {
    const address = resolveHost(active, hostname);
    if (address === undefined) return originalPromise(hostname, options as dns.LookupOptions);
    const family = address.includes(':') ? 6 : 4;
    const all = typeof options === 'object' && options?.all;
    return all ? [{ address, family }] : { address, family };
  };
  return active;
}
