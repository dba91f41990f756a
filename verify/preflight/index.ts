/**
 * The preflight of `npm run verify`: the network and TLS facts the guides have support staff
 * check by hand, checked before any account is used. No check needs an account except the
 * two that present the account's certificate (skipped without one). Read-only by
 * construction: see io.ts — lookups, handshakes and HTTP GET of documented paths only, so it
 * may run against production hosts.
 */
import type { Config } from '../../config/env';
import type { AccountsFile } from '../../fixtures/accounts';
import { checkClientCertHost, identityOf } from './client-cert';
import { CLIENT_CERT_HOSTS, HTTPS_HOSTS, preflightConfig, type PreflightConfig } from './config';
import { PreflightIo } from './io';
import { checkReachability } from './reachability';
import { checkRepository } from './repository';
import { checkServerCertificate } from './server-cert';
import { checkTlsVersions } from './tls-versions';
import { SECTIONS, type CheckResult } from './types';

export type { CheckResult, CheckStatus } from './types';

export interface PreflightRun {
  results: CheckResult[];
  /** Every network action taken (for the read-only proof and for diagnostics). */
  actions: PreflightIo['log'];
  ms: number;
}

export async function runPreflight(config: Config, accounts?: AccountsFile, options: { env?: NodeJS.ProcessEnv; preflight?: PreflightConfig } = {}): Promise<PreflightRun> {
  const started = Date.now();
  const cfg = options.preflight ?? preflightConfig(config, options.env);
  const io = new PreflightIo(cfg.rules);
  const account = accounts?.certificate[0];
  const identity = identityOf(account);

  const { results: reach, reachable } = await checkReachability(cfg, io);
  const results: CheckResult[] = [...reach];
  const unreachable = (host: string, prefix: string): CheckResult => ({
    id: `${prefix}.${host}`,
    section: SECTIONS.tls,
    title: `${host}: TLS and certificate checks`,
    status: 'fail',
    detail: `not run: ${host} is unreachable`,
  });

  // Hosts are probed one after another, checks of one host too: a preflight must not look
  // like a scan to the environment's intrusion detection, and it takes seconds anyway.
  for (const host of HTTPS_HOSTS) {
    if (!reachable.has(host)) {
      results.push(unreachable(host, 'tls'));
      continue;
    }
    results.push(...(await checkTlsVersions(cfg, io, host)));
    const isClientHost = (CLIENT_CERT_HOSTS as readonly string[]).includes(host);
    results.push(...(await checkServerCertificate(cfg, io, host, isClientHost ? identity : undefined)));
  }
  const repo = await checkRepository(cfg, io, reachable.has('repo1'));
  results.push(...repo.results);
  for (const host of CLIENT_CERT_HOSTS) {
    if (reachable.has(host)) results.push(...(await checkClientCertHost(cfg, io, host, account, repo.published)));
  }
  return { results, actions: io.log, ms: Date.now() - started };
}

/** A failed check fails the preflight; skips do not (the verdict reports them). */
export const preflightPassed = (results: readonly CheckResult[]) => results.every((r) => r.status !== 'fail');
