/**
 * Issue 12's four findings, each proved against the mock with real sockets (no browser):
 *
 * 1. An empty or null certification request at Step2.do is refused with the service's message
 *    and leaves the one-time application usable (and the import tool's ticket unspent).
 * 2. Connections on the client-certificate hosts are bounded: an oversized POST on a resumed
 *    TLS session is answered and closed; a client that never ends its side is cut off; the
 *    mock closes promptly with connections open.
 * 3. Every framework- and parser-level answer of every host is the Japanese error page,
 *    escaped, with nosniff, never echoing the request target; body limits state the real one.
 * 4. Loopback checks parse the address; the mailbox refuses a non-loopback host; MOCK_HOST=::1.
 *
 * Run: flock /tmp/pw.lock node --import tsx --test tests/unit/http-hardening.test.ts
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';
import { loadPki, type Pki } from '../../certs/store';
import { loadConfig } from '../../config/env';
import { isLoopbackAddress, loopbackListenHost } from '../../config/loopback';
import { buildMailbox } from '../../mailbox/server';
import { buildMock, closeMock, listenMock, type Mock } from '../../mock/build';
import type { SiteName } from '../../mock/site';
import { LIMITS } from '../../mock/http-hardening';
import { importTool, input, issuance } from '../../messages';

let pki: Pki;
let mock: Mock;
const ports = {} as Record<SiteName, number>;
const CERT_HOSTS: SiteName[] = ['webra1', 'ds'];
const SITES: SiteName[] = ['webra2', 'webra1', 'repo1', 'ds', 'dsnc', 'bulksign'];

before(async () => {
  pki = await loadPki();
  mock = buildMock({ pki, urls: loadConfig({ MOCK_BASE_PORT: '29000' }).urls, smtp: { host: '127.0.0.1', port: 1 } });
  for (const name of SITES) {
    await mock.sites[name].listen({ host: '127.0.0.1', port: 0 });
    ports[name] = (mock.sites[name].server.address() as AddressInfo).port;
  }
});
after(() => closeMock(mock));

const clientCert = () => ({
  cert: fs.readFileSync(pki.variants['valid-pub-ca8'].fullchainPath),
  key: fs.readFileSync(pki.variants['valid-pub-ca8'].keyPath),
});

interface RawAnswer {
  status: number;
  headers: string;
  body: string;
  /** Time from the last byte written to the server closing the connection. */
  closedAfterMs: number;
}

/**
 * Writes raw bytes to a host and reads until the server closes. Fails if the server does not
 * close within `boundMs` of the last write (the "closes in bounded time" assertion).
 */
function rawRequest(site: SiteName, bytes: Buffer | string, options: { boundMs?: number; endOurSide?: boolean; session?: Buffer } = {}): Promise<RawAnswer & { session?: Buffer }> {
  const boundMs = options.boundMs ?? 8_000;
  return new Promise((resolve, reject) => {
    const port = ports[site];
    const secure = site !== 'repo1';
    const socket: net.Socket = secure
      ? tls.connect({ host: '127.0.0.1', port, ca: pki.serverCa.certPem, ...(CERT_HOSTS.includes(site) ? clientCert() : {}), session: options.session })
      : net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let session: Buffer | undefined;
    let wroteAt = 0;
    const bound = setTimeout(() => {
      socket.destroy();
      reject(new Error(`${site}: the server did not close the connection within ${boundMs} ms`));
    }, boundMs);
    socket.on(secure ? 'secureConnect' : 'connect', () => {
      socket.write(bytes, () => {
        wroteAt = Date.now();
      });
      // Our side stays open (as a browser's does): the server must close by itself.
      if (options.endOurSide) socket.end();
    });
    socket.on('session', (s: Buffer) => (session = s));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(bound);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        headers: head.toLowerCase(),
        body: rest.join('\r\n\r\n'),
        closedAfterMs: Date.now() - (wroteAt || Date.now()),
        session,
      });
    });
  });
}

// ---------------------------------------------------------------- finding 3: framework answers

const MARK = 'zqMARKqz';
const PROBE = `<script>alert("${MARK}")</script>`;
const longUrl = `/?q=${MARK}${'a'.repeat(17 * 1024)}`;
const json = (path: string, body: string, type = 'application/json') =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
const get = (target: string, version = 'HTTP/1.1', method = 'GET') => `${method} ${target} ${version}\r\nHost: x\r\nConnection: close\r\n\r\n`;

/**
 * [case, bytes, expected Japanese message]. Every case also carries the marker: it must never
 * come back. Content-type cases go to a POST route of webra2; elsewhere no route matches and the
 * answer is the not-found page (routing comes before body parsing).
 */
