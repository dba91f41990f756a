/**
 * The TLS front of the hosts that require a client certificate (エコ文書 ds.e-kakushin.com and
 * the check page webra1): how the real hosts turn a
 * bad client certificate away (EG-2-1, "このページは表示できません。" / "このページに安全に接続
 * できません。").
 *
 * Why not Node's `rejectUnauthorized: true` alone: Node finishes the handshake and then just
 * drops the socket, so a client sees "socket disconnected" and never learns why. A server
 * built on OpenSSL with "client certificate required" (what the real host is) aborts the
 * handshake with the TLS alert that names the verify error — certificate expired, unknown ca,
 * certificate revoked, unsupported certificate, bad certificate — and that alert is the
 * precise reason a browser (or Playwright's client-certificate proxy) reports. So:
 *
 * - TLS 1.2 at most. EG25 2-1 5. has the user switch "TLS1.2 を使用する" on; and in TLS 1.2 the
 *   client certificate is judged inside the handshake, before the server's Finished, so the
 *   refusal reaches the client as a handshake failure. (In TLS 1.3 the client has finished
 *   before the server judges it and sees only a dropped connection.)
 * - No ALPN: the service speaks HTTP/1.1 and negotiates nothing. (With ALPN a browser "False
 *   Starts": it sends the request before the server's Finished and, on a loopback link, may
 *   meet the refusal while writing instead of reading it — ERR_SOCKET_NOT_CONNECTED instead
 *   of ERR_BAD_SSL_CLIENT_AUTH_CERT, depending on scheduling.)
 * - Each TCP connection is given to a TLS server of its own through a pass-through stream
 *   (the documented way to inject a connection into a `tls.Server`), with
 *   `rejectUnauthorized: false` so the verify result is known for that very connection.
 * - The server's last handshake flight (ChangeCipherSpec, Finished) is held back until that
 *   result is known. Verified: the flight is released and the connection is handed to the
 *   site's HTTP server. Not verified: the flight is dropped and the client gets, still in
 *   plaintext, the fatal alert OpenSSL sends for that verify error; the connection never
 *   reaches HTTP.
 * - Session tickets are shared by all connections (one key), so a client can resume a
 *   session; a resumed session carries the verified certificate of its first handshake
 *   (TLS 1.2 keeps the peer certificate and the verify result in the session), and the site
 *   still reads that certificate on every request (mock/tls.ts peerCertificate).
 * - Every refusal is recorded (certificate fingerprint, verify error, alert) so a spec can
 *   check the server's reason as well as the one the client saw.
 */
import crypto from 'node:crypto';
import type net from 'node:net';
import { Duplex } from 'node:stream';
import tls from 'node:tls';
import { explainClientAuthorization } from '../certs/tls';
import type { TlsRefusalRecord } from './state';
import { closeWithin, LIMITS } from './http-hardening';

/** TLS alert descriptions (RFC 5246 §7.2) a certificate refusal can carry. */
export const TLS_ALERTS = {
  40: 'handshake failure',
  42: 'bad certificate',
  43: 'unsupported certificate',
  44: 'certificate revoked',
  45: 'certificate expired',
  46: 'certificate unknown',
  48: 'unknown ca',
  51: 'decrypt error',
  80: 'internal error',
} as const;
export type TlsAlert = keyof typeof TLS_ALERTS;

/**
 * OpenSSL 3.0's verify error → alert table (ssl/statem/statem_lib.c, ssl_x509err2alert), for
 * the verify errors Node names. Anything else gets OpenSSL's default, certificate_unknown.
 */
const ALERT_FOR_VERIFY_ERROR: Readonly<Record<string, TlsAlert>> = {
  CERT_HAS_EXPIRED: 45,
  CRL_HAS_EXPIRED: 45,
  CERT_REVOKED: 44,
  INVALID_PURPOSE: 43,
  CERT_NOT_YET_VALID: 42,
  CRL_NOT_YET_VALID: 42,
  CERT_REJECTED: 42,
  CERT_UNTRUSTED: 42,
  EE_KEY_TOO_SMALL: 42,
  CA_KEY_TOO_SMALL: 42,
  CA_MD_TOO_WEAK: 42,
  ERROR_IN_CERT_NOT_BEFORE_FIELD: 42,
  ERROR_IN_CERT_NOT_AFTER_FIELD: 42,
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: 42,
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: 42,
  CERT_SIGNATURE_FAILURE: 51,
  CRL_SIGNATURE_FAILURE: 51,
  UNABLE_TO_GET_ISSUER_CERT: 48,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 48,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 48,
  DEPTH_ZERO_SELF_SIGNED_CERT: 48,
  SELF_SIGNED_CERT_IN_CHAIN: 48,
  UNABLE_TO_GET_CRL: 48,
  UNABLE_TO_GET_CRL_ISSUER: 48,
  CERT_CHAIN_TOO_LONG: 48,
  PATH_LENGTH_EXCEEDED: 48,
  INVALID_CA: 48,
  UNSPECIFIED: 80,
};

/** What OpenSSL sends for a verify error; a missing certificate is a handshake failure in TLS 1.2. */
export function alertFor(verifyError: string): TlsAlert {
  if (verifyError === 'NO_CLIENT_CERTIFICATE') return 40;
  return ALERT_FOR_VERIFY_ERROR[verifyError] ?? 46;
}

export interface TlsFrontOptions {
  /** Key, certificate, client trust anchors, CRLs, ciphers of the host. */
  tls: tls.TlsOptions;
  onRefusal: (refusal: Omit<TlsRefusalRecord, 'seq'>) => void;
}

