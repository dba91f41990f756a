/**
 * Issuance site (webra2.secomtrust.net, /scira/...): IM12 §2-3, TJK 1), EG18 §1.
 *
 * STEP1 checks the one-time 認証情報パスワード; STEP2 runs in the browser, which makes the
 * key pair (WebCrypto) and sends only a certification request, as the real enrollment
 * control does; STEP3 hands out the root CA and the client certificate (PKCS#12 built in
 * the browser); STEP4 links to the certificate check page. Japanese or English (ISS-LANG),
 * chosen with the `English` / `Japanese` link and kept in a cookie.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { input, issuance, issuanceEn } from '../texts';
import type { MockContext } from '../context';
import { sendPage } from '../site';
import { checkField, HALF_WIDTH_ALNUM, one } from '../validate';
import { randomToken, type User } from '../state';
import { checkCsr } from '../csr';
import { faulty } from '../faults';

const IE11 = /Trident\/7\.0.*rv:11\.0/;
const LANG_COOKIE = 'scira_lang';
/** p1..p3 as the CA writes them: short half-width alphanumerics (anything else is a broken link). */
const URL_PARAM = /^[A-Za-z0-9]{1,64}$/;
/** Where the language link may send the browser back to (no open redirect). */
const LANG_NEXT = /^\/scira\/(Entrance\.jsp|Step4\.do)\?[A-Za-z0-9=&%._-]{0,300}$/;

export type Lang = 'ja' | 'en';
export const textsFor = (lang: Lang) => (lang === 'en' ? issuanceEn : issuance);

/** The application a ticket (enrollment token, import-tool ticket) was handed out for. */
export interface ApplicationRef {
  userId: string;
  /** p3 identifies the application: after a reissue the old ticket must not issue on the new one. */
  p3: string;
}

export function currentUser(ctx: MockContext, ref: ApplicationRef | undefined): User | undefined {
  const user = ref ? ctx.state.get(ref.userId) : undefined;
  return user && user.application.p3 === ref!.p3 ? user : undefined;
}

