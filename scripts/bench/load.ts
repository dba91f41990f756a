/**
 * The mock under load (issue 12), part of `npm run bench`: autocannon drives mTLS page loads
 * (GET of the エコ文書 login page on the client-certificate host) and mTLS logins (a signed-up
 * user's right password → 303 with a session cookie, then ログアウト with that cookie → 303, so
 * sessions do not pile up: the mock keeps them until logout), BENCH_LOAD_CONNECTIONS (16)
 * connections for BENCH_LOAD_SECONDS (30) each, on loopback, against the mock and against a
 * bare Node HTTPS server with the same TLS options (scripts/bench/load-server.ts), one after
 * the other, and against that bare server behind the mock's TLS front (mock/tls-front.ts), which
 * splits the ratio into the front's fixed cost and the mock's own work. The test user is
 * provisioned through the admin API and signed up over mTLS with the credentials from its
 * mails, as a person would.
 *
 * Verdicts: throughput ratio mock/bare (aim ≥ 0.7); no error, timeout or unexpected status;
 * no connection left open on the mock's servers once the load ends; the mock's heap after GC
 * back within MEMORY_TOLERANCE of its warmed-up baseline; no TCP handle left after close.
 */
import { fork, type ChildProcess } from 'node:child_process';
import https from 'node:https';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadPki } from '../../certs/store';
import { loadConfig } from '../../config/env';
import { MockAdmin } from '../../fixtures/admin';
import { parsePasswordMail, parseRegistrationMail } from '../../fixtures/mail';
import { Mailbox } from '../../fixtures/mailbox';
import { mail as m } from '../../messages';
import type { LoadRequest, Memory } from './load-server';
import { withLock } from './lock';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 16);
/** Heap after GC may exceed the baseline by this much (the last session of each connection, caches). */
export const MEMORY_TOLERANCE = { bytes: 8 * 1024 * 1024, fraction: 0.1 };
/** How long the mock may take to see every client connection closed after the load ends. */
const SOCKET_SETTLE_MS = 3_000;

/** The mock, a bare HTTPS server, and that bare server behind the mock's TLS front. */
const TARGETS = ['mock', 'bare', 'front'] as const;
type Target = (typeof TARGETS)[number];

export interface LoadRun {
  what: string;
  target: Target;
  reqPerSec: number;
  latencyP99Ms: number;
  total: number;
  expectedStatus: number;
  unexpected: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  socketsOpenAfter: number;
  /** The server process's CPU time over the run's wall time (100 = one core busy). */
  serverCpuPct: number;
}

export interface LoadBench {
  seconds: number;
  connections: number;
  runs: LoadRun[];
  ratios: { what: string; baselineReqPerSec: number; reqPerSec: number; ratio: number; aim: string }[];
  memory: { baseline: Memory; peak: Memory; afterGc: Memory; heapGrowthBytes: number; toleranceBytes: number; backToBaseline: boolean };
  tcpHandlesAfterClose: string[];
  ok: boolean;
}

class Server {
  private next = 1;
  private readonly waiting = new Map<number, (r: unknown) => void>();
  private constructor(private readonly child: ChildProcess) {
    child.on('message', (msg: { id: number; result: unknown }) => {
      this.waiting.get(msg.id)?.(msg.result);
      this.waiting.delete(msg.id);
    });
  }

