/**
 * Trust without blanket ignoring: a wrong CA and a hostname mismatch are refused with a clear
 * message (config/trust-check.ts, the run's globalSetup), the right CA for the right name is
 * accepted, and the browser's run-private NSS DB holds exactly the CA it was given.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { loadPkiSync } from '../../certs/store';
import { checkServerTrust } from '../../config/trust-check';
import { browserTrustHome, listTrusted } from '../../config/browser-trust';
import { splitPemBundle } from '../../certs/pem';
import { config } from '../../config/env';

const pki = loadPkiSync({ dir: config.pkiDir });
let server: tls.Server;
let port = 0;

before(async () => {
  // The mock's server certificate: issued by its server CA for localhost / 127.0.0.1.
  server = tls.createServer({ cert: pki.server.certPem, key: pki.server.keyPem }, (s) => s.end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
after(() => server.close());

test('the right CA and the certificate\'s own name: trusted', async () => {
  assert.equal(await checkServerTrust(`https://localhost:${port}/`, { ca: [pki.serverCa.certPem] }), undefined);
});

test('a wrong CA fails with a message naming the host and STAGING_CA_FILE', async () => {
  const wrong = pki.chains['pub-ca8'].root.certPem;
  const problem = await checkServerTrust(`https://localhost:${port}/`, { ca: [wrong] });
  assert.ok(problem);
  assert.match(problem.message, /^localhost:\d+: the server certificate is not trusted \(\w+\) — STAGING_CA_FILE must name the CA/);
  // No CA at all (only the system's): refused too.
  assert.match((await checkServerTrust(`https://localhost:${port}/`))!.message, /not trusted/);
});

test('a name the certificate does not carry fails as a hostname mismatch, even with the right CA', async () => {
  const problem = await checkServerTrust(`https://webra2.elsewhere.test:${port}/`, { ca: [pki.serverCa.certPem], resolve: '*.elsewhere.test=127.0.0.1' });
  assert.ok(problem);
  assert.match(problem.message, /hostname mismatch — the server certificate does not name "webra2\.elsewhere\.test"/);
});

test('the browser home trusts exactly the given CA, as a TLS server CA ("C,,")', () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'trust-test-'));
  try {
    const { home, env } = browserTrustHome(splitPemBundle(pki.serverCa.certPem), parent);
    assert.equal(env.HOME, home);
    assert.equal(env.XDG_DATA_HOME, path.join(home, '.local', 'share'));
    assert.equal(fs.realpathSync(path.join(home, '.pki', 'nssdb')), fs.realpathSync(path.join(home, '.local', 'share', 'pki', 'nssdb')));
    const listed = listTrusted(home);
    assert.match(listed, /run-ca-0\s+C,,/);
    assert.equal(listed.match(/run-ca-/g)?.length, 1);
    // Same CAs: the same home is reused (workers, reruns).
    assert.equal(browserTrustHome(splitPemBundle(pki.serverCa.certPem), parent).home, home);
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
});
