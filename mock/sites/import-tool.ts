/**
 * The certificate import tool's endpoints on the issuance host (webra2, HTTPS): EG25 §1.
 *
 * The 2025 flow replaces the browser's STEP1-3 with a desktop tool: it logs in with the
 * user ID and a password, downloads the CA certificates from repo1 (HTTP), makes the key
 * pair on the PC and sends only a certification request, then imports the certificate.
 *
 * Which password: the 認証情報パスワード of the パスワードのご連絡 mail, not the
 * サインアップ・ログインパスワード. IM12 §1 calls it the certificate password ("ダウンロード証明書を
 * PC にインストールするときに必要", "このパスワードは一回のみ有効です"), and EG25 1-3 ("既に証明書を
 * 取得済み") is exactly what a one-time credential answers the second time; the sign-up/login
 * password belongs to エコ文書 and stays valid after the certificate is installed.
 *
 * Answers are JSON with a machine `result`; the tool shows its own fixed messages
 * (texts.importTool in mock/texts.ts; the suite keeps its own copy), so the server never sends user input back:
 *   POST /scira/tool/Login.do        {userId, password}   → 200 {result:'OK', ticket, caCertificates}
 *   POST /scira/tool/Certificate.do  {ticket, csr}        → 200 {result:'OK', certificate}
 *   400 INVALID_INPUT (+ a clear Japanese message) · 401 AUTH_FAILED · 409 NO_CERTIFICATE
 * Login.do changes nothing; only Certificate.do uses the application up, so a tool that
 * cannot reach repo1 after logging in leaves the application usable (EG25-1-1).
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { answerInvalidInput } from '../http-hardening';
import { importTool, mail } from '../texts';
import type { MockContext } from '../context';
import { alnumField, fields, shapedField, type InputFailure } from '../input-schema';
import { checkCsr, MAX_CSR_CHARS } from '../csr';
import { randomToken } from '../state';
import { currentUser, issueForApplication, samePassword, type ApplicationRef } from './issuance';
import { CHAIN_FILES } from './repository';

/** The tool always makes a 2048-bit key (the only length the 2025 service accepts from it). */
const TOOL_KEY_BITS = 2048;

type Result = 'OK' | 'INVALID_INPUT' | 'AUTH_FAILED' | 'NO_CERTIFICATE';

const answer = (reply: FastifyReply, status: number, result: Result, extra: Record<string, unknown> = {}) =>
  reply.code(status).header('cache-control', 'no-store').send({ result, ...extra });

/** The shapes of the tool's requests; a refusal is INVALID_INPUT with the property's message. */
const schemas = {
  login: {
    body: fields({
      userId: alnumField(mail.labels.userId, 64),
      password: alnumField(mail.labels.issuancePassword, 64),
    }),
  },
  certificate: {
    body: fields({
      // A ticket of another shape is no ticket: AUTH_FAILED, as an unknown one (see `refused`).
      ticket: shapedField({ pattern: '^[0-9a-f]{32}$' }, importTool.authFailed),
      csr: shapedField({ minLength: 1, maxLength: MAX_CSR_CHARS }, importTool.invalidRequest),
    }),
  },
};

/** The tool's machine answer to a schema refusal. */
const refused = (_req: unknown, reply: FastifyReply, failure: InputFailure) =>
  failure.message === importTool.authFailed ? answer(reply, 401, 'AUTH_FAILED') : answer(reply, 400, 'INVALID_INPUT', { message: failure.message });

export function registerImportTool(app: FastifyInstance, ctx: MockContext) {
  /** Login tickets: single use, bound to the application they were given for. */
  const tickets = new Map<string, ApplicationRef>();

  app.register(async (tool) => {
    // Malformed JSON, a wrong content type or an oversized body: a JSON 4xx, never the HTML page.
    tool.setErrorHandler((error: FastifyError, req, reply) => {
      if (error.validation) return answerInvalidInput(error, req, reply);
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) req.log.error(error);
      return answer(reply, status === 500 ? 500 : 400, 'INVALID_INPUT', { message: importTool.invalidRequest });
    });

    const route = (schema: object) => ({ schema, config: { invalidInput: refused } });

    tool.post<{ Body: { userId: string; password: string } }>('/scira/tool/Login.do', route(schemas.login), async (req, reply) => {
      const { userId, password } = req.body;
      const user = ctx.state.get(userId);
      // Unknown ID and wrong password look the same (EG25-1-2), so IDs cannot be probed.
      if (!user || user.kind !== 'cert' || !samePassword(password, user.application.password))
        return answer(reply, 401, 'AUTH_FAILED');
      // EG25-1-3: not created yet (not approved) or already fetched.
      if (user.application.state !== 'approved') return answer(reply, 409, 'NO_CERTIFICATE');
      const ticket = randomToken(16);
      tickets.set(ticket, { userId: user.userId, p3: user.application.p3 });
      return answer(reply, 200, 'OK', { ticket, caCertificates: CHAIN_FILES[user.application.chain] });
    });

    tool.post<{ Body: { ticket: string; csr: string } }>('/scira/tool/Certificate.do', route(schemas.certificate), async (req, reply) => {
      const { ticket, csr } = req.body;
      const ref = tickets.get(ticket);
      const user = currentUser(ctx, ref);
      if (!user) {
        tickets.delete(ticket);
        return answer(reply, 401, 'AUTH_FAILED');
      }
      // The whole request is checked before the single-use ticket is spent (validate, then change).
      if (checkCsr(csr, TOOL_KEY_BITS) !== null) return answer(reply, 400, 'INVALID_INPUT', { message: importTool.invalidRequest });
      tickets.delete(ticket);
      try {
        const issued = await issueForApplication(ctx, user, csr, TOOL_KEY_BITS);
        if (!issued) return answer(reply, 409, 'NO_CERTIFICATE');
        return answer(reply, 200, 'OK', { certificate: issued.certPem });
      } catch {
        return answer(reply, 400, 'INVALID_INPUT', { message: importTool.invalidRequest });
      }
    });
  });
}
