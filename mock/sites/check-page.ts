/**
 * Certificate check page (webra1.secomtrust.net/scira/doc/pfm20pub/index.html): STEP4 of
 * the issuance and EG18 2-1 "5." — it only answers a browser that presents a trusted client
 * certificate (the TLS layer refuses the others).
 */
import type { FastifyInstance } from 'fastify';
import { NO_INPUT } from '../input-schema';
import { sendPage } from '../site';
import { peerCertificate } from '../tls';
import type { MockContext } from '../context';

export function registerCheckPage(app: FastifyInstance, _ctx: MockContext) {
  app.get('/scira/doc/pfm20pub/index.html', { schema: NO_INPUT }, async (req, reply) => {
    const cert = peerCertificate(req);
    if (!cert) return reply.code(403).send();
    return sendPage(reply, 'check/index.njk', { cert });
  });
}
