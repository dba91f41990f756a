/**
 * Sessions of エコ文書: a random cookie, bound to the client certificate that opened it and to
 * the host (ds or ds-nc). A request that presents another certificate (or none), or comes to
 * the other host, does not inherit the session; logging out deletes it on the server, so the
 * old cookie is worth nothing afterwards.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MockState, Session, User } from './state';
import { peerCertificate } from './tls';

export const SESSION_COOKIE = 'JSESSIONID';
const COOKIE_OPTIONS = { path: '/ebunsho', httpOnly: true, secure: true, sameSite: 'lax' } as const;

/** Opens a fresh session (a new id at every login: no session fixation). */
export function startSession(state: MockState, req: FastifyRequest, reply: FastifyReply, user: User): Session {
  const old = req.cookies[SESSION_COOKIE];
  if (old) state.endSession(old);
  const cert = peerCertificate(req);
  const session = state.openSession(user.userId, cert?.fingerprint256 ?? null, req.host);
  reply.setCookie(SESSION_COOKIE, session.id, COOKIE_OPTIONS);
  return session;
}

export function currentSession(state: MockState, req: FastifyRequest): { session: Session; user: User } | null {
  const id = req.cookies[SESSION_COOKIE];
  const session = id ? state.sessions.get(id) : undefined;
  if (!session || session.host !== req.host) return null;
  // The certificate is read again on every request (a resumed TLS session included).
  const cert = peerCertificate(req);
  if ((cert?.fingerprint256 ?? null) !== session.certFingerprint) return null;
  const user = state.get(session.userId);
  // A lock or an invalid status set by the administrator ends the session too.
  if (!user || user.locked || user.status !== 'active') return null;
  return { session, user };
}

export function endSession(state: MockState, req: FastifyRequest, reply: FastifyReply): void {
  const id = req.cookies[SESSION_COOKIE];
  if (id) state.endSession(id);
  reply.clearCookie(SESSION_COOKIE, { path: COOKIE_OPTIONS.path });
}
