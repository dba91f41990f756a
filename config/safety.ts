/**
 * Safety rails for real environments (issue 9 §6), decided from the configuration alone,
 * before any traffic:
 *
 * - Specs tagged `@destructive` change state on the service (consume a one-time URL, bind a
 *   certificate, count a wrong password, lock, change a password or PIN, reissue, send mail).
 *   Against a real environment they run only with an opt-in that NAMES it:
 *   VERIFY_DESTRUCTIVE=<ENVIRONMENT_NAME> (`npm run verify -- --destructive=<name>`).
 * - On the production hosts of the catalogue (webra1/webra2/repo1 *.secomtrust.net,
 *   ds/ds-nc *.e-kakushin.com) only preflight and read-only checks run, opt-in or not.
 *
 * The embedded mock (TARGET=mock) is the suite's own: everything runs there.
 */
import type { Config } from './env';

export const DESTRUCTIVE_TAG = '@destructive';

/** The production domains: any configured host under them counts as production (stricter is safer). */
export const PRODUCTION_DOMAINS = ['secomtrust.net', 'e-kakushin.com'] as const;

export function isProductionHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return PRODUCTION_DOMAINS.some((d) => name === d || name.endsWith(`.${d}`));
}

/** Every configured URL whose host is a production host. */
export function productionHostsIn(urls: Readonly<Record<string, string | undefined>>): string[] {
  const hosts = new Set<string>();
  for (const u of Object.values(urls)) {
    if (!u) continue;
    let host: string;
    try {
      host = new URL(u).hostname;
    } catch {
      continue;
    }
    if (isProductionHost(host)) hosts.add(host);
  }
  return [...hosts].sort();
}

export type DestructivePolicy =
  | { allowed: true; reason: string }
  | { allowed: false; reason: string; kind: 'production' | 'not-opted-in' };

type SafetyInput = Pick<Config, 'target' | 'urls'> & {
  env: { ENVIRONMENT_NAME?: string; VERIFY_DESTRUCTIVE?: string };
};

/**
 * Whether specs tagged @destructive may run against this configuration. The reasons start
 * with the words the verdict classifies ("destructive, not opted in", "production host").
 */
export function destructivePolicy(cfg: SafetyInput): DestructivePolicy {
  if (cfg.target === 'mock') return { allowed: true, reason: 'the embedded mock' };
  const production = productionHostsIn(cfg.urls as unknown as Record<string, string | undefined>);
  if (production.length > 0) {
    return {
      allowed: false,
      kind: 'production',
      reason: `production host, read-only: ${production.join(', ')} (destructive specs never run there, opt-in or not)`,
    };
  }
  const name = cfg.env.ENVIRONMENT_NAME;
  const optIn = cfg.env.VERIFY_DESTRUCTIVE;
  if (!name) {
    return { allowed: false, kind: 'not-opted-in', reason: 'destructive, not opted in (ENVIRONMENT_NAME is not set, so no opt-in can name it)' };
  }
  if (!optIn) return { allowed: false, kind: 'not-opted-in', reason: `destructive, not opted in (--destructive=${name} to allow)` };
  if (optIn !== name) {
    return { allowed: false, kind: 'not-opted-in', reason: `destructive, not opted in (the opt-in names "${optIn}", this environment is "${name}")` };
  }
  return { allowed: true, reason: `opted in for ${name}` };
}

/**
 * The config-level guard (playwright.config.ts): on production hosts the destructive specs
 * are filtered out of the run before it starts, so not even a fixture of theirs runs.
 * Returns the grepInvert to apply, or undefined.
 */
export function productionGrepInvert(cfg: SafetyInput): RegExp | undefined {
  const policy = destructivePolicy(cfg);
  return !policy.allowed && policy.kind === 'production' ? new RegExp(DESTRUCTIVE_TAG) : undefined;
}