const BAD_REQUESTS: [string, string | Buffer, string][] = [
  ['malformed percent-encoding', get(`/%zz${MARK}%`), input.badRequest],
  ['overlong path parameter', get(`/static/${MARK}${'a'.repeat(400)}`), input.badRequest],
  ['URL over 16 KB', get(longUrl), input.badRequest],
  ['raw UTF-8 in the request target', Buffer.from(get(`/日本語${MARK}`), 'utf8'), input.badRequest],
  ['quotes and markup in the request target', get(`/"'><b>${MARK}</b>`), input.invalidLink],
  ['markup in the request target', get(`/${PROBE}`), input.invalidLink],
  ['unknown method', get(`/${MARK}`, 'HTTP/1.1', 'BREW'), input.badRequest],
  ['known but unrouted method', get(`/${MARK}`, 'HTTP/1.1', 'PROPFIND'), input.invalidLink],
  ['bad HTTP version', get(`/${MARK}`, 'HTTP/7.3'), input.badRequest],
  ['raw bytes', Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0xfe]), Buffer.from(`${MARK}\r\n\r\n`)]), input.badRequest],
  ['not found', get(`/no/such/${MARK}`), input.invalidLink],
  ['multipart body', json('/scira/Step1.do', `--b\r\n${MARK}\r\n--b--`, 'multipart/form-data; boundary=b'), input.badRequest],
  ['XML body', json('/scira/Step1.do', `<x>${MARK}</x>`, 'application/xml'), input.badRequest],
  ['malformed JSON', json('/scira/Step1.do', `{"token": "${MARK}`), input.badRequest],
];
const CONTENT_TYPE_CASES = new Set(['multipart body', 'XML body']);

for (const site of SITES) {
  for (const [name, bytes, expected] of BAD_REQUESTS) {
    test(`${site}: ${name} gets the Japanese error page, with nosniff, nothing echoed, closed`, async () => {
      const answer = await rawRequest(site, bytes);
      assert.ok(answer.status >= 400 && answer.status < 500, `${name}: status ${answer.status}\n${answer.headers}`);
      const wanted = CONTENT_TYPE_CASES.has(name) && site !== 'webra2' ? input.invalidLink : expected;
      assert.ok(answer.body.includes(wanted), `${name}: expected 「${wanted}」 in\n${answer.body.slice(0, 400)}`);
      assert.match(answer.headers, /content-type: text\/html; charset=utf-8/);
      assert.match(answer.headers, /x-content-type-options: nosniff/);
      assert.ok(!answer.body.includes(MARK) && !answer.headers.includes(MARK.toLowerCase()), `${name}: the request target came back`);
      assert.ok(!answer.body.includes('<script>alert'), `${name}: markup came back unescaped`);
    });
  }
}

test('a body over the limit is told the real limit (256 KB), on every host', async () => {
  assert.equal(LIMITS.bodyBytes, 256 * 1024);
  for (const site of SITES) {
    const body = 'a='.concat('x'.repeat(LIMITS.bodyBytes + 10));
    const answer = await rawRequest(site, json('/scira/Step1.do', body, 'application/x-www-form-urlencoded'));
    assert.equal(answer.status, 413, site);
    assert.ok(answer.body.includes(input.tooLarge(256)), `${site}: ${answer.body.slice(0, 300)}`);
    assert.match(answer.headers, /x-content-type-options: nosniff/);
  }
});

test('the import tool answers its own machine answer (JSON) to a wrong content type or malformed JSON', async () => {
  for (const bytes of [json('/scira/tool/Login.do', `{"userId": "${MARK}`), json('/scira/tool/Login.do', `<x>${MARK}</x>`, 'application/xml')]) {
    const answer = await rawRequest('webra2', bytes);
    assert.ok(answer.status >= 400 && answer.status < 500, answer.headers);
    assert.deepEqual(JSON.parse(answer.body), { result: 'INVALID_INPUT', message: importTool.invalidRequest });
    assert.match(answer.headers, /x-content-type-options: nosniff/);
  }
});

// ---------------------------------------------------------------- finding 1: empty CSR

const makeCsr = (bits: number) => {
  const keys = forge.pki.rsa.generateKeyPair({ bits, e: 0x10001 });
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = keys.publicKey;
  csr.setSubject([{ name: 'commonName', value: 'enrollment-request' }]);
  csr.sign(keys.privateKey, forge.md.sha256.create());
  return forge.pki.certificationRequestToPem(csr);
};

