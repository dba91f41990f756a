/**
 * Builds the whole mock backend without listening (fastify/demo style: build ≠ listen),
 * so unit tests can inject requests and `main.ts` can listen on the configured ports.
 */
import type { FastifyInstance } from 'fastify';
import type { Urls } from '../config/env';
import type { Pki } from '../certs/store';
import { buildAdmin } from './admin';
import { activateFaults, type FaultName } from './faults';
import { MockCa } from './ca';
import type { MockContext } from './context';
import { Mailer } from './mailer';
import { createSite, type SiteName } from './site';
import { registerCheckPage } from './sites/check-page';
import { registerEbunsho, type EbunshoOptions } from './sites/ebunsho';
import { registerIssuance } from './sites/issuance';
import { registerImportTool } from './sites/import-tool';
import { registerRepository } from './sites/repository';
import { registerSigning } from './sites/signing';
import { registerBulkSign } from './sites/bulksign';
import { MockState } from './state';
import { httpsOptions } from './tls';
import { installTlsFront } from './tls-front';
import type tls from 'node:tls';
import { loopbackListenHost, unbracket } from '../config/loopback';

export interface MockOptions {
  pki: Pki;
  urls: Urls;
  smtp: { host: string; port: number };
  faults?: ReadonlySet<FaultName>;
  /** エコ文書's rules as parameters, for the meta tests that prove a spec notices another value. */
  ebunsho?: EbunshoOptions;
}

export interface Mock {
  ctx: MockContext;
  sites: Record<SiteName, FastifyInstance>;
  admin: FastifyInstance;
}

export function buildMock(options: MockOptions): Mock {
  activateFaults(options.faults ?? new Set());
  const ctx: MockContext = {
    state: new MockState(),
    urls: options.urls,
    pki: options.pki,
    ca: new MockCa(options.pki, options.faults),
    mailer: new Mailer(options.smtp),
    faults: options.faults ?? new Set(),
  };
  const { pki } = options;
  const sites: Record<SiteName, FastifyInstance> = {
    webra2: createSite('webra2', httpsOptions(pki, 'none'), '/scira'),
    webra1: createSite('webra1', httpsOptions(pki, 'required'), '/scira'),
    repo1: createSite('repo1', null, ''),
    ds: createSite('ds', httpsOptions(pki, 'required'), '/ebunsho'),
    dsnc: createSite('dsnc', httpsOptions(pki, 'none'), '/ebunsho'),
    bulksign: createSite('bulksign', httpsOptions(pki, 'none'), '/bulksign'),
  };
  // Hosts that require a client certificate refuse a bad one inside the handshake, with the
  // alert that names the reason, as the real hosts do (mock/tls-front.ts).
  for (const site of [sites.webra1, sites.ds]) {
    installTlsFront(site.server as unknown as tls.Server, {
      tls: httpsOptions(pki, 'required'),
      onRefusal: (refusal) => ctx.state.recordTlsRefusal(refusal),
    });
  }
  registerIssuance(sites.webra2, ctx);
  registerImportTool(sites.webra2, ctx);
  registerCheckPage(sites.webra1, ctx);
  registerRepository(sites.repo1, ctx);
  registerEbunsho(sites.ds, ctx, options.ebunsho);
  registerEbunsho(sites.dsnc, ctx, { ...options.ebunsho, entry: 'certless' });
  registerSigning(sites.ds, ctx);
  // 本人情報 links 署名用証明書管理 on both entries: the certificate-less one must not answer 404 (issue 10).
  registerSigning(sites.dsnc, ctx);
  registerBulkSign(sites.bulksign, ctx);
  return { ctx, sites, admin: buildAdmin(ctx) };
}

/** Listens every site on its URL's port and the admin API on loopback. */
export async function listenMock(mock: Mock, adminUrl: string): Promise<void> {
  for (const [name, app] of Object.entries(mock.sites) as [SiteName, FastifyInstance][]) {
    const url = new URL(mock.ctx.urls[name]);
    await app.listen({ host: unbracket(url.hostname), port: Number(url.port) });
  }
  const admin = new URL(adminUrl);
  // Loopback only, whatever the configuration says.
  await mock.admin.listen({ host: loopbackListenHost(admin.hostname, 'The mock admin API'), port: Number(admin.port) });
}

export async function closeMock(mock: Mock): Promise<void> {
  await Promise.all([...Object.values(mock.sites), mock.admin].map((a) => a.close()));
  mock.ctx.mailer.close();
}
