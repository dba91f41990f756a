/**
 * エコ文書 本人情報 → 署名用証明書管理 (TJK): the signing-certificate menu and its states,
 * 新規発行 / 再発行, the initial PIN (初期暗証コード登録), and the certificate as a file
 * (public data) so what the page shows can be checked against what was issued.
 * Every route is behind the エコ文書 login (session bound to the client certificate).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { input, signing as t } from '../texts';
import type { MockContext } from '../context';
import { formatDateTime } from '../format';
import { certificateTable } from '../signing-certificate';
import { checkPin } from '../signing-pin';
import { readyCertificate, registerSigningPin, requestSigningCertificate, signingState } from '../signing-state';
import { sendPage } from '../site';
import type { User } from '../state';
import { fields, NO_FIELDS, NO_INPUT, textField } from '../input-schema';
import { pageContext, requireLogin } from './ebunsho';

const MENU = '/ebunsho/SigningCert.do';
const PIN_LABELS = { pin: t.newPin, confirm: t.confirmPin };
/** Only text: the PIN policy (length, 半角英数字, confirmation) is checkPin's, with its own messages. */
const pinSchema = { body: fields({ pin: textField(input.required(t.newPin)), pinConfirm: textField(input.required(t.confirmPin)) }) };

export function registerSigning(app: FastifyInstance, ctx: MockContext) {
  const { state } = ctx;
  const toMenu = (reply: FastifyReply) => reply.redirect(MENU, 303);
  const certView = (user: User) => {
    const cert = readyCertificate(user);
    return cert ? { table: certificateTable(cert.certPem), consentAt: formatDateTime(cert.requestedAt) } : {};
  };
  const pinForm = (reply: FastifyReply, user: User, error?: string) =>
    sendPage(reply, 'signing/pin.njk', pageContext(user, { title: t.pinTitle, tab: 'profile', error, ...certView(user) }));

  app.get(MENU, { schema: NO_INPUT }, async (req, reply) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    return sendPage(reply, 'signing/menu.njk', pageContext(user, { title: t.menuTitle, tab: 'profile', state: signingState(user), ...certView(user) }));
  });

  // 新規発行 / 再発行: anything out of turn (a second click, a replayed form) changes nothing.
  for (const [path, kind] of [['/ebunsho/SigningCertIssue.do', 'new'], ['/ebunsho/SigningCertReissue.do', 'reissue']] as const) {
    app.post(path, { schema: { body: NO_FIELDS } }, async (req, reply) => {
      const user = requireLogin(state, req, reply);
      if (!user) return reply;
      if (!(await requestSigningCertificate(ctx, user, kind))) return toMenu(reply);
      return sendPage(reply, 'signing/done.njk', pageContext(user, { title: t.doneTitle, tab: 'profile' }));
    });
  }

  app.get('/ebunsho/SigningCertPin.do', { schema: NO_INPUT }, async (req, reply) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    if (signingState(user) !== 'pin-due') return toMenu(reply);
    return pinForm(reply, user);
  });

  const pinRefused = (req: Parameters<typeof requireLogin>[1], reply: FastifyReply, failure: { message: string }) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    if (signingState(user) !== 'pin-due') return toMenu(reply);
    return pinForm(reply, user, failure.message);
  };

  app.post<{ Body: { pin: string; pinConfirm: string } }>('/ebunsho/SigningCertPin.do', { schema: pinSchema, config: { invalidInput: pinRefused } }, async (req, reply) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    if (signingState(user) !== 'pin-due') return toMenu(reply);
    const { pin, pinConfirm } = req.body;
    const problem = checkPin(pin, pinConfirm, PIN_LABELS);
    if (problem) return pinForm(reply, user, problem);
    registerSigningPin(user, pin);
    return sendPage(reply, 'signing/done.njk', pageContext(user, { title: t.doneTitle, tab: 'profile' }));
  });

  app.get('/ebunsho/SigningCertDownload.do', { schema: NO_INPUT }, async (req, reply) => {
    const user = requireLogin(state, req, reply);
    if (!user) return reply;
    const cert = readyCertificate(user);
    if (!cert) return sendPage(reply, 'error.njk', { title: t.menuTitle, message: t.noCertificate }, 404);
    return reply
      .header('content-type', 'application/x-pem-file')
      .header('content-disposition', `attachment; filename="signing-${cert.serialHex}.pem"`)
      .header('cache-control', 'no-store')
      .send(cert.certPem);
  });
}
