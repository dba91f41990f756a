/**
 * エコ文書 (/ebunsho/...): signup and login with the client certificate (IM12 3-4, TJK 2)-3),
 * EG18/EG25 2), the certificate-less entry, password re-notification and change, and the
 * logged-in pages. One call per host: the certificate host (ds.e-kakushin.com) gets the TLS
 * front that refuses bad certificates in the handshake, as the real host does (EG-2-1).
 */
import type { FastifyInstance } from 'fastify';
import type tls from 'node:tls';
import type { MockContext } from '../context';
import { LOCK_AFTER_FAILURES, type EbunshoOptions, type EbunshoSite, type Entry } from './ebunsho-common';
import { registerLogin } from './ebunsho-login';
import { registerPages } from './ebunsho-pages';
import { registerPasswordChange } from './ebunsho-password-change';
import { registerReissue } from './ebunsho-reissue';
import { registerSignup } from './ebunsho-signup';
import { faulty } from '../faults';

export { ERROR, LOCK_AFTER_FAILURES, pageContext, requireLogin, type EbunshoOptions, type Entry } from './ebunsho-common';

export function registerEbunsho(app: FastifyInstance, ctx: MockContext, options: EbunshoOptions & { entry?: Entry } = {}) {
  const site: EbunshoSite = { ctx, entry: options.entry ?? 'certificate', lockAfterFailures: options.lockAfterFailures ?? LOCK_AFTER_FAILURES + (faulty('ebunsho-lock-late') ? 1 : 0) };
  if (site.entry === 'certificate') {
    // Belt and braces behind the TLS front: a request on an unverified TLS connection gets no answer.
    app.addHook('onRequest', async (req, reply) => {
      const socket = req.raw.socket as tls.TLSSocket;
      if (socket.encrypted && !socket.authorized) {
        reply.hijack();
        socket.destroy();
      }
    });
    registerSignup(app, site);
  }
  registerLogin(app, site);
  registerReissue(app, site);
  registerPasswordChange(app, site);
  registerPages(app, site);
}
