/**
 * The mock's admin API: used by the suite's fixtures (never by page objects) to provision
 * users, set states the documents describe, and move a user's clock. It listens on
 * loopback only: it can change any user and must never be reachable from elsewhere.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { MockContext } from './context';
import { newApplication, provisionUser, sendOnboardingMails, type ProvisionRequest } from './provision';
import type { User } from './state';
import { clockChanged } from './clock-events';
import { registerSigningAdmin, USER_PARAMS } from './signing-admin';
import { NO_INPUT, requireSchemas } from './input-schema';

const chain = { type: 'string', enum: ['pub-ca1', 'pub-ca8', 'rsa-ca16'] } as const;
/** A POST that reads no body. */
const NO_BODY = { type: ['object', 'null'] } as const;

/** What the admin API shows of a user: never a password. */
export function publicUser(u: User) {
  return {
    userId: u.userId,
    kind: u.kind,
    email: u.email,
    status: u.status,
    locked: u.locked,
    failedLogins: u.failedLogins,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt === null ? null : new Date(u.lastLoginAt).toISOString(),
    signedUp: u.boundCertFingerprint !== null,
    boundCertFingerprint: u.boundCertFingerprint,
    application: { state: u.application.state, chain: u.application.chain, browserPolicy: u.application.browserPolicy, issuedSerial: u.application.issuedSerial ?? null },
    clock: u.clock.toJSON(),
  };
}

export function buildAdmin(ctx: MockContext): FastifyInstance {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  requireSchemas(app);
  const userOr404 = (id: string) => {
    const u = ctx.state.get(id);
    if (!u) throw Object.assign(new Error(`no user ${id}`), { statusCode: 404 });
    return u;
  };

  app.get('/health', { schema: NO_INPUT }, async () => ({ ok: true }));

  app.post<{ Body: ProvisionRequest }>(
    '/users',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            kind: { type: 'string', enum: ['cert', 'certless', 'bulksign'] },
            chain,
            email: { type: 'string', maxLength: 254 },
            name: { type: 'string', maxLength: 64 },
            nameRomaji: { type: 'string', maxLength: 64 },
            company: { type: 'string', maxLength: 64 },
            companyRomaji: { type: 'string', maxLength: 64 },
            browserPolicy: { type: 'string', enum: ['any', 'legacy'] },
            approved: { type: 'boolean' },
            sendMails: { type: 'boolean' },
            // Bulk e-signature users (kind 'bulksign', BS10 1-1).
            adminEmail: { type: 'string', maxLength: 254 },
            adminName: { type: 'string', maxLength: 64 },
            loginExpiresAt: { type: 'string', format: 'date-time' },
          },
          additionalProperties: false,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await provisionUser(ctx, req.body ?? {})),
  );

  app.get<{ Params: { id: string } }>('/users/:id', { schema: { params: USER_PARAMS } }, async (req) => publicUser(userOr404(req.params.id)));

  app.patch<{
    Params: { id: string };
    Body: { status?: 'active' | 'invalid'; locked?: boolean; failedLogins?: number; lastLoginAt?: string | null; approved?: boolean; browserPolicy?: 'any' | 'legacy' };
  }>(
    '/users/:id',
    {
      schema: {
        params: USER_PARAMS,
        body: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['active', 'invalid'] },
            locked: { type: 'boolean' },
            failedLogins: { type: 'integer', minimum: 0 },
            lastLoginAt: { type: ['string', 'null'], format: 'date-time' },
            approved: { type: 'boolean' },
            browserPolicy: { type: 'string', enum: ['any', 'legacy'] },
          },
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      const u = userOr404(req.params.id);
      const b = req.body;
      if (b.status) u.status = b.status;
      if (b.locked !== undefined) {
        u.locked = b.locked;
        if (!b.locked) u.failedLogins = 0; // the administrator's unlock (EG-2-2-46)
      }
      if (b.failedLogins !== undefined) u.failedLogins = b.failedLogins;
      if (b.lastLoginAt !== undefined) u.lastLoginAt = b.lastLoginAt === null ? null : Date.parse(b.lastLoginAt);
      if (b.approved !== undefined && ['approved', 'unapproved'].includes(u.application.state))
        u.application.state = b.approved ? 'approved' : 'unapproved';
      if (b.browserPolicy) u.application.browserPolicy = b.browserPolicy;
      return publicUser(u);
    },
  );

  /** The administrator reissues the certificate: a new application and new mails; the old URL dies (EG18-1-5). */
  app.post<{ Params: { id: string } }>('/users/:id/reissue-certificate', { schema: { params: USER_PARAMS, body: NO_BODY } }, async (req) => {
    const u = userOr404(req.params.id);
    u.application.state = 'superseded';
    u.application = newApplication(u.application.chain, u.application.browserPolicy, true);
    await sendOnboardingMails(ctx, u);
    return publicUser(u);
  });

  app.post<{ Params: { id: string }; Body: { advanceMs?: number; set?: string; freeze?: boolean } }>(
    '/users/:id/clock',
    {
      schema: {
        params: USER_PARAMS,
        body: {
          type: 'object',
          properties: {
            advanceMs: { type: 'integer' },
            set: { type: 'string', format: 'date-time' },
            freeze: { type: 'boolean' },
          },
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      const u = userOr404(req.params.id);
      if (req.body.set) u.clock.set(new Date(req.body.set), req.body.freeze ?? false);
      if (req.body.advanceMs) u.clock.advance(req.body.advanceMs);
      clockChanged(u.userId); // wakes pages waiting on this user's clock (BS10 2-c)
      return u.clock.toJSON();
    },
  );

  /** エコ文書's handshake refusals (EG-2-1): the server's verify error behind the alert a client saw. */
  app.get<{ Querystring: { fingerprint?: string; after?: number } }>(
    '/tls-refusals',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { fingerprint: { type: 'string', maxLength: 200 }, after: { type: 'integer', minimum: 0 } },
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      const { fingerprint, after = 0 } = req.query;
      const wanted = fingerprint === 'none' ? null : fingerprint;
      return ctx.state.tlsRefusals.filter((r) => r.seq > after && (fingerprint === undefined || r.fingerprint256 === wanted));
    },
  );

  app.post('/reset', { schema: { body: NO_BODY } }, async () => {
    ctx.state.reset();
    return { ok: true };
  });

  registerSigningAdmin(app, ctx);
  return app;
}
