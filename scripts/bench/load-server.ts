/**
 * The server side of the load bench (scripts/bench/load.ts), in a process of its own so the
 * load generator does not share its event loop and its memory is the server's alone. Run as
 * `node --expose-gc --import tsx scripts/bench/load-server.ts <mock|bare|front> <basePort>` with an
 * IPC channel; it answers the parent's requests (ports, memory, open sockets, close).
 *
 * - mock: the SMTP catcher and the whole mock (build + listen), as `npm run mock` does.
 * - bare: a bare Node HTTPS server with the TLS options of the mock's client-certificate host
 *   (the same certificate, trust anchors, CRLs, ciphers, minimum version, and TLS 1.2 at most
 *   as mock/tls-front.ts pins), answering a static body as long as the mock's login page.
 * - front: that bare server behind mock/tls-front.ts, the mock's handshake front.
 */
import https from 'node:https';
import net, { Server } from 'node:net';
import { loadConfig } from '../../config/env';
import { loadPki } from '../../certs/store';
import { buildMailbox } from '../../mailbox/server';
import { buildMock, closeMock, listenMock } from '../../mock/build';
import { httpsOptions } from '../../mock/tls';
import { installTlsFront } from '../../mock/tls-front';

export type LoadRequest = { id: number; cmd: 'mem' | 'gc' | 'peak-reset' | 'sockets' | 'cpu' | 'close'; waitMs?: number };
export type Memory = { rss: number; heapUsed: number };

/** Every TCP connection a server accepted and that is not closed yet. */
function track(server: net.Server, open: Set<net.Socket>) {
  server.on('connection', (s: net.Socket) => {
    open.add(s);
    s.once('close', () => open.delete(s));
  });
}

/** Resolves with the number still open once none is, or when `ms` has passed (event-driven). */
function settled(open: Set<net.Socket>, ms: number): Promise<number> {
  if (open.size === 0) return Promise.resolve(0);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(open.size), ms);
    for (const s of open)
      s.once('close', () => {
        if (open.size === 0) {
          clearTimeout(timer);
          resolve(0);
        }
      });
  });
}

/** How long a closed server's sockets may take to be released. */
const CLOSE_SETTLE_MS = 2_000;

function activeHandles(): unknown[] {
  return (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
}

function activeSockets(): net.Socket[] {
  return activeHandles().filter((h): h is net.Socket => h instanceof net.Socket && !h.closed);
}

/** The TCP servers and sockets this process still holds, as `server :port` / `socket :local→:remote`. */
function tcpHandles(): string[] {
  return activeHandles().flatMap((h) => {
    if (h instanceof Server) {
      const a = h.address();
      return a && typeof a === 'object' ? [`server :${a.port}`] : [];
    }
    const s = h as net.Socket;
    return typeof s.remotePort === 'number' ? [`socket :${s.localPort}→:${s.remotePort}`] : [];
  });
}

async function main(mode: string, basePort: number) {
  const config = loadConfig({ ...process.env, MOCK_BASE_PORT: String(basePort) });
  const pki = await loadPki({ dir: config.pkiDir });
  const open = new Set<net.Socket>();
  let close: () => Promise<void>;
  let ports: Record<string, number | string>;
  if (mode === 'mock') {
    const box = buildMailbox({ host: '127.0.0.1', smtpPort: config.mock.ports.smtp, apiPort: config.mock.ports.mailbox });
    await box.listen();
    const mock = buildMock({ pki, urls: config.urls, smtp: { host: '127.0.0.1', port: config.mock.ports.smtp } });
    // The service's hosts only: the admin API and the mailbox serve the bench's own set-up calls.
    for (const app of Object.values(mock.sites)) track(app.server, open);
    await listenMock(mock, config.urls.admin!);
    ports = { ds: config.urls.ds, admin: config.urls.admin!, mailbox: config.urls.mailbox };
    close = async () => {
      await closeMock(mock);
      await box.close();
    };
  } else {
    // The same number of body bytes as the mock's login page (1,332), so the pair compares
    // servers, not payloads.
    const body = `<!doctype html><title>ok</title>${'o'.repeat(1300)}`;
    const server = https.createServer({ ...httpsOptions(pki, 'required'), maxVersion: 'TLSv1.2' }, (req, res) => {
      req.resume();
      req.on('end', () => res.end(body));
    });
    // front: the same bare server behind the mock's TLS front (the handshake that refuses a
    // bad certificate with its alert, EG-2-1): what that documented behaviour costs by itself.
    if (mode === 'front') installTlsFront(server, { tls: httpsOptions(pki, 'required'), onRefusal: () => undefined });
    track(server, open);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    ports = { bare: `https://127.0.0.1:${(server.address() as net.AddressInfo).port}` };
    close = () => new Promise<void>((r) => server.close(() => r()));
  }

  const mem = (): Memory => {
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed };
  };
  let peak = mem();
  // Sampling, not waiting: the peak of a run is the largest of these samples.
  const sampler = setInterval(() => {
    const m = mem();
    peak = { rss: Math.max(peak.rss, m.rss), heapUsed: Math.max(peak.heapUsed, m.heapUsed) };
  }, 100);
  sampler.unref();
  const gc = (globalThis as { gc?: () => void }).gc;

  const answer = async (msg: LoadRequest) => {
    let result: unknown;
    if (msg.cmd === 'mem') result = { now: mem(), peak };
    // CPU time so far (user + system, ms): busy server vs waiting server.
    else if (msg.cmd === 'cpu') result = (process.cpuUsage().user + process.cpuUsage().system) / 1000;
    else if (msg.cmd === 'peak-reset') result = peak = mem();
    else if (msg.cmd === 'gc') {
      if (!gc) throw new Error('run with --expose-gc');
      // Twice: the first pass can leave finalizer-held objects for the second.
      gc();
      await new Promise((r) => setImmediate(r));
      gc();
      result = mem();
    } else if (msg.cmd === 'sockets') result = { open: await settled(open, msg.waitMs ?? 0) };
    else if (msg.cmd === 'close') {
      await close();
      clearInterval(sampler);
      // A socket ended a moment ago (the mailer's pooled SMTP connection says QUIT on close)
      // is released on its 'close' event: wait for those, so only a socket that stays open counts.
      await settled(new Set(activeSockets()), CLOSE_SETTLE_MS);
      result = { tcpHandlesAfterClose: tcpHandles() };
    }
    process.send!({ id: msg.id, result });
    // Whatever is left has been counted: the process must not outlive the bench.
    if (msg.cmd === 'close') {
      process.disconnect();
      setTimeout(() => process.exit(0), 1_000).unref();
    }
  };
  process.on('message', (msg: LoadRequest) => void answer(msg));
  process.send!({ id: 0, result: ports });
}

main(process.argv[2] ?? 'mock', Number(process.argv[3] ?? 28650)).catch((e) => {
  console.error(e);
  process.exit(1);
});
