/**
 * Issuance site (webra2.secomtrust.net, /scira/...): IM12 §2-3, TJK 1), EG18 §1.
 *
 * STEP1 checks the one-time 認証情報パスワード; STEP2 runs in the browser, which makes the
 * key pair (WebCrypto) and sends only a certification request, as the real enrollment
 * control does; STEP3 hands out the root CA and the client certificate (PKCS#12 built in
 * the browser); STEP4 links to the certificate check page.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { issuance as t } from '../../messages';
import type { MockContext } from '../context';
import { sendPage } from '../site';
import { checkField, one } from '../validate';
import { randomToken, type User } from '../state';

const IE11 = /Trident\/7\.0.*rv:11\.0/;

export function registerIssuance(app: FastifyInstance, ctx: MockContext) {
  const enrollTokens = new Map<string, string>(); // token -> userId

  const unsupported = (req: FastifyRequest, user: User) =>
    user.application.browserPolicy === 'legacy' && !IE11.test(req.headers['user-agent'] ?? '');
  const message = (reply: Parameters<typeof sendPage>[0], text: string, status = 200) =>
    sendPage(reply, 'issuance/message.njk', { message: text }, status);

  /** Entrance.jsp: the per-user URL from the registration mail. */
  app.get('/scira/Entrance.jsp', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const [p1, p2, p3] = [one(q.p1), one(q.p2), one(q.p3)];
    const user = ctx.state.byApplication(p1, p2, p3);
    if (!user) return message(reply, t.noValidApplication);
    if (unsupported(req, user)) return message(reply, t.unsupportedBrowser);
    if (user.application.state === 'consumed' || user.application.state === 'superseded')
      return message(reply, t.noValidApplication);
    return sendPage(reply, 'issuance/step1.njk', { step: 1, p1, p2, p3 });
  });

  /** Step1.do: the 認証情報パスワード; on success, STEP2 with an enrollment ticket. */
  app.post('/scira/Step1.do', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const [p1, p2, p3] = [one(body.p1), one(body.p2), one(body.p3)];
    const password = one(body.password);
    const user = ctx.state.byApplication(p1, p2, p3);
    if (!user) return message(reply, t.noValidApplication);
    if (unsupported(req, user)) return message(reply, t.unsupportedBrowser);
    const app_ = user.application;
    if (app_.state === 'consumed' || app_.state === 'superseded') return message(reply, t.noValidApplication);
    const problem = checkField(password, { label: '認証情報(パスワード)', max: 64, alnum: true });
    if (problem) return sendPage(reply, 'issuance/step1.njk', { step: 1, p1, p2, p3, error: problem });
    if (app_.state !== 'approved' || password !== app_.password)
      return sendPage(reply, 'issuance/step1.njk', { step: 1, p1, p2, p3, error: t.authFailed });
    const token = randomToken(16);
    enrollTokens.set(token, user.userId);
    return sendPage(reply, 'issuance/step2.njk', {
      step: 2,
      token,
      rootCaPath: `/scira/RootCa.do?t=${token}`,
      confirmText: [t.webAccessConfirm, `${ctx.urls.webra2}/scira/Step1.do`, t.webAccessLimit, t.webAccessQuestion].join('\n'),
    });
  });

  /** Step2.do: the browser's certification request → the client certificate and its chain. */
  app.post(
    '/scira/Step2.do',
    {
      schema: {
        body: {
          type: 'object',
          required: ['token', 'csr', 'keyLength'],
          properties: {
            token: { type: 'string', maxLength: 64 },
            csr: { type: 'string', maxLength: 8192 },
            keyLength: { type: 'integer', enum: [1024, 2048] },
            csp: { type: 'string', maxLength: 128 },
          },
        },
      },
    },
    async (req, reply) => {
      const body = req.body as { token: string; csr: string; keyLength: 1024 | 2048 };
      const userId = enrollTokens.get(body.token);
      const user = userId ? ctx.state.get(userId) : undefined;
      if (!user || user.application.state !== 'approved')
        return reply.code(409).send({ message: t.noValidApplication });
      try {
        const issued = await ctx.ca.issueFromCsr(user.application.chain, body.csr, body.keyLength);
        user.application.state = 'consumed';
        user.application.issuedSerial = issued.serialHex;
        enrollTokens.delete(body.token);
        enrollTokens.set(`done:${body.token}`, user.userId);
        return { certPem: issued.certPem, chainPem: issued.chainPem, commonName: issued.commonName };
      } catch {
        return reply.code(400).send({ message: t.authFailed });
      }
    },
  );

  /** RootCa.do: STEP3's ルートCA証明書のインストール (the root of the user's chain, DER). */
  app.get('/scira/RootCa.do', async (req, reply) => {
    const token = one((req.query as Record<string, unknown>).t);
    const userId = enrollTokens.get(token) ?? enrollTokens.get(`done:${token}`);
    const user = userId ? ctx.state.get(userId) : undefined;
    if (!user) return message(reply, t.noValidApplication);
    return reply
      .type('application/pkix-cert')
      .header('content-disposition', 'attachment; filename="root-ca.cer"')
      .send(ctx.ca.rootDer(user.application.chain));
  });

  /** Step4.do: the link to the certificate check page. */
  app.get('/scira/Step4.do', async (req, reply) => {
    const token = one((req.query as Record<string, unknown>).t);
    if (!enrollTokens.has(`done:${token}`)) return message(reply, t.noValidApplication);
    return sendPage(reply, 'issuance/step4.njk', {
      step: 4,
      checkPageUrl: `${ctx.urls.webra1}/scira/doc/pfm20pub/index.html`,
    });
  });
}
