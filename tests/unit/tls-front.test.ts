/**
 * The TLS front of エコ文書's certificate host (mock/tls-front.ts), with real clients:
 * every unacceptable certificate is refused in the handshake with the alert an OpenSSL server
 * sends for its verify error (the reason a browser reports, EG-2-1), the refusal is recorded,
 * no unverified connection ever reaches HTTP, only TLS 1.2 without ALPN is spoken, and a
 * resumed session keeps the certificate of its first handshake.
 *
 * Run: node --import tsx --test tests/unit/tls-front.test.ts
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { loadPki, type Pki } from '../../certs/store';
import type { VariantName } from '../../certs/definition';
import { loadConfig } from '../../config/env';
import { buildMock, closeMock, type Mock } from '../../mock/build';
import { alertFor } from '../../mock/tls-front';
import { tlsRequest } from '../../e2e/ebunsho/tls-client';

let pki: Pki;
let mock: Mock;
let base: string;
/** Each request that reached HTTP: was its connection verified, and whose certificate did it carry. */
const reachedHttp: { authorized: boolean; fingerprint256: string | undefined }[] = [];

before(async () => {
  pki = await loadPki();
  mock = buildMock({ pki, urls: loadConfig({ MOCK_BASE_PORT: '26500' }).urls, smtp: { host: '127.0.0.1', port: 1 } });
  mock.sites.ds.addHook('onRequest', async (req) => {
    const socket = req.raw.socket as tls.TLSSocket;
    reachedHttp.push({ authorized: socket.authorized === true, fingerprint256: socket.getPeerX509Certificate()?.fingerprint256 });
  });
  await mock.sites.ds.listen({ host: '127.0.0.1', port: 0 });
  base = `https://127.0.0.1:${(mock.sites.ds.server.address() as AddressInfo).port}/ebunsho`;
});
after(() => closeMock(mock));

const material = (name: VariantName) => ({ cert: fs.readFileSync(pki.variants[name].fullchainPath), key: fs.readFileSync(pki.variants[name].keyPath) });
const ca = () => pki.serverCa.certPem;

const REFUSED: [VariantName, string, number, string][] = [
  ['expired', 'certificate expired', 45, 'CERT_HAS_EXPIRED'],
  ['not-yet-valid', 'bad certificate', 42, 'CERT_NOT_YET_VALID'],
  ['revoked', 'certificate revoked', 44, 'CERT_REVOKED'],
  ['unknown-ca', 'unknown ca', 48, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  ['self-signed', 'unknown ca', 48, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
  ['server-auth-only', 'unsupported certificate', 43, 'INVALID_PURPOSE'],
  ['missing-intermediate', 'unknown ca', 48, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  ['rsa-1024', 'bad certificate', 42, 'EE_KEY_TOO_SMALL'],
  ['signing', 'unknown ca', 48, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
];

for (const [variant, alert, number, verifyError] of REFUSED) {
  test(`${variant}: refused in the handshake with "${alert}" (${number}), recorded as ${verifyError}`, async () => {
    const before = mock.ctx.state.tlsRefusals.length;
    await assert.rejects(tlsRequest(`${base}/UrlExclusive.do`, { ca: ca(), ...material(variant) }), new RegExp(`alert ${alert}:.*SSL alert number ${number}\\b`, 's'));
    const recorded = mock.ctx.state.tlsRefusals.slice(before);
    assert.deepEqual(
      recorded.map((r) => [r.fingerprint256, r.verifyError, r.alert]),
      [[pki.variants[variant].fingerprint256, verifyError, number]],
    );
  });
}

test('no certificate: refused with "handshake failure" (40), as OpenSSL does in TLS 1.2', async () => {
  await assert.rejects(tlsRequest(`${base}/UrlExclusive.do`, { ca: ca() }), /alert handshake failure:.*SSL alert number 40\b/s);
  assert.equal(mock.ctx.state.tlsRefusals.at(-1)?.verifyError, 'NO_CLIENT_CERTIFICATE');
});

test('a valid certificate of each chain shape gets the page over TLS 1.2, without ALPN', async () => {
  for (const name of ['valid-pub-ca1', 'valid-pub-ca8', 'valid-rsa-ca16'] as const) {
    const answer = await tlsRequest(`${base}/UrlExclusive.do`, { ca: ca(), ...material(name) });
    assert.equal(answer.status, 200, name);
    assert.equal(answer.protocol, 'TLSv1.2', name);
  }
  const socket = tls.connect({ host: '127.0.0.1', port: Number(new URL(base).port), ca: ca(), ...material('valid-pub-ca8'), ALPNProtocols: ['h2', 'http/1.1'] });
  const alpn = await new Promise<string | false>((resolve, reject) => {
    socket.once('secureConnect', () => resolve(socket.alpnProtocol ?? false));
    socket.once('error', reject);
  });
  socket.destroy();
  assert.equal(alpn, false, 'no ALPN: browsers then do not False Start and read the refusal in the handshake');
});

test('a client that insists on TLS 1.3 is refused (protocol version)', async () => {
  await assert.rejects(tlsRequest(`${base}/UrlExclusive.do`, { ca: ca(), ...material('valid-pub-ca8'), minVersion: 'TLSv1.3' }), /alert protocol version/);
});

test('a verified connection cannot renegotiate another certificate in (the site reads it once per connection)', async () => {
  const socket = tls.connect({ host: '127.0.0.1', port: Number(new URL(base).port), ca: ca(), ...material('valid-pub-ca8') });
  await new Promise<void>((resolve, reject) => {
    socket.once('secureConnect', resolve);
    socket.once('error', reject);
  });
  let renegotiated = false;
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise((resolve) => socket.once('close', resolve));
  socket.renegotiate({ rejectUnauthorized: true }, (error) => (renegotiated = !error));
  // The server meets the new handshake when it next reads: ask for a page.
  socket.write(`GET /ebunsho/UrlExclusive.do HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
  await closed;
  assert.equal(renegotiated, false, 'the renegotiation completed');
  assert.doesNotMatch(answer, /^HTTP\/1\.1 200/, 'a page was served after a renegotiation');
});

test('a resumed session is the certificate of its first handshake', async () => {
  const first = await tlsRequest(`${base}/UrlExclusive.do`, { ca: ca(), ...material('valid-pub-ca8') });
  assert.equal(first.resumed, false);
  assert.ok(first.session);
  const again = await tlsRequest(`${base}/UrlExclusive.do`, { ca: ca(), session: first.session });
  assert.equal(again.resumed, true);
  assert.equal(again.status, 200);
  // No certificate was sent on the resumed connection, yet the server still sees (and checks) it.
  assert.deepEqual(reachedHttp.at(-1), { authorized: true, fingerprint256: pki.variants['valid-pub-ca8'].fingerprint256 });
});

test('the alert table follows OpenSSL for the errors Node names, certificate_unknown otherwise', () => {
  assert.equal(alertFor('CERT_HAS_EXPIRED'), 45);
  assert.equal(alertFor('INVALID_PURPOSE'), 43);
  assert.equal(alertFor('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), 48);
  assert.equal(alertFor('SOMETHING_NEW'), 46);
});

test('no request on an unverified connection ever reached HTTP', () => {
  assert.ok(reachedHttp.length > 0);
  assert.ok(reachedHttp.every((r) => r.authorized && r.fingerprint256), JSON.stringify(reachedHttp));
});