  static async start(mode: Target, basePort: number): Promise<{ server: Server; urls: Record<string, string> }> {
    const child = fork(path.join(__dirname, 'load-server.ts'), [mode, String(basePort)], {
      // BENCH_LOAD_PROFILE=<dir>: a CPU profile of each server process (open it in Chrome DevTools).
      execArgv: ['--expose-gc', '--import', 'tsx', ...(process.env.BENCH_LOAD_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_LOAD_PROFILE}`] : [])],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = new Server(child);
    const urls = await new Promise<Record<string, string>>((resolve, reject) => {
      server.waiting.set(0, (r) => resolve(r as Record<string, string>));
      child.once('exit', (code) => reject(new Error(`load server (${mode}) exited ${code} before it was ready`)));
    });
    return { server, urls };
  }

  ask<T>(cmd: LoadRequest['cmd'], waitMs?: number): Promise<T> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (r: unknown) => void);
      this.child.send({ id, cmd, waitMs } satisfies LoadRequest);
    });
  }
}

function post(url: string, form: Record<string, string>, tlsOptions: object): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', agent: false, ...tlsOptions, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(new URLSearchParams(form).toString());
  });
}

/** A cert user provisioned by the admin API, signed up over mTLS with what its two mails say. */
async function signedUpUser(urls: Record<string, string>, tlsOptions: object) {
  const admin = new MockAdmin(urls.admin);
  const mailbox = new Mailbox(urls.mailbox, 15_000);
  const user = await admin.provision({});
  const reg = parseRegistrationMail((await mailbox.waitFor(user.email, m.registrationSubject)).text);
  const pw = parsePasswordMail((await mailbox.waitFor(user.email, m.passwordSubject)).text);
  const cd = new URL(reg.signupUrl).searchParams.get('cd') ?? '';
  const signup = await post(`${urls.ds}/ebunsho/SignUp.do`, { cd, userId: reg.userId, password: pw.loginPassword.reveal() }, tlsOptions);
  if (!(await admin.user(user.userId)).signedUp) throw new Error(`bench user not signed up (SignUp.do answered ${signup.status})`);
  return { userId: reg.userId, password: pw.loginPassword.reveal() };
}

const cookieOf = (headers: Record<string, unknown>): string | undefined => {
  const value = Object.entries(headers).find(([k]) => k.toLowerCase() === 'set-cookie')?.[1];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.split(';')[0] : undefined;
};

async function cannon(url: string, tlsOptions: object, seconds: number, requests: autocannon.Request[]) {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, pipelining: 1, tlsOptions, servername: 'localhost', requests });
}

export async function benchLoad(basePort: number): Promise<LoadBench> {
  const config = loadConfig({ ...process.env, MOCK_BASE_PORT: String(basePort) });
  const pki = await loadPki({ dir: config.pkiDir });
  const v = pki.variants['valid-pub-ca8'];
  const tlsOptions = { ca: pki.serverCa.certPem, cert: v.fullchainPem, key: v.keyPem };
  const mock = await Server.start('mock', basePort);
  const bare = await Server.start('bare', basePort);
  const front = await Server.start('front', basePort);
  const servers = { mock, bare, front };
  const user = await signedUpUser(mock.urls, tlsOptions);

  const loginBody = new URLSearchParams({ userId: user.userId, password: user.password }).toString();
  const scenarios = [
    { what: 'mTLS page load (GET login page)', path: '/ebunsho/UrlExclusive.do', expected: 200, requests: [{ method: 'GET' as const, path: '/ebunsho/UrlExclusive.do' }] },
    {
      what: 'mTLS login POST + logout',
      path: '/ebunsho/UrlExclusive.do',
      expected: 303,
      // autocannon clears a connection's context after the last request of the list, so the
      // cookie lives from the login to its logout, one pair per round.
      requests: [
        {
          method: 'POST' as const,
          path: '/ebunsho/UrlExclusive.do',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: loginBody,
          onResponse: (_status: number, _body: string, ctx: { cookie?: string }, headers: Record<string, unknown>) => {
            ctx.cookie = cookieOf(headers);
          },
        },
        {
          method: 'GET' as const,
          path: '/ebunsho/Logout.do',
          setupRequest: (req: autocannon.Request, ctx: { cookie?: string }) => ({ ...req, headers: { ...req.headers, cookie: ctx.cookie ?? '' } }),
        },
      ],
    },
  ];

  const runs: LoadRun[] = [];
  const urlOf = (target: Target) => (target === 'mock' ? mock.urls.ds : servers[target].urls.bare);
  const run = async (target: Target, s: (typeof scenarios)[number]): Promise<LoadRun> => {
    const base = urlOf(target);
    const server = servers[target].server;
    const cpu0 = await server.ask<number>('cpu');
    const r = await cannon(base + s.path, tlsOptions, SECONDS, s.requests as autocannon.Request[]);
    const serverCpuPct = ((await server.ask<number>('cpu')) - cpu0) / (SECONDS * 10);
    const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, c]) => [k, c.count ?? 0]));
    const expectedStatus = target === 'mock' ? s.expected : 200;
    const answered = Object.values(statusCodes).reduce((a, b) => a + b, 0);
    const { open } = await server.ask<{ open: number }>('sockets', SOCKET_SETTLE_MS);
    const one: LoadRun = {
      what: s.what,
      target,
      reqPerSec: r.requests.average,
      latencyP99Ms: r.latency.p99,
      total: answered,
      expectedStatus,
      unexpected: answered - (statusCodes[String(expectedStatus)] ?? 0),
      errors: r.errors,
      timeouts: r.timeouts,
      statusCodes,
      socketsOpenAfter: open,
      serverCpuPct,
    };
    runs.push(one);
    console.log(`  load ${target.padEnd(5)} ${s.what.padEnd(34)} ${one.reqPerSec.toFixed(0).padStart(6)} req/s  p99 ${one.latencyP99Ms} ms  server CPU ${serverCpuPct.toFixed(0)}%  unexpected ${one.unexpected}  errors ${one.errors + one.timeouts}  sockets left ${open}`);
    return one;
  };

  // One hold of the lock for the whole load part (about 6 × BENCH_LOAD_SECONDS).
  const { baseline, ratios } = await withLock('load', async () => {
    // Warm-up (JIT, template cache, TLS session cache), then the mock's baseline after GC.
    for (const s of scenarios) for (const target of TARGETS) await cannon(urlOf(target) + s.path, tlsOptions, 2, s.requests as autocannon.Request[]);
    await mock.server.ask('sockets', SOCKET_SETTLE_MS);
    const baseline = await mock.server.ask<Memory>('gc');
    await mock.server.ask('peak-reset');
    const ratios: LoadBench['ratios'] = [];
    for (const s of scenarios) {
      // Back to back: the three see the same machine.
      const [b, f, k] = [await run('bare', s), await run('front', s), await run('mock', s)];
      const ratio = (what: string, of: LoadRun, to: LoadRun, aim: string) =>
        ratios.push({ what: `load: ${s.what}, ${what}`, baselineReqPerSec: to.reqPerSec, reqPerSec: of.reqPerSec, ratio: of.reqPerSec / to.reqPerSec, aim });
      ratio('mock vs bare', k, b, '≥ 0.7');
      // The decomposition: the handshake front alone (a fixed cost of EG-2-1's alerts), then
      // the mock's own work against the same server behind the same front.
      ratio('bare behind the TLS front vs bare', f, b, 'reference');
      ratio('mock vs bare behind the TLS front', k, f, '≥ 0.7');
    }
    return { baseline, ratios };
  });
  const { peak } = await mock.server.ask<{ peak: Memory }>('mem');
  const afterGc = await mock.server.ask<Memory>('gc');
  const toleranceBytes = Math.max(MEMORY_TOLERANCE.bytes, baseline.heapUsed * MEMORY_TOLERANCE.fraction);
  const heapGrowthBytes = afterGc.heapUsed - baseline.heapUsed;
  const { tcpHandlesAfterClose } = await mock.server.ask<{ tcpHandlesAfterClose: string[] }>('close');
  for (const other of [bare, front]) await other.server.ask('close');
  const memory = { baseline, peak, afterGc, heapGrowthBytes, toleranceBytes, backToBaseline: heapGrowthBytes <= toleranceBytes };
  const ok =
    runs.every((r) => r.unexpected === 0 && r.errors === 0 && r.timeouts === 0 && r.socketsOpenAfter === 0) && memory.backToBaseline && tcpHandlesAfterClose.length === 0;
  return { seconds: SECONDS, connections: CONNECTIONS, runs, ratios, memory, tcpHandlesAfterClose, ok };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function formatLoad(l: LoadBench): string[] {
  const m = l.memory;
  return [
    `load (${l.connections} connections × ${l.seconds} s per run, loopback):`,
    ...l.ratios.map((r) => `  ${r.what.padEnd(72)} ${r.reqPerSec.toFixed(0).padStart(6)} vs ${r.baselineReqPerSec.toFixed(0).padStart(6)} req/s  ratio ${r.ratio.toFixed(2)}  (aim ${r.aim})`),
    `  unexpected statuses ${l.runs.reduce((n, r) => n + r.unexpected, 0)}, errors+timeouts ${l.runs.reduce((n, r) => n + r.errors + r.timeouts, 0)}, sockets left on the mock ${l.runs.filter((r) => r.target === 'mock').reduce((n, r) => n + r.socketsOpenAfter, 0)}, TCP handles after close ${l.tcpHandlesAfterClose.length}${l.tcpHandlesAfterClose.length ? ` (${l.tcpHandlesAfterClose.join(', ')})` : ''}`,
    `  mock memory: heap ${mb(m.baseline.heapUsed)} → peak ${mb(m.peak.heapUsed)} → after GC ${mb(m.afterGc.heapUsed)} (growth ${mb(m.heapGrowthBytes)}, tolerance ${mb(m.toleranceBytes)}: ${m.backToBaseline ? 'back to baseline' : 'NOT back'}); RSS ${mb(m.baseline.rss)} → peak ${mb(m.peak.rss)} → ${mb(m.afterGc.rss)}`,
    `  load verdict: ${l.ok ? 'PASS' : 'FAIL'}`,
  ];
}
