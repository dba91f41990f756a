/**
 * Admin API views of the signing certificates (loopback only, like the rest of it): the
 * states the suite asserts "nothing changed" against, and the issued certificates — public
 * data — so a spec can check a screen against the certificate itself. Never a password,
 * OTP or PIN.
 */
import type { FastifyInstance } from 'fastify';
import { bulkSignStore, publicBulkSign } from './bulksign-state';
import type { MockContext } from './context';
import { publicSigning, signingRecord } from './signing-state';

/** A user ID in the path (the admin API answers in JSON: its 400s are fastify's own). */
export const USER_PARAMS = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
  required: ['id'],
} as const;

export function registerSigningAdmin(app: FastifyInstance, ctx: MockContext) {
  const store = bulkSignStore(ctx.state);
  const notFound = (what: string) => Object.assign(new Error(`no ${what}`), { statusCode: 404 });
  const userOr404 = (id: string) => {
    const u = ctx.state.get(id);
    if (!u) throw notFound(`user ${id}`);
    return u;
  };
  const bulkOr404 = (id: string) => {
    const found = store.user(id);
    if (!found) throw notFound(`bulk-sign user ${id}`);
    return found;
  };
  const pem = (certPem: string | undefined) => {
    if (!certPem) throw notFound('certificate');
    return certPem;
  };

  app.get<{ Params: { id: string } }>('/users/:id/signing', { schema: { params: USER_PARAMS } }, async (req) => publicSigning(userOr404(req.params.id)));

  app.get<{ Params: { id: string } }>('/users/:id/signing/certificate', { schema: { params: USER_PARAMS } }, async (req, reply) =>
    reply.type('application/x-pem-file').send(pem(signingRecord(userOr404(req.params.id)).current?.certPem)),
  );

  app.get<{ Params: { id: string } }>('/users/:id/bulksign', { schema: { params: USER_PARAMS } }, async (req) => {
    const { user, account } = bulkOr404(req.params.id);
    return publicBulkSign(user, account);
  });

  app.get<{ Params: { id: string } }>('/users/:id/bulksign/certificate', { schema: { params: USER_PARAMS } }, async (req, reply) =>
    reply.type('application/x-pem-file').send(pem(bulkOr404(req.params.id).account.certificate?.certPem)),
  );
}
