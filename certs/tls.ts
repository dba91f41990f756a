/**
 * TLS settings and diagnostics for the mock's mTLS endpoint, kept next to the
 * PKI so the options the unit tests validate are exactly the ones the mock uses.
 */
import { X509Certificate } from 'node:crypto';
import type * as tls from 'node:tls';
import { MOCK_TLS_CIPHERS } from './definition';
import type { Pki } from './store';

/** Options for verifying client certificates: roots only, one CRL per trusted CA, SECLEVEL=2. */
export function clientAuthTlsOptions(pki: Pki): Pick<tls.TlsOptions, 'ca' | 'crl' | 'requestCert' | 'rejectUnauthorized' | 'ciphers'> {
  return {
    ca: pki.clientTrustPem,
    // An array: Node reads only the first CRL of a single PEM string.
    crl: pki.crlPems,
    requestCert: true,
    // Let the handshake finish so the mock can render its own error page for bad certificates.
    rejectUnauthorized: false,
    ciphers: MOCK_TLS_CIPHERS,
  };
}

/** Complete options for the mock's https/tls server (server certificate + client auth). */
export function mockServerTlsOptions(pki: Pki): tls.TlsOptions {
  return { key: pki.server.keyPem, cert: pki.server.fullchainPem, ...clientAuthTlsOptions(pki) };
}

export interface ClientAuthorization {
  authorized: boolean;
  /** socket.authorizationError as Node reports it; null when authorized. */
  code: string | null;
  /**
   * The reason a human would give: equals `code` except where Node/OpenSSL
   * mislead (UNSPECIFIED for a small key → EE_KEY_TOO_SMALL; UNABLE_TO_GET_CRL
   * for a self-signed certificate → DEPTH_ZERO_SELF_SIGNED_CERT; no
   * certificate at all → NO_CLIENT_CERTIFICATE).
   */
  normalizedCode: string | null;
  peer?: { subject: string; issuer: string; serialHex: string; fingerprint256: string; keyBits?: number; ekus: string[] };
}

/** Why the client certificate on this (server-side) socket was accepted or rejected. */
export function explainClientAuthorization(socket: tls.TLSSocket): ClientAuthorization {
  // Typed as Error in @types/node, but Node sets the verify-error code string.
  const code = socket.authorized ? null : socket.authorizationError ? String(socket.authorizationError) : 'UNSPECIFIED';
  const x = socket.getPeerX509Certificate();
  if (!x) return { authorized: false, code, normalizedCode: 'NO_CLIENT_CERTIFICATE' };
  const keyBits = x.publicKey.asymmetricKeyDetails?.modulusLength;
  const peer = { subject: x.subject, issuer: x.issuer, serialHex: x.serialNumber.toUpperCase(), fingerprint256: x.fingerprint256, keyBits, ekus: x.keyUsage ?? [] };
  let normalizedCode = code;
  if (code === 'UNSPECIFIED' && keyBits !== undefined && keyBits < 2048) normalizedCode = 'EE_KEY_TOO_SMALL';
  if (code === 'UNABLE_TO_GET_CRL' && isSelfSigned(x)) normalizedCode = 'DEPTH_ZERO_SELF_SIGNED_CERT';
  return { authorized: socket.authorized, code, normalizedCode, peer };
}

/** Self-issued and self-verifying. (checkIssued() is false for a leaf: it lacks keyCertSign.) */
function isSelfSigned(x: X509Certificate): boolean {
  return x.subject === x.issuer && x.verify(x.publicKey);
}
