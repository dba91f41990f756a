/**
 * CA repository (repo1.secomtrust.net, plain HTTP): the root and intermediate certificates
 * that the guides' manual-install steps and the import tool download.
 */
import type { FastifyInstance } from 'fastify';
import type { MockContext } from '../context';

export function repositoryFiles(ctx: MockContext): Record<string, () => Buffer> {
  return {
    '/SC-Root1/SCRoot1ca.cer': () => ctx.ca.rootDer('pub-ca1'),
    '/SC-Root2/SCRoot2ca.cer': () => ctx.ca.rootDer('pub-ca8'),
    '/spcpp/pfm20pub/ca1/PfM20PUBCA1.cer': () => ctx.ca.intermediateDer('pub-ca1'),
    '/spcpp/pfm20pub/ca8/PfM20PUBCA8.cer': () => ctx.ca.intermediateDer('pub-ca8'),
    '/spcpp/pfm20rsa/ca16/PfM20RSACA16.cer': () => ctx.ca.rootDer('rsa-ca16'),
  };
}

export function registerRepository(app: FastifyInstance, ctx: MockContext) {
  for (const [path, der] of Object.entries(repositoryFiles(ctx))) {
    app.get(path, async (_req, reply) =>
      reply
        .type('application/pkix-cert')
        .header('content-disposition', `attachment; filename="${path.split('/').pop()}"`)
        .send(der()),
    );
  }
}
