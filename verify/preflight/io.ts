/**
 * Every network action the preflight takes, in one place, so that it is read-only by
 * construction: name lookups, TCP connects, TLS handshakes, and HTTP GET (the only HTTP
 * method here) of the check page, the repository's files and CRLs. Nothing sends a form,
 * a query with an ID or a body. Each action is logged (`log`) so a test can show it.
 */
import { execFile } from 'node:child_process';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Duplex } from 'node:stream';
import tls from 'node:tls';
import { pinnedLookup, resolveHost, type ResolveRule } from '../../config/resolve';

export interface IoAction {
  kind: 'lookup' | 'tcp' | 'tls' | 'GET' | 'sslscan' | 'openssl';
  target: string;
}

const TIMEOUT_MS = 5_000;

export class PreflightIo {
  readonly log: IoAction[] = [];
  private readonly lookup: net.LookupFunction;

  constructor(private readonly rules: readonly ResolveRule[]) {
    this.lookup = pinnedLookup(rules, dns.lookup as never);
  }

  /** The address `host` resolves to (RESOLVE first, then DNS). */
  async resolve(host: string): Promise<string> {
    this.log.push({ kind: 'lookup', target: host });
    if (net.isIP(host)) return host;
    const pinned = resolveHost(this.rules, host);
    if (pinned) return pinned;
    return (await dns.promises.lookup(host)).address;
  }

  tcp(host: string, port: number): Promise<void> {
    this.log.push({ kind: 'tcp', target: `${host}:${port}` });
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port, lookup: this.lookup, timeout: TIMEOUT_MS });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('timeout', () => socket.destroy(new Error(`no TCP answer in ${TIMEOUT_MS} ms`)));
      socket.once('error', reject);
    });
  }

  /**
   * One TLS handshake. `firstServerRecord` is the first bytes the server answered (the record
   * type and, for a ServerHello, its version): whether a protocol version was accepted is
   * read there, since on a host that requires a client certificate the handshake fails later
   * for another reason.
   */
  handshake(host: string, port: number, options: tls.ConnectionOptions): Promise<HandshakeOutcome> {
    this.log.push({ kind: 'tls', target: `${host}:${port}` });
    return new Promise((resolve) => {
      const raw = net.connect({ host, port, lookup: this.lookup });
      let first: Buffer | null = null;
      let settled = false;
      const tap = new Duplex({
        read: () => raw.resume(),
        write: (chunk: Buffer, _enc, cb) => raw.write(chunk, cb),
        final: (cb) => {
          raw.end();
          cb();
        },
        destroy: (err, cb) => {
          raw.destroy();
          cb(err);
        },
      });
      raw.on('data', (chunk: Buffer) => {
        if (!first) first = Buffer.from(chunk.subarray(0, 11));
        if (!tap.push(chunk)) raw.pause();
      });
      raw.on('end', () => tap.push(null));
      raw.on('error', (e) => tap.destroy(e));
      const socket = tls.connect({ ...options, socket: tap, servername: net.isIP(host) ? undefined : host, ALPNProtocols: undefined });
      const timer = setTimeout(() => finish({ ok: false, error: `no TLS answer in ${TIMEOUT_MS} ms` }), TIMEOUT_MS);
      const finish = (o: Omit<HandshakeOutcome, 'serverHello'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        raw.destroy();
        resolve({ ...o, serverHello: serverHelloOf(first) });
      };
      socket.once('secureConnect', () =>
        finish({ ok: true, protocol: socket.getProtocol() ?? undefined, authorized: socket.authorized, authorizationError: socket.authorizationError ? String(socket.authorizationError) : undefined, peer: socket.getPeerX509Certificate() }),
      );
      socket.once('error', (e: NodeJS.ErrnoException) => finish({ ok: false, error: e.code ?? e.message.split('\n')[0] }));
      socket.once('close', () => finish({ ok: false, error: 'connection closed during the handshake' }));
    });
  }

  /** HTTP(S) GET — the only request method the preflight has. */
  get(url: string, options: https.RequestOptions = {}): Promise<{ status: number; body: Buffer; contentType: string }> {
    this.log.push({ kind: 'GET', target: url });
    const u = new URL(url);
    const client = u.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = client.get(u, { ...options, method: 'GET', lookup: this.lookup, agent: false, timeout: TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), contentType: String(res.headers['content-type'] ?? '') }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no HTTP answer in ${TIMEOUT_MS} ms`)));
      req.on('error', reject);
    });
  }

  /** Runs a read-only probe tool (sslscan, openssl s_client) against the resolved address. */
  run(kind: 'sslscan' | 'openssl', args: string[], target: string): Promise<{ code: number | null; stdout: string; stderr: string; missing?: boolean }> {
    this.log.push({ kind, target });
    return new Promise((resolve) => {
      const child = execFile(kind, args, { timeout: 20_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: unknown }) | null;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stdout: String(stdout), stderr: String(stderr), missing: e?.code === 'ENOENT' });
      });
      child.stdin?.end();
    });
  }
}

export interface HandshakeOutcome {
  ok: boolean;
  protocol?: string;
  authorized?: boolean;
  authorizationError?: string;
  peer?: import('node:crypto').X509Certificate;
  error?: string;
  /** From the server's first record: 'alert', or the ServerHello's version. */
  serverHello: { kind: 'alert'; description: number } | { kind: 'hello'; version: string } | { kind: 'none' } | { kind: 'other' };
}

const VERSIONS: Record<number, string> = { 0x0300: 'SSLv3', 0x0301: 'TLSv1', 0x0302: 'TLSv1.1', 0x0303: 'TLSv1.2' };

/** Record type 22 (handshake) + message type 2 (ServerHello) + its version; or type 21 (alert). */
function serverHelloOf(first: Buffer | null): HandshakeOutcome['serverHello'] {
  if (!first || first.length < 6) return { kind: 'none' };
  if (first[0] === 21 && first.length >= 7) return { kind: 'alert', description: first[6] };
  if (first[0] === 22 && first[5] === 2 && first.length >= 11) return { kind: 'hello', version: VERSIONS[first.readUInt16BE(9)] ?? `0x${first.readUInt16BE(9).toString(16)}` };
  return { kind: 'other' };
}