async function enrollmentToken(): Promise<{ userId: string; token: string }> {
  const res = await mock.admin.inject({ method: 'POST', url: '/users', payload: { sendMails: false } });
  const { userId } = res.json<{ userId: string }>();
  const a = mock.ctx.state.get(userId)!.application;
  const step1 = await mock.sites.webra2.inject({ method: 'POST', url: '/scira/Step1.do', payload: new URLSearchParams({ p1: a.p1, p2: a.p2, p3: a.p3, password: a.password }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const token = /RootCa\.do\?t=([0-9a-f]{32})/.exec(step1.body)?.[1];
  assert.ok(token, `no enrollment token on STEP2: ${step1.statusCode} ${step1.body.slice(0, 2000)}`);
  return { userId, token };
}

test('finding 1: an empty, null, missing or non-CSR request is refused and the application stays usable', async () => {
  const { userId, token } = await enrollmentToken();
  for (const csr of ['', null, undefined, '   ', 'x', 42, ['a'], { a: 1 }]) {
    const res = await mock.sites.webra2.inject({ method: 'POST', url: '/scira/Step2.do', payload: { token, csr, keyLength: 2048 } });
    assert.equal(res.statusCode, 400, `csr ${JSON.stringify(csr)}: ${res.body}`);
    assert.deepEqual(res.json(), { message: issuance.issueFailed });
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(mock.ctx.state.get(userId)!.application.state, 'approved', `csr ${JSON.stringify(csr)} used the application up`);
  }
  // A CSR for the wrong key length is refused before anything changes too.
  const short = await mock.sites.webra2.inject({ method: 'POST', url: '/scira/Step2.do', payload: { token, csr: makeCsr(1024), keyLength: 2048 } });
  assert.equal(short.statusCode, 400);
  assert.equal(mock.ctx.state.get(userId)!.application.state, 'approved');
  // The same ticket still issues for a real request: nothing was used up.
  const ok = await mock.sites.webra2.inject({ method: 'POST', url: '/scira/Step2.do', payload: { token, csr: makeCsr(2048), keyLength: 2048 } });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.match(ok.json<{ certPem: string }>().certPem, /BEGIN CERTIFICATE/);
  assert.equal(mock.ctx.state.get(userId)!.application.state, 'consumed');
});

test('finding 1, the same rule on the import tool: a bad CSR spends neither the ticket nor the application', async () => {
  const res = await mock.admin.inject({ method: 'POST', url: '/users', payload: { sendMails: false } });
  const { userId } = res.json<{ userId: string }>();
  const password = mock.ctx.state.get(userId)!.application.password;
  const login = await mock.sites.webra2.inject({ method: 'POST', url: '/scira/tool/Login.do', payload: { userId, password } });
  const { ticket } = login.json<{ ticket: string }>();
  for (const csr of ['', null, 'x', makeCsr(1024)]) {
    const bad = await mock.sites.webra2.inject({ method: 'POST', url: '/scira/tool/Certificate.do', payload: { ticket, csr } });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(mock.ctx.state.get(userId)!.application.state, 'approved');
  }
  const ok = await mock.sites.webra2.inject({ method: 'POST', url: '/scira/tool/Certificate.do', payload: { ticket, csr: makeCsr(2048) } });
  assert.equal(ok.statusCode, 200, ok.body);
});

// ---------------------------------------------------------------- finding 2: bounded connections

for (const site of CERT_HOSTS) {
  test(`finding 2, ${site}: oversized POSTs on a resumed TLS session are answered and every connection closes`, async () => {
    const huge = `POST /scira/x HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${4 * 1024 * 1024}\r\n\r\n${'a'.repeat(1024 * 1024)}`;
    const tracked = trackConnections(site);
    const first = await rawRequest(site, get('/health'));
    assert.equal(first.status, 200);
    for (let i = 0; i < 5; i++) {
      // Our side stays open and the announced body is never finished: the server must close anyway.
      const answer = await rawRequest(site, huge, { session: first.session, endOurSide: false, boundMs: LIMITS.closeGraceMs + 6_000 });
      assert.equal(answer.status, 413, answer.headers);
      assert.ok(answer.body.includes(input.tooLarge(256)));
    }
    assert.equal(tracked.count(), 6);
    await tracked.allClosed(LIMITS.closeGraceMs + 3_000);
  });

  test(`finding 2, ${site}: a client that sends half a request line and stops is cut off by the headers timeout`, { timeout: LIMITS.headersTimeoutMs + 15_000 }, async () => {
    const answer = await rawRequest(site, 'GET /health HTTP/1.1\r\nHost: x\r\n', { endOurSide: false, boundMs: LIMITS.headersTimeoutMs + 10_000 });
    assert.ok(answer.status === 408 || answer.status === 0, answer.headers);
    if (answer.status === 408) assert.ok(answer.body.includes(input.requestTimeout));
  });
}

/** Every TCP connection the site accepts from now on; `allClosed` fails if one outlives `ms`. */
function trackConnections(site: SiteName) {
  const server = mock.sites[site].server;
  const sockets = new Set<net.Socket>();
  const add = (s: net.Socket) => sockets.add(s);
  server.on('connection', add);
  return {
    count: () => sockets.size,
    allClosed(ms: number): Promise<void> {
      server.off('connection', add);
      const open = [...sockets].filter((s) => !s.destroyed);
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<never>((_r, reject) => {
        timer = setTimeout(() => reject(new Error(`${site}: ${open.filter((s) => !s.destroyed).length} connection(s) still open after ${ms} ms`)), ms);
      });
      return Promise.race([Promise.all(open.map((s) => new Promise((resolve) => s.once('close', resolve)))).then(() => undefined), bound]).finally(() => clearTimeout(timer));
    },
  };
}

test('finding 2: the mock closes promptly with idle, half-open and mid-handshake connections open', async () => {
  const other = buildMock({ pki, urls: loadConfig({ MOCK_BASE_PORT: '29000' }).urls, smtp: { host: '127.0.0.1', port: 1 } });
  await other.sites.ds.listen({ host: '127.0.0.1', port: 0 });
  const port = (other.sites.ds.server.address() as AddressInfo).port;
  const open: net.Socket[] = [];
  // Mid-handshake: a TCP connection that never says anything.
  open.push(net.connect({ host: '127.0.0.1', port }));
  // A verified TLS connection with a request half sent.
  const half = tls.connect({ host: '127.0.0.1', port, ca: pki.serverCa.certPem, ...clientCert() });
  await new Promise((resolve) => half.once('secureConnect', resolve));
  half.write('POST /ebunsho/x HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nabc');
  open.push(half);
  for (const s of open) s.on('error', () => undefined);
  const started = Date.now();
  await closeMock(other);
  assert.ok(Date.now() - started < 2_000, `close took ${Date.now() - started} ms`);
  for (const s of open) s.destroy();
});

// ---------------------------------------------------------------- finding 4: loopback

test('finding 4: loopback is parsed, not matched as text', () => {
  for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) assert.ok(isLoopbackAddress(host), host);
  for (const host of ['127.evil.example', '127.0.0.1.nip.io', '0.0.0.0', '::', '10.0.0.1', '::ffff:10.0.0.1', 'example.com', '']) assert.ok(!isLoopbackAddress(host), host);
  assert.equal(loopbackListenHost('localhost', 'x'), '127.0.0.1');
  assert.equal(loopbackListenHost('[::1]', 'x'), '::1');
  assert.throws(() => loopbackListenHost('127.evil.example', 'The mock admin API'), /loopback only/);
});

test('finding 4: the mailbox refuses a non-loopback host before binding anything', async () => {
  for (const host of ['0.0.0.0', '::', '127.evil.example']) {
    const box = buildMailbox({ host, smtpPort: 0, apiPort: 0 });
    await assert.rejects(box.listen(), /loopback only/, host);
  }
});

test('finding 4: the admin API refuses a host name that only starts with 127.', async () => {
  const other = buildMock({ pki, urls: { ...loadConfig({ MOCK_BASE_PORT: '29000' }).urls, webra2: 'https://127.0.0.1:0', webra1: 'https://127.0.0.1:0', repo1: 'http://127.0.0.1:0', ds: 'https://127.0.0.1:0', dsnc: 'https://127.0.0.1:0', bulksign: 'https://127.0.0.1:0' }, smtp: { host: '127.0.0.1', port: 1 } });
  await assert.rejects(listenMock(other, 'http://127.evil.example:29099'), /loopback only/);
  await closeMock(other);
});

test('finding 4: MOCK_HOST=::1 gives bracketed URLs and the whole mock listens on it', async (t) => {
  const config = loadConfig({ MOCK_HOST: '::1', MOCK_BASE_PORT: '29100' });
  assert.equal(config.urls.webra2, `https://[::1]:${config.mock.ports.webra2}`);
  assert.equal(new URL(config.urls.admin!).hostname, '[::1]');
  const probe = net.createServer();
  const ipv6 = await new Promise<boolean>((resolve) => probe.once('error', () => resolve(false)).listen(0, '::1', () => probe.close(() => resolve(true))));
  if (!ipv6) return t.skip('no IPv6 loopback on this machine');
  const v6 = buildMock({ pki, urls: config.urls, smtp: { host: '::1', port: 1 } });
  try {
    await listenMock(v6, config.urls.admin!);
    const health = await rawRequestTo('::1', config.mock.ports.repo1, get('/health'));
    assert.match(health, /^HTTP\/1\.1 200/);
    const admin = await rawRequestTo('::1', config.mock.ports.admin, get('/health'));
    assert.match(admin, /^HTTP\/1\.1 200/);
  } finally {
    await closeMock(v6);
  }
});

function rawRequestTo(host: string, port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host, port }, () => s.end(bytes));
    const chunks: Buffer[] = [];
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('error', reject);
    s.on('close', () => resolve(Buffer.concat(chunks).toString()));
  });
}
