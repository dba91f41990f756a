/**
 * Sessions of エコ文書: a random cookie, bound to the client certificate that opened it.
 * A request that presents another certificate (or none) does not inherit the session.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MockState, Session, User } from './state';
import { peerCertificate } from './tls';

export const SESSION_COOKIE = 'JSESSIONID';

export function startSession(state: MockState, req: FastifyRequest, reply: FastifyReply, user: User): Session {
  const cert = peerCertificate(req);
  const session = state.openSession(user.userId, cert?.fingerprint256 ?? null, req.hostname);
  reply.setCookie(SESSION_COOKIE, session.id, { path: '/ebunsho', httpOnly: true, secure: true, sameSite: 'lax' });
  return session;
}

export function currentSession(state: MockState, req: FastifyRequest): { session: Session; user: User } | null {
  const id = req.cookies[SESSION_COOKIE];
  const session = id ? state.sessions.get(id) : undefined;
  if (!session) return null;
  const cert = peerCertificate(req);
  if ((cert?.fingerprint256 ?? null) !== session.certFingerprint) return null;
  const user = state.get(session.userId);
  return user ? { session, user } : null;
}

export function endSession(state: MockState, req: FastifyRequest, reply: FastifyReply): void {
  const id = req.cookies[SESSION_COOKIE];
  if (id) state.endSession(id);
  reply.clearCookie(SESSION_COOKIE, { path: '/ebunsho' });
}
