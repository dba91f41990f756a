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
import { alnumField, fieldOf, fields, MESSAGES, shapedField, type InputFailure } from '../input-schema';
import { randomToken, type User } from '../state';
import { checkCsr, MAX_CSR_CHARS } from '../csr';
import { faulty } from '../faults';

const IE11 = /Trident\/7\.0.*rv:11\.0/;
const LANG_COOKIE = 'scira_lang';
/** p1..p3 as the CA writes them: short half-width alphanumerics (anything else is a broken link). */
const URL_PARAM = { pattern: '^[A-Za-z0-9]{1,64}$' };
/** Where the language link may send the browser back to (no open redirect). */
const LANG_NEXT = { pattern: '^/scira/(Entrance\\.jsp|Step4\\.do)\\?[A-Za-z0-9=&%._-]{0,300}$' };
/** The enrollment ticket of STEP2-4 (randomToken(16)). */
const TICKET = { pattern: '^[0-9a-f]{32}$' };

/** The per-user URL's p1..p3: a cut or tampered link is a link that matches no application. */
const applicationParams = {
  p1: shapedField(URL_PARAM, issuance.noValidApplication),
  p2: shapedField(URL_PARAM, issuance.noValidApplication),
  p3: shapedField(URL_PARAM, issuance.noValidApplication),
};
/** The shapes of the issuance site's input; every message is the service's (texts.issuance, input). */
const schemas = {
  language: {
    querystring: fields({
      lang: shapedField({ enum: ['ja', 'en'] }, input.invalidLink),
      next: shapedField(LANG_NEXT, input.invalidLink),
    }),
  },
  entrance: { querystring: fields(applicationParams) },
  step1: { body: fields({ ...applicationParams, password: alnumField(issuance.passwordField, 64) }) },
  step2: {
    body: fields({
      token: shapedField(TICKET, issuance.issueFailed),
      keyLength: { type: 'integer', enum: [1024, 2048], [MESSAGES]: { default: issuance.issueFailed } },
      csp: shapedField({ maxLength: 128 }, issuance.issueFailed, { optional: true }),
      // Only its shape here; whether it is a certification request is checkCsr's (nothing is used up before).
      csr: shapedField({ minLength: 1, maxLength: MAX_CSR_CHARS }, issuance.issueFailed),
    }),
  },
  ticketQuery: { querystring: fields({ t: shapedField(TICKET, issuance.noValidApplication) }) },
};

export type Lang = 'ja' | 'en';
export const textsFor = (lang: Lang) => (lang === 'en' ? issuanceEn : issuance);