const alertRecord = (alert: TlsAlert) =>
  // ContentType alert (21), TLS 1.2 record version, length 2, level fatal (2), description.
  Buffer.from([21, 3, 3, 0, 2, 2, alert]);

/**
 * Puts the front before `server` (an https.Server): from now on its TCP connections are
 * verified here and only verified ones reach its HTTP handling.
 */
export function installTlsFront(server: tls.Server, options: TlsFrontOptions): void {
  const perConnection: tls.TlsOptions = {
    ...options.tls,
    requestCert: true,
    rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.2',
    ticketKeys: crypto.randomBytes(48),
    handshakeTimeout: LIMITS.handshakeTimeoutMs,
  };
  // Every TCP connection, wherever it is (handshake, refused, HTTP), so closing the server
  // ends them all: http's closeAllConnections() only knows the ones that reached HTTP.
  const raws = new Set<net.Socket>();
  const closable = server as tls.Server & { closeAllConnections?: () => void };
  const closeAll = closable.closeAllConnections?.bind(server);
  closable.closeAllConnections = () => {
    closeAll?.();
    for (const raw of raws) raw.destroy();
  };
  server.removeAllListeners('connection');
  server.on('connection', (raw: net.Socket) => {
    raws.add(raw);
    raw.once('close', () => raws.delete(raw));
    // Backstop for a connection with no traffic at all (HTTP's own timeouts cover the rest).
    raw.setTimeout(LIMITS.idleTimeoutMs, () => raw.destroy());
    const link = new HeldLink(raw);
    const tlsServer = new tls.Server(perConnection);
    tlsServer.on('secureConnection', (socket: tls.TLSSocket) => {
      if (socket.authorized) {
        // The certificate judged here stays the connection's certificate (mock/tls.ts reads
        // it once per connection): a client may not renegotiate another one in.
        socket.disableRenegotiation();
        link.release();
        server.emit('secureConnection', socket);
        return;
      }
      const explained = explainClientAuthorization(socket);
      const verifyError = explained.normalizedCode ?? 'UNSPECIFIED';
      const alert = alertFor(verifyError);
      options.onRefusal({
        at: new Date().toISOString(),
        fingerprint256: explained.peer?.fingerprint256 ?? null,
        subjectCN: explained.peer ? /(?:^|\n)CN=([^\n]*)/.exec(explained.peer.subject)?.[1] ?? null : null,
        verifyError,
        alert,
        alertName: TLS_ALERTS[alert],
      });
      link.refuse(alert);
      socket.destroy();
    });
    // A protocol error OpenSSL answers itself (its alert is in the held flight): let it through.
    tlsServer.on('tlsClientError', (_error, socket) => {
      link.release();
      socket.destroy();
    });
    tlsServer.emit('connection', link.inner);
  });
}

/**
 * The pass-through between the client's TCP socket and the per-connection TLS server. Once
 * the server has answered the ClientHello, anything the client sends next is its last
 * handshake flight; the server's reply to it is held until the verdict.
 */
class HeldLink {
  readonly inner: Duplex;
  private serverSpoke = false;
  private holding = false;
  private verdict: 'pending' | 'passed' | 'refused' = 'pending';
  private held: Buffer[] = [];
  /** Our side has ended: what the client still sends is discarded. */
  private closing = false;

  constructor(private readonly raw: net.Socket) {
    this.inner = new Duplex({
      read: () => {
        raw.resume();
      },
      write: (chunk: Buffer, _encoding, callback) => {
        this.fromServer(chunk);
        callback();
      },
      final: (callback) => {
        if (this.verdict !== 'refused') this.endRaw();
        callback();
      },
      destroy: (error, callback) => {
        // After a refusal the socket closes itself once the alert is out.
        if (this.verdict !== 'refused') {
          if (error) raw.destroy();
          else this.endRaw();
        }
        callback(error);
      },
    });
    raw.on('data', (chunk: Buffer) => {
      if (this.serverSpoke && this.verdict === 'pending') this.holding = true;
      if (this.verdict === 'refused' || this.closing) return;
      if (!this.inner.push(chunk)) raw.pause();
    });
    raw.on('end', () => this.inner.push(null));
    raw.on('error', (error) => this.inner.destroy(error));
    raw.on('close', () => this.inner.destroy());
  }

  /**
   * Our side is done: end it, discard whatever the client still sends (an oversized body the
   * server refused), and destroy the socket if the client never ends its side. The server
   * allows half-open sockets, so without this a client that keeps its side open (or a paused
   * socket with unread data) would hold the connection forever.
   */
  private endRaw(): void {
    this.closing = true;
    if (this.raw.destroyed) return;
    this.raw.end();
    closeWithin(this.raw, LIMITS.closeGraceMs);
  }

  release(): void {
    if (this.verdict !== 'pending') return;
    this.verdict = 'passed';
    for (const chunk of this.held) this.raw.write(chunk);
    this.held = [];
  }

  refuse(alert: TlsAlert): void {
    if (this.verdict !== 'pending') return;
    this.verdict = 'refused';
    this.held = [];
    // The client has not seen the server's ChangeCipherSpec: the alert goes in plaintext.
    this.raw.end(alertRecord(alert));
    this.raw.setTimeout(10_000, () => this.raw.destroy());
  }

  private fromServer(chunk: Buffer): void {
    this.serverSpoke = true;
    if (this.verdict === 'refused') return;
    if (this.verdict === 'pending' && this.holding) this.held.push(chunk);
    else this.raw.write(chunk);
  }
}
