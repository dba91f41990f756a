/**
 * EG25-1-1 `データの間合せに失敗しました。`: the tool cannot reach webra2 (HTTPS) or repo1
 * (HTTP). The blocked network is real — a closed port, a connection reset at once, a host
 * that never answers — not a flag. Nothing is used up: once the network is fixed (the
 * guide's 【ご案内】) the same credentials fetch the certificate.
 */
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { test, expect } from '../../fixtures';
import { closedPort, resettingHost, silentHost, type BlockedHost } from '../../fixtures/import-tool';
import { importTool as m } from '../../messages';

type Host = 'webra2' | 'repo1';
const BLOCKS: { name: string; block: (scheme: 'http' | 'https') => Promise<BlockedHost>; reason: RegExp; timeoutMs?: number }[] = [
  { name: 'the port is closed', block: closedPort, reason: /ECONNREFUSED/ },
  { name: 'the connection is reset', block: resettingHost, reason: /ECONNRESET|UND_ERR_SOCKET/ },
  // Only the tool's own time limit ends this one; kept short so the run stays fast.
  { name: 'nothing answers', block: silentHost, reason: /TimeoutError/, timeoutMs: 1_500 },
];

for (const host of ['webra2', 'repo1'] as Host[]) {
  for (const { name, block, reason, timeoutMs } of BLOCKS) {
    test(`${host} blocked (${name}): データの間合せに失敗しました。, nothing used up @EG25-1-1 @destructive`, async ({ onboardingUser: user, importTool, admin }) => {
      const blocked = await block(host === 'webra2' ? 'https' : 'http');
      try {
        const outcome = await importTool({ [host]: blocked.url, timeoutMs }).run(user.userId, user.passwords.issuancePassword);
        expect(outcome.message).toBe(m.networkFailed);
        expect(outcome.ok ? '' : outcome.detail).toMatch(reason);
        const failed = outcome.exchanges.at(-1)!;
        expect(failed.url.startsWith(blocked.url)).toBe(true);
        expect(failed.step).toBe(host === 'webra2' ? 'login' : 'ca-certificate');
        expect(outcome.exchanges.map((e) => e.step)).not.toContain('certificate');
        expect(outcome.store.personal()).toEqual([]);
      } finally {
        await blocked.close();
      }
      expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });

      const retried = await importTool().run(user.userId, user.passwords.issuancePassword);
      expect(retried.message).toBeNull();
      expect(retried.store.personal()).toHaveLength(1);
    });
  }
}

test('webra2 presents a certificate the PC does not trust (an intercepting proxy): データの間合せに失敗しました。 @EG25-1-1 @destructive', async ({
  onboardingUser: user,
  importTool,
  admin,
  mintCertificate,
}) => {
  // A server certificate from a CA this PC does not trust, as an HTTPS-inspecting proxy shows.
  const { issued } = await mintCertificate({ eku: ['serverAuth'] });
  const server = tls.createServer({ cert: [issued.certPem, ...issued.chainPem].join(''), key: issued.keyPem }, (socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const outcome = await importTool({ webra2: `https://127.0.0.1:${port}` }).run(user.userId, user.passwords.issuancePassword);
    expect(outcome.message).toBe(m.networkFailed);
    expect(outcome.ok ? '' : outcome.detail).toMatch(/UNABLE_TO_GET_ISSUER_CERT_LOCALLY/);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', issuedSerial: null });
});
