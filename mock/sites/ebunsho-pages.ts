/**
 * The logged-in pages of エコ文書 behind the header tabs: サービスTOP (IM12 4 ④), マイページ,
 * 本人情報 (TJK) with ログイン用証明書管理, and 処理結果. (署名用証明書管理 is mock/sites/signing.ts.)
 */
import type { FastifyInstance } from 'fastify';
import { ebunsho as t } from '../texts';
import { formatDateTime } from '../format';
import { NO_INPUT } from '../input-schema';
import { sendPage } from '../site';
import { signingState } from '../signing-state';
import { peerCertificate } from '../tls';
import { pageContext, requireLogin, type EbunshoSite } from './ebunsho-common';

/** IM12 4 ④: the contract disk table and its warning as the manual shows them. */
const DISK = { contract: '150GB', used: '55.0GB', rate: '36.8', warnAbovePercent: 10 } as const;

export function registerPages(app: FastifyInstance, site: EbunshoSite) {
  const { ctx } = site;
  const { state } = ctx;

  app.get('/ebunsho/ServiceTop.do', { schema: NO_INPUT }, async (req, reply) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    const disk = ctx.faults.has('top-without-disk-table')
      ? null
      : { contract: DISK.contract, used: DISK.used, rate: DISK.rate, warn: Number(DISK.rate) > DISK.warnAbovePercent };
    return sendPage(
      reply,
      'ebunsho/top.njk',
      pageContext(user, { title: t.serviceTop, tab: 'top', mustChangePassword: user.mustChangePassword, disk }),
    );
  });

  app.get('/ebunsho/MyPage.do', { schema: NO_INPUT }, async (req, reply) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    return sendPage(reply, 'ebunsho/empty-list.njk', pageContext(user, { title: t.tabs.myPage, tab: 'myPage' }));
  });

  app.get('/ebunsho/Results.do', { schema: NO_INPUT }, async (req, reply) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    return sendPage(reply, 'ebunsho/empty-list.njk', pageContext(user, { title: t.tabs.results, tab: 'results' }));
  });

  app.get('/ebunsho/Profile.do', { schema: NO_INPUT }, async (req, reply) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    // TJK's 本人情報 before the signing certificate exists carries a notice (only its start is legible).
    const signingMissing = signingState(user) === 'none';
    return sendPage(reply, 'ebunsho/profile.njk', pageContext(user, { title: t.tabs.profile, tab: 'profile', signingMissing }));
  });

  // The login certificate is the one this very connection presents: the session only holds
  // for the certificate bound at signup, so it is the bound one. None on the certless entry.
  app.get('/ebunsho/LoginCert.do', { schema: NO_INPUT }, async (req, reply) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    const cert = peerCertificate(req);
    return sendPage(
      reply,
      'ebunsho/login-cert.njk',
      pageContext(user, { title: t.loginCertManagement, tab: 'profile', cert: cert && { ...cert, validTo: formatDateTime(Date.parse(cert.validTo)) } }),
    );
  });
}