/** A message of the issuance texts (as the schemas carry it, in Japanese) in the browser's language. */
export function inLanguage(message: string, lang: Lang): string {
  if (lang === 'ja') return message;
  const key = (Object.keys(issuance) as (keyof typeof issuance)[]).find((k) => issuance[k] === message);
  const translated = key ? issuanceEn[key] : undefined;
  return typeof translated === 'string' ? translated : message;
}

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
  /** A schema refusal as the issuance message page, in the browser's language. */
  const refusedPage =
    (status: number) =>
    (req: FastifyRequest, reply: FastifyReply, failure: InputFailure) =>
      render(req, reply, 'issuance/message.njk', { message: inLanguage(failure.message, langOf(req)) }, { status });

  const unsupported = (req: FastifyRequest, user: User) =>
    user.application.browserPolicy === 'legacy' && !IE11.test(req.headers['user-agent'] ?? '');
  const usedUp = (user: User) => !faulty('issuance-url-reusable') && (user.application.state === 'consumed' || user.application.state === 'superseded');
  type Params = { p1: string; p2: string; p3: string };
  /**
   * The application a well-formed link names, or the page that says why there is none to use
   * (sent). Both STEP1 routes ask this first, before they judge the password's shape.
   */
  const openApplication = (req: FastifyRequest, reply: FastifyReply, params: Params): User | null => {
    const user = ctx.state.byApplication(params.p1, params.p2, params.p3);
    const refusal = !user ? 'noValidApplication' : unsupported(req, user) ? 'unsupportedBrowser' : usedUp(user) ? 'noValidApplication' : null;
    if (!refusal) return user!;
    void message(req, reply, (t) => t[refusal], { langNext: entrancePath(params) });
    return null;
  };

  /** The `English` / `Japanese` link: remembers the choice and goes back to the same screen. */
  app.get<{ Querystring: { lang: Lang; next: string } }>(
    '/scira/Language.do',
    { schema: schemas.language, config: { invalidInput: refusedPage(400) } },
    async (req, reply) => {
      reply.setCookie(LANG_COOKIE, req.query.lang, { path: '/scira', httpOnly: true, secure: true, sameSite: 'lax' });
      return reply.redirect(req.query.next, 303);
    },
  );

  /** Entrance.jsp: the per-user URL from the registration mail. A cut or tampered link: 400. */
  app.get<{ Querystring: Params }>('/scira/Entrance.jsp', { schema: schemas.entrance, config: { invalidInput: refusedPage(400) } }, async (req, reply) => {
    const { p1, p2, p3 } = req.query;
    const user = openApplication(req, reply, { p1, p2, p3 });
    if (!user) return reply;
    return render(req, reply, 'issuance/step1.njk', { step: 1, p1, p2, p3 }, { langNext: entrancePath({ p1, p2, p3 }) });
  });

  /** STEP1 with the refused password's message: only once the link names a usable application. */
  const step1Refused = (req: FastifyRequest, reply: FastifyReply, failure: InputFailure) => {
    if (failure.field !== 'password') return refusedPage(400)(req, reply, failure);
    const params = { p1: fieldOf(req.body, 'p1'), p2: fieldOf(req.body, 'p2'), p3: fieldOf(req.body, 'p3') };
    if (!openApplication(req, reply, params)) return reply;
    return render(req, reply, 'issuance/step1.njk', { step: 1, ...params, error: failure.message }, { status: 400, langNext: entrancePath(params) });
  };

  /** Step1.do: the 認証情報パスワード; on success, STEP2 with an enrollment ticket. */
  app.post<{ Body: Params & { password: string } }>('/scira/Step1.do', { schema: schemas.step1, config: { invalidInput: step1Refused } }, async (req, reply) => {
    const { p1, p2, p3, password } = req.body;
    const params = { p1, p2, p3 };
    const langNext = entrancePath(params);
    const user = openApplication(req, reply, params);
    if (!user) return reply;
    const t = textsFor(langOf(req));
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

  const refuseEnrollment = (req: FastifyRequest, reply: FastifyReply, status: number, message: string) =>
    reply.code(status).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send({ message: inLanguage(message, langOf(req)) });

  /**
   * Step2.do: the browser's certification request → the client certificate and its chain. The
   * schema refuses a malformed request (an empty or null `csr` included) before anything is
   * looked up; whether the request is a certification request for the chosen key is checkCsr's,
   * before the application is used up.
   */
  app.post<{ Body: { token: string; keyLength: 1024 | 2048; csp?: string; csr: string } }>(
    '/scira/Step2.do',
    { schema: schemas.step2, config: { invalidInput: (req, reply, failure) => refuseEnrollment(req, reply, 400, failure.message) } },
    async (req, reply) => {
      const { token, keyLength, csr } = req.body;
      const refuse = (status: number, message: string) => refuseEnrollment(req, reply, status, message);
      const ref = enrollTokens.get(token);
      const user = currentUser(ctx, ref);
      if (!user || user.application.state !== 'approved') return refuse(409, issuance.noValidApplication);
      if (checkCsr(csr, keyLength) !== null) return refuse(400, issuance.issueFailed);
      try {
        const issued = await issueForApplication(ctx, user, csr, keyLength);
        if (!issued) return refuse(409, issuance.noValidApplication);
        enrollTokens.delete(token);
        issuedTokens.set(token, ref!);
        return reply.header('cache-control', 'no-store').send({ certPem: issued.certPem, chainPem: issued.chainPem, commonName: issued.commonName });
      } catch {
        return refuse(400, issuance.issueFailed);
      }
    },
  );

  // A ticket of another shape can name no enrollment: the same answer as an unknown one.
  const ticketRoute = { schema: schemas.ticketQuery, config: { invalidInput: refusedPage(200) } };

  /** RootCa.do: STEP3's ルートCA証明書のインストール (the root of the user's chain, DER). */
  app.get<{ Querystring: { t: string } }>('/scira/RootCa.do', ticketRoute, async (req, reply) => {
    const token = req.query.t;
    const ref = enrollTokens.get(token) ?? issuedTokens.get(token);
    const user = ref ? ctx.state.get(ref.userId) : undefined;
    if (!user) return message(req, reply, (t) => t.noValidApplication);
    return reply
      .type('application/pkix-cert')
      .header('content-disposition', 'attachment; filename="root-ca.cer"')
      .send(ctx.ca.rootDer(user.application.chain));
  });

  /** Step4.do: the link to the certificate check page. */
  app.get<{ Querystring: { t: string } }>('/scira/Step4.do', ticketRoute, async (req, reply) => {
    const token = req.query.t;
    if (!issuedTokens.has(token)) return message(req, reply, (t) => t.noValidApplication);
    return render(
      req,
      reply,
      'issuance/step4.njk',
      { step: 4, checkPageUrl: `${ctx.urls.webra1}/scira/doc/pfm20pub/index.html` },
      { langNext: `/scira/Step4.do?t=${token}` },
    );
  });
}
