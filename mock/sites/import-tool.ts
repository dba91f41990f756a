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
import type { FastifyInstance, FastifyReply } from 'fastify';
import { importTool, mail } from '../texts';
import type { MockContext } from '../context';
import { checkField } from '../validate';
import { checkCsr } from '../csr';
import { randomToken } from '../state';
import { currentUser, issueForApplication, samePassword, type ApplicationRef } from './issuance';
import { CHAIN_FILES } from './repository';

/** The tool always makes a 2048-bit key (the only length the 2025 service accepts from it). */
const TOOL_KEY_BITS = 2048;

type Result = 'OK' | 'INVALID_INPUT' | 'AUTH_FAILED' | 'NO_CERTIFICATE';

const answer = (reply: FastifyReply, status: number, result: Result, extra: Record<string, unknown> = {}) =>
  reply.code(status).header('cache-control', 'no-store').send({ result, ...extra });

export function registerImportTool(app: FastifyInstance, ctx: MockContext) {
  /** Login tickets: single use, bound to the application they were given for. */
  const tickets = new Map<string, ApplicationRef>();

  app.register(async (tool) => {
    // Malformed JSON, a wrong content type or an oversized body: a JSON 4xx, never the HTML page.
    tool.setErrorHandler((error: { statusCode?: number }, req, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) req.log.error(error);
      return answer(reply, status === 500 ? 500 : 400, 'INVALID_INPUT', { message: importTool.invalidRequest });
    });

    tool.post('/scira/tool/Login.do', async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const problem =
        checkField(body.userId, { label: mail.labels.userId, max: 64, alnum: true }) ??
        checkField(body.password, { label: mail.labels.issuancePassword, max: 64, alnum: true });
      if (problem) return answer(reply, 400, 'INVALID_INPUT', { message: problem });
      const user = ctx.state.get(body.userId as string);
      // Unknown ID and wrong password look the same (EG25-1-2), so IDs cannot be probed.
      if (!user || user.kind !== 'cert' || !samePassword(body.password as string, user.application.password))
        return answer(reply, 401, 'AUTH_FAILED');
      // EG25-1-3: not created yet (not approved) or already fetched.
      if (user.application.state !== 'approved') return answer(reply, 409, 'NO_CERTIFICATE');
      const ticket = randomToken(16);
      tickets.set(ticket, { userId: user.userId, p3: user.application.p3 });
      return answer(reply, 200, 'OK', { ticket, caCertificates: CHAIN_FILES[user.application.chain] });
    });

    tool.post('/scira/tool/Certificate.do', async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const ticket = typeof body.ticket === 'string' ? body.ticket : '';
      const csr = typeof body.csr === 'string' ? body.csr : '';
      if (!/^[0-9a-f]{32}$/.test(ticket)) return answer(reply, 401, 'AUTH_FAILED');
      if (csr.length === 0 || csr.length > 8192) return answer(reply, 400, 'INVALID_INPUT', { message: importTool.invalidRequest });
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
