/**
 * TLS for the mock's hosts: the same server certificate on every origin, client
 * certificates requested where the real service requests them, CRLs checked for the whole
 * chain, and the OpenSSL security level pinned so RSA-1024 is refused the same way on
 * every machine.
 */
import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';
import type { Pki } from '../certs/store';

export type ClientAuth = 'none' | 'required';

export function httpsOptions(pki: Pki, clientAuth: ClientAuth) {
  const base = {
    key: pki.server.keyPem,
    cert: pki.server.certPem,
    minVersion: 'TLSv1.2' as const,
    ciphers: 'DEFAULT:@SECLEVEL=2',
  };
  if (clientAuth === 'none') return base;
  return {
    ...base,
    requestCert: true,
    // The real hosts end the handshake when the certificate is missing or not trusted
    // (the browser shows "このページは表示できません。"): do the same.
    rejectUnauthorized: true,
    ca: pki.clientTrustPem,
    // One entry per CRL: Node reads only the first CRL of a concatenated PEM string.
    crl: pki.crlPems,
  };
}

export interface PeerCertificate {
  fingerprint256: string;
  subjectCN: string;
  issuerCN: string;
  serialNumber: string;
  validTo: string;
}

/** Each connection's client certificate, read once: it cannot change on a connection (mock/tls-front.ts refuses renegotiation). */
const peerOfSocket = new WeakMap<TLSSocket, PeerCertificate | null>();

/**
 * The client certificate of this request, read from the certificate itself (not from
 * `authorized` alone: a resumed TLS 1.3 session can report `authorized` with an empty peer
 * certificate, nodejs/node#35317), once per connection: parsing it on every request was a
 * tenth of the mock's CPU under load.
 */
export function peerCertificate(req: FastifyRequest): PeerCertificate | null {
  const socket = req.raw.socket as TLSSocket;
  if (typeof socket.getPeerX509Certificate !== 'function') return null;
  const known = peerOfSocket.get(socket);
  if (known !== undefined) return known;
  const peer = readPeer(socket);
  // Only once the handshake is over: before that there is nothing to remember yet.
  if (socket.authorized) peerOfSocket.set(socket, peer);
  return peer;
}

function readPeer(socket: TLSSocket): PeerCertificate | null {
  const x509 = socket.getPeerX509Certificate();
  if (!x509 || !socket.authorized) return null;
  const cn = (dn: string) => /(?:^|\n)CN=([^\n]*)/.exec(dn)?.[1] ?? '';
  return {
    fingerprint256: x509.fingerprint256,
    subjectCN: cn(x509.subject),
    issuerCN: cn(x509.issuer),
    serialNumber: x509.serialNumber,
    validTo: x509.validTo,
  };
}
