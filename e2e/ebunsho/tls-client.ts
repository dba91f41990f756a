/**
 * One HTTP request over one TLS connection that the spec controls (node:tls), to see what a
 * browser hides: whether the session was resumed, the protocol, the TLS session to resume
 * next time, and the server's answer as it is (no redirects followed).
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import tls from 'node:tls';

export interface TlsRequestOptions {
  /** Server CA to trust (the mock's). */
  ca: string;
  cert?: Buffer;
  key?: Buffer;
  /** A TLS session from an earlier answer: the client offers to resume it. */
  session?: Buffer;
  cookie?: string;
  minVersion?: tls.SecureVersion;
  method?: 'GET' | 'POST';
  form?: Record<string, string>;
}

export interface TlsAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** True when the server accepted the offered session (abbreviated handshake). */
  resumed: boolean;
  protocol: string | null;
  /** The session to offer on the next connection. */
  session: Buffer | undefined;
}

export function tlsRequest(url: string, options: TlsRequestOptions): Promise<TlsAnswer> {
  const u = new URL(url);
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    let resumed = false;
    let protocol: string | null = null;
    let session: Buffer | undefined;
    const socket = tls.connect({
      host: u.hostname,
      port: Number(u.port),
      servername: net.isIP(u.hostname) ? undefined : u.hostname,
      ca: options.ca,
      cert: options.cert,
      key: options.key,
      session: options.session,
      minVersion: options.minVersion,
    });
    // Read these while the connection is up (a closed TLSSocket has no session to ask).
    socket.once('secureConnect', () => {
      resumed = socket.isSessionReused();
      protocol = socket.getProtocol();
    });
    socket.on('session', (s: Buffer) => {
      session = s;
    });
    const req = http.request(
      {
        createConnection: () => socket,
        host: u.host,
        path: `${u.pathname}${u.search}`,
        method: options.method ?? 'GET',
        headers: {
          host: u.host,
          connection: 'close',
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, resumed, protocol, session }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `JSESSIONID=…` from a Set-Cookie answer, ready for a Cookie header. */
export function sessionCookie(answer: TlsAnswer): string {
  const cookie = (answer.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('JSESSIONID='));
  if (!cookie) throw new Error(`no session cookie in the answer (status ${answer.status})`);
  return cookie;
}
