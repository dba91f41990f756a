/**
 * The suite's model of the import tool (import-tool/model.ts) against stand-in
 * servers made here: how it maps what it met on the network to EG25-1-1's
 * データの間合せに失敗しました。. This exercises only suite code (no mock), which is why it is a
 * unit test and carries no catalogue ID; the e2e spec for EG25-1-1 points the model at the
 * mock's own host (e2e/import-tool/network.spec.ts).
 *
 * Run: node --import tsx --test tests/unit/import-tool-model.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { after, describe, test } from 'node:test';
import forge from 'node-forge';
import { ImportToolModel } from '../../import-tool/model';
import { closedPort, type BlockedHost } from '../../import-tool/faults';
import { Secret } from '../../fixtures/secret';
import { importTool } from '../../messages';

const stores = fs.mkdtempSync(path.join(os.tmpdir(), 'import-tool-model-'));
after(() => fs.rmSync(stores, { recursive: true, force: true }));
let n = 0;
const model = (hosts: { webra2: string; repo1: string }, timeoutMs?: number) =>
  new ImportToolModel({ ...hosts, storeDir: path.join(stores, String(++n)), timeoutMs });
const password = new Secret('abc12345', '認証情報パスワード');

/** The connection opens and is reset at once (a proxy or firewall aborting it). */
const resettingHost = (scheme: 'http' | 'https') => listening(scheme, (socket) => socket.resetAndDestroy());
/** The connection opens and nothing ever answers (a DROP rule): only the model's timeout ends it. */
const silentHost = (scheme: 'http' | 'https') => listening(scheme, () => undefined);

async function listening(scheme: 'http' | 'https', onSocket: (s: net.Socket) => void): Promise<BlockedHost> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A stand-in webra2 whose login succeeds and names one CA file on repo1 (to reach the repo1 step). */
async function loginOkWebra2(): Promise<BlockedHost> {
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ result: 'OK', ticket: 't'.repeat(32), caCertificates: [{ path: '/ca/root.cer', store: 'root' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** An HTTPS server with a self-signed certificate this PC does not trust (an intercepting proxy). */
async function untrustedTls(): Promise<BlockedHost> {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 3_600_000);
  cert.setSubject([{ name: 'commonName', value: '127.0.0.1' }]);
  cert.setIssuer([{ name: 'commonName', value: '127.0.0.1' }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const server = tls.createServer({ cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(keys.privateKey) }, (s) => s.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `https://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('the import-tool model maps an unreachable host to データの間合せに失敗しました。', () => {
  const blocks: { name: string; block: (scheme: 'http' | 'https') => Promise<BlockedHost>; reason: RegExp; timeoutMs?: number }[] = [
    { name: 'the port is closed', block: closedPort, reason: /ECONNREFUSED/ },
    { name: 'the connection is reset', block: resettingHost, reason: /ECONNRESET|UND_ERR_SOCKET/ },
    { name: 'nothing answers', block: silentHost, reason: /TimeoutError/, timeoutMs: 500 },
  ];
  for (const { name, block, reason, timeoutMs } of blocks) {
    test(`webra2: ${name}`, async () => {
      const blocked = await block('https');
      try {
        const outcome = await model({ webra2: blocked.url, repo1: 'http://127.0.0.1:9' }, timeoutMs).run('1234567', password);
        assert.equal(outcome.message, importTool.networkFailed);
        assert.match(outcome.ok ? '' : outcome.detail, reason);
        assert.deepEqual(outcome.exchanges.map((e) => [e.step, e.status]), [['login', undefined]]);
        assert.deepEqual(outcome.store.personal(), []);
      } finally {
        await blocked.close();
      }
    });

    test(`repo1: ${name} — no certificate request is sent`, async () => {
      const webra2 = await loginOkWebra2();
      const blocked = await block('http');
      try {
        const outcome = await model({ webra2: webra2.url, repo1: blocked.url }, timeoutMs).run('1234567', password);
        assert.equal(outcome.message, importTool.networkFailed);
        assert.match(outcome.ok ? '' : outcome.detail, reason);
        assert.deepEqual(outcome.exchanges.map((e) => e.step), ['login', 'ca-certificate']);
        assert.ok(outcome.exchanges[1].url.startsWith(blocked.url));
      } finally {
        await blocked.close();
        await webra2.close();
      }
    });
  }

  test('webra2 presents a certificate the PC does not trust', async () => {
    const proxy = await untrustedTls();
    try {
      const outcome = await model({ webra2: proxy.url, repo1: 'http://127.0.0.1:9' }).run('1234567', password);
      assert.equal(outcome.message, importTool.networkFailed);
      assert.match(outcome.ok ? '' : outcome.detail, /SELF_SIGNED|UNABLE_TO_GET_ISSUER|UNABLE_TO_VERIFY/);
    } finally {
      await proxy.close();
    }
  });
});
