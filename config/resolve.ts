/**
 * `RESOLVE`: host names the environment's DNS does not know (a staging double under `.test`,
 * a pre-production host not yet in DNS), pinned to addresses the way `curl --resolve` does:
 *
 *   RESOLVE=webra2.double.test=127.0.0.1,ds.double.test=127.0.0.1
 *   RESOLVE=*.double.test=127.0.0.1
 *
 * Why not /etc/hosts: the run must not need root, and must not change the machine for other
 * processes. Why not `--ignore-certificate-errors`: the names stay the real ones, so the
 * server certificate is still checked against them (hostname match included).
 * Both halves of a run use the same rules: Chromium through `--host-resolver-rules`, Node
 * (Playwright's client-certificate proxy, fetch, tls.connect) through `resolve-preload.ts`.
 */
import path from 'node:path';
import net from 'node:net';

export interface ResolveRule {
  /** An exact host name, or `*.suffix` for every name under suffix. */
  pattern: string;
  address: string;
}

export class ResolveError extends Error {}

const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** Parses `name=address[,name=address…]`; throws naming the bad entry. */
export function parseResolve(value: string | undefined): ResolveRule[] {
  const rules: ResolveRule[] = [];
  for (const entry of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = entry.indexOf('=');
    const pattern = entry.slice(0, eq).trim().toLowerCase();
    const address = entry.slice(eq + 1).trim();
    if (eq < 1 || !HOST.test(pattern)) throw new ResolveError(`RESOLVE: "${entry}" is not name=address (name may start with "*.")`);
    if (net.isIP(address) === 0) throw new ResolveError(`RESOLVE: "${entry}": "${address}" is not an IP address`);
    rules.push({ pattern, address });
  }
  return rules;
}

/** The address a rule pins `host` to, or undefined (then ordinary DNS answers). Exact names win over wildcards. */
export function resolveHost(rules: readonly ResolveRule[], host: string): string | undefined {
  const name = host.toLowerCase().replace(/\.$/, '');
  const exact = rules.find((r) => r.pattern === name);
  if (exact) return exact.address;
  return rules.find((r) => r.pattern.startsWith('*.') && name.endsWith(r.pattern.slice(1)))?.address;
}

/** Chromium's `--host-resolver-rules` value: `MAP name address, …` (wildcards as they are). */
export function hostResolverRules(rules: readonly ResolveRule[]): string {
  return rules.map((r) => `MAP ${r.pattern} ${net.isIPv6(r.address) ? `[${r.address}]` : r.address}`).join(', ');
}

/** The Chromium launch arguments for these rules (none without rules). */
export function chromiumResolveArgs(rules: readonly ResolveRule[]): string[] {
  return rules.length === 0 ? [] : [`--host-resolver-rules=${hostResolverRules(rules)}`];
}

/**
 * The preload that makes a child Node process (a Playwright worker) resolve the same names
 * (`--import <it>` after `--import tsx`); it reads RESOLVE from the environment.
 */
export const RESOLVE_PRELOAD = path.join(__dirname, 'resolve-preload.ts');

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void;
type LookupFn = (hostname: string, options: unknown, callback: LookupCallback) => void;

/**
 * A `dns.lookup`-compatible function that answers the pinned names itself and passes every
 * other name to `fallback`. Also usable as the `lookup` option of net/tls.connect.
 */
export function pinnedLookup(rules: readonly ResolveRule[], fallback: LookupFn): LookupFn {
  return (hostname, options, callback) => {
    const cb = (typeof options === 'function' ? options : callback) as LookupCallback;
    const opts = (typeof options === 'function' ? {} : typeof options === 'number' ? { family: options } : (options ?? {})) as { all?: boolean };
    const address = resolveHost(rules, hostname);
    if (address === undefined) return fallback(hostname, options, callback);
    const family = net.isIPv6(address) ? 6 : 4;
    process.nextTick(() => (opts.all ? cb(null, [{ address, family }]) : cb(null, address, family)));
  };
}
