/**
 * CA repository (repo1.secomtrust.net, plain HTTP): the root and intermediate certificates
 * that the guides' manual-install steps and the import tool download (EG25 1-1: the tool
 * reaches repo1 over HTTP).
 */
import type { FastifyInstance } from 'fastify';
import type { MockContext } from '../context';
import type { ChainName } from '../state';
import { NO_INPUT } from '../input-schema';

/** Which store a CA certificate goes to on the user's PC (EG25 §2-1 8.). */
export type CaStore = 'root' | 'intermediate';

export function repositoryFiles(ctx: MockContext): Record<string, () => Buffer> {
  return {
    '/SC-Root1/SCRoot1ca.cer': () => ctx.ca.rootDer('pub-ca1'),
    '/SC-Root2/SCRoot2ca.cer': () => ctx.ca.rootDer('pub-ca8'),
    '/spcpp/pfm20pub/ca1/PfM20PUBCA1.cer': () => ctx.ca.intermediateDer('pub-ca1'),
    '/spcpp/pfm20pub/ca8/PfM20PUBCA8.cer': () => ctx.ca.intermediateDer('pub-ca8'),
    '/spcpp/pfm20rsa/ca16/PfM20RSACA16.cer': () => ctx.ca.rootDer('rsa-ca16'),
  };
}

/**
 * The CA certificates a chain needs on the PC, root first: PUB CA1 / CA8 under their roots;
 * RSA CA16 is a trusted root itself (EG25 §2-1 8.: "信頼されたルート証明機関" only).
 */
export const CHAIN_FILES: Record<ChainName, readonly { path: string; store: CaStore }[]> = {
  'pub-ca1': [
    { path: '/SC-Root1/SCRoot1ca.cer', store: 'root' },
    { path: '/spcpp/pfm20pub/ca1/PfM20PUBCA1.cer', store: 'intermediate' },
  ],
  'pub-ca8': [
    { path: '/SC-Root2/SCRoot2ca.cer', store: 'root' },
    { path: '/spcpp/pfm20pub/ca8/PfM20PUBCA8.cer', store: 'intermediate' },
  ],
  'rsa-ca16': [{ path: '/spcpp/pfm20rsa/ca16/PfM20RSACA16.cer', store: 'root' }],
};

export function registerRepository(app: FastifyInstance, ctx: MockContext) {
  for (const [path, der] of Object.entries(repositoryFiles(ctx))) {
    app.get(path, { schema: NO_INPUT }, async (_req, reply) =>
      reply
        .type('application/pkix-cert')
        .header('content-disposition', `attachment; filename="${path.split('/').pop()}"`)
        .send(der()),
    );
  }
}
