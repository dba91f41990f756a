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

/**
 * The client certificate of this request, read from the certificate itself on every
 * request. A resumed TLS 1.3 session can report `authorized` with an empty peer
 * certificate (nodejs/node#35317), so "authorized" alone never identifies anyone.
 */
export function peerCertificate(req: FastifyRequest): PeerCertificate | null {
  const socket = req.raw.socket as TLSSocket;
  if (typeof socket.getPeerX509Certificate !== 'function') return null;
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