/** Constant-time comparison: the 認証情報パスワード must not leak through response times. */
export function samePassword(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * Issues the user's one certificate for a certification request and uses up the
 * application (the 認証情報パスワード is one-time: EG18-1-5, EG25-1-3). The application is
 * reserved before the CA works, so two requests at once cannot both get a certificate.
 */
export async function issueForApplication(ctx: MockContext, user: User, csrPem: string, keyBits: 1024 | 2048) {
  const application = user.application;
  // Validate fully before any state change: a request that cannot become a certificate
  // leaves the application as it was.
  if (checkCsr(csrPem, keyBits) !== null) throw new Error('certification request refused before issuing');
  if (application.state !== 'approved') return null;
  application.state = 'consumed';
  try {
    const issued = await ctx.ca.issueFromCsr(application.chain, csrPem, keyBits);
    application.issuedSerial = issued.serialHex;
    return issued;
  } catch (err) {
    application.state = 'approved';
    throw err;
  }
}

export function registerIssuance(app: FastifyInstance, ctx: MockContext) {
  const enrollTokens = new Map<string, ApplicationRef>();
  const issuedTokens = new Map<string, ApplicationRef>();

  const langOf = (req: FastifyRequest): Lang => (req.cookies?.[LANG_COOKIE] === 'en' ? 'en' : 'ja');
  const entrancePath = (a: { p1: string; p2: string; p3: string }) =>
    `/scira/Entrance.jsp?p1=${encodeURIComponent(a.p1)}&p2=${encodeURIComponent(a.p2)}&p3=${encodeURIComponent(a.p3)}`;

  /** Renders an issuance page in the browser's language, with the link to the other one. */
  const render = (req: FastifyRequest, reply: FastifyReply, view: string, context: Record<string, unknown>, options: { status?: number; langNext?: string } = {}) => {
    const lang = langOf(req);
    const other: Lang = lang === 'en' ? 'ja' : 'en';
    const langLink = options.langNext ? `/scira/Language.do?lang=${other}&next=${encodeURIComponent(options.langNext)}` : null;
    return sendPage(reply, view, { ...context, lang, t: textsFor(lang), langLink }, options.status ?? 200);
  };
  const message = (req: FastifyRequest, reply: FastifyReply, pick: (t: ReturnType<typeof textsFor>) => string, options: { status?: number; langNext?: string } = {}) =>
    render(req, reply, 'issuance/message.njk', { message: pick(textsFor(langOf(req))) }, options);
  // A cut or tampered link matches no application: the same answer as an unknown one, as a 400.
  const brokenLink = (req: FastifyRequest, reply: FastifyReply) => message(req, reply, (t) => t.noValidApplication, { status: 400 });

  const unsupported = (req: FastifyRequest, user: User) =>
    user.application.browserPolicy === 'legacy' && !IE11.test(req.headers['user-agent'] ?? '');
  const usedUp = (user: User) => !faulty('issuance-url-reusable') && (user.application.state === 'consumed' || user.application.state === 'superseded');
  /** p1..p3 from a query or a form; null when the link was cut or tampered into another shape. */
  const applicationParams = (source: unknown) => {
    const s = (source ?? {}) as Record<string, unknown>;
    const p = { p1: one(s.p1), p2: one(s.p2), p3: one(s.p3) };
    return URL_PARAM.test(p.p1) && URL_PARAM.test(p.p2) && URL_PARAM.test(p.p3) ? p : null;
  };

  /** The `English` / `Japanese` link: remembers the choice and goes back to the same screen. */
  app.get('/scira/Language.do', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const lang = one(q.lang);
    const next = one(q.next);
    if ((lang !== 'ja' && lang !== 'en') || !LANG_NEXT.test(next))
      return render(req, reply, 'issuance/message.njk', { message: input.invalidLink }, { status: 400 });
    reply.setCookie(LANG_COOKIE, lang, { path: '/scira', httpOnly: true, secure: true, sameSite: 'lax' });
    return reply.redirect(next, 303);
  });

  /** Entrance.jsp: the per-user URL from the registration mail. */
  app.get('/scira/Entrance.jsp', async (req, reply) => {
    const params = applicationParams(req.query);
    if (!params) return brokenLink(req, reply);
    const user = ctx.state.byApplication(params.p1, params.p2, params.p3);
    const langNext = entrancePath(params);
    if (!user) return message(req, reply, (t) => t.noValidApplication, { langNext });
    if (unsupported(req, user)) return message(req, reply, (t) => t.unsupportedBrowser, { langNext });
    if (usedUp(user)) return message(req, reply, (t) => t.noValidApplication, { langNext });
    return render(req, reply, 'issuance/step1.njk', { step: 1, ...params }, { langNext });
  });

  /** Step1.do: the 認証情報パスワード; on success, STEP2 with an enrollment ticket. */
  app.post('/scira/Step1.do', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const params = applicationParams(body);
    if (!params) return brokenLink(req, reply);
    const langNext = entrancePath(params);
    const user = ctx.state.byApplication(params.p1, params.p2, params.p3);
    if (!user) return message(req, reply, (t) => t.noValidApplication, { langNext });
    if (unsupported(req, user)) return message(req, reply, (t) => t.unsupportedBrowser, { langNext });
    if (usedUp(user)) return message(req, reply, (t) => t.noValidApplication, { langNext });
    const t = textsFor(langOf(req));
    const password = one(body.password);
    const problem = checkField(password, { label: issuance.passwordField, max: 64, alnum: true });
    if (problem) return render(req, reply, 'issuance/step1.njk', { step: 1, ...params, error: problem }, { status: 400, langNext });
    // EG18-1-2: one message for both causes, so the page never tells which one it was.
    if (user.application.state !== 'approved' || !samePassword(password, user.application.password))
      return render(req, reply, 'issuance/step1.njk', { step: 1, ...params, error: t.authFailed }, { langNext });
    const token = randomToken(16);
    enrollTokens.set(token, { userId: user.userId, p3: user.application.p3 });
    return render(
      req,
      reply,
      'issuance/step2.njk',
      {
        step: 2,
        token,
        rootCaPath: `/scira/RootCa.do?t=${token}`,
        confirmText: [t.webAccessConfirm, `${ctx.urls.webra2}/scira/Step1.do`, t.webAccessLimit, t.webAccessQuestion].join('\n'),
        requestText: [t.requestConfirm, t.requestLimit, t.requestQuestion].join('\n'),
      },
      { langNext },
    );
  });

  /** Step2.do: the browser's certification request → the client certificate and its chain. */
  /**
   * Step2.do: the browser's certification request → the client certificate and its chain.
   * Checked by hand rather than by a schema: a schema coerces `null` to "" and an empty
   * request must be refused, with the application left usable, not issued for.
   */
  app.post('/scira/Step2.do', async (req, reply) => {
    const t = textsFor(langOf(req));
    const refuse = (status: number, message: string) =>
      reply.code(status).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send({ message });
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = typeof body.token === 'string' && /^[0-9a-f]{32}$/.test(body.token) ? body.token : null;
    const keyLength = body.keyLength === 1024 || body.keyLength === 2048 ? body.keyLength : null;
    if (!token || !keyLength) return refuse(400, t.issueFailed);
    if (body.csp !== undefined && (typeof body.csp !== 'string' || body.csp.length > 128)) return refuse(400, t.issueFailed);
    const ref = enrollTokens.get(token);
    const user = currentUser(ctx, ref);
    if (!user || user.application.state !== 'approved') return refuse(409, t.noValidApplication);
    if (checkCsr(body.csr, keyLength) !== null) return refuse(400, t.issueFailed);
    try {
      const issued = await issueForApplication(ctx, user, body.csr as string, keyLength);
      if (!issued) return refuse(409, t.noValidApplication);
      enrollTokens.delete(token);
      issuedTokens.set(token, ref!);
      return reply.header('cache-control', 'no-store').send({ certPem: issued.certPem, chainPem: issued.chainPem, commonName: issued.commonName });
    } catch {
      return refuse(400, t.issueFailed);
    }
  });

  /** RootCa.do: STEP3's ルートCA証明書のインストール (the root of the user's chain, DER). */
  app.get('/scira/RootCa.do', async (req, reply) => {
    const token = one((req.query as Record<string, unknown>).t);
    const ref = enrollTokens.get(token) ?? issuedTokens.get(token);
    const user = ref ? ctx.state.get(ref.userId) : undefined;
    if (!user) return message(req, reply, (t) => t.noValidApplication);
    return reply
      .type('application/pkix-cert')
      .header('content-disposition', 'attachment; filename="root-ca.cer"')
      .send(ctx.ca.rootDer(user.application.chain));
  });

  /** Step4.do: the link to the certificate check page. */
  app.get('/scira/Step4.do', async (req, reply) => {
    const token = one((req.query as Record<string, unknown>).t);
    if (!HALF_WIDTH_ALNUM.test(token) || !issuedTokens.has(token)) return message(req, reply, (t) => t.noValidApplication);
    return render(
      req,
      reply,
      'issuance/step4.njk',
      { step: 4, checkPageUrl: `${ctx.urls.webra1}/scira/doc/pfm20pub/index.html` },
      { langNext: `/scira/Step4.do?t=${token}` },
    );
  });
}
