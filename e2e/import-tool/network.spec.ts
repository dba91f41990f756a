/**
 * EG25-1-1 `データの間合せに失敗しました。`: the import tool cannot reach webra2 (HTTPS) or repo1
 * (HTTP). Here the service's own host is really unreachable: the suite's model of the tool
 * (import-tool/model.ts) is pointed at the mock host on a port where nothing listens,
 * so the connection is refused by that host — no stand-in server of the suite answers. The
 * verdict is on what happened on the wire (no answer at all: no HTTP status, ECONNREFUSED)
 * and on the service's state (nothing used up: the same credentials then fetch the
 * certificate, the guide's 【ご案内】). How the model maps resets, silence and untrusted TLS to
 * the message is suite code, unit-tested in tests/unit/import-tool-model.test.ts.
 */
import { test, expect, closedPort } from '../../fixtures';
import { importTool } from '../../messages';

// Per host: its scheme, the tool's exchange that meets the closed port, and what the tool got before it.
const HOSTS: { host: 'webra2' | 'repo1'; scheme: 'https' | 'http'; failsAt: string; answeredBefore: object[] }[] = [
  { host: 'webra2', scheme: 'https', failsAt: 'login', answeredBefore: [] },
  { host: 'repo1', scheme: 'http', failsAt: 'ca-certificate', answeredBefore: [{ step: 'login', status: 200, result: 'OK' }] },
];

for (const { host, scheme, failsAt, answeredBefore } of HOSTS) {
  test(`${host} unreachable (the mock host refuses the connection): データの間合せに失敗しました。, nothing used up @EG25-1-1 @destructive`, async ({
    onboardingUser: user,
    importToolModel,
    admin,
    suiteConfig,
  }) => {
    test.skip(suiteConfig.target !== 'mock', 'closing a port of the service host is only possible on the mock host');
    const real = new URL(suiteConfig.urls[host]);
    const blocked = await closedPort(scheme, real.hostname.replace(/^\[|\]$/g, ''));
    const outcome = await importToolModel({ [host]: blocked.url }).run(user.userId, user.passwords.issuancePassword);

    await test.step('no server answered: the connection was refused', async () => {
      const last = outcome.exchanges.at(-1)!;
      expect(last.step).toBe(failsAt);
      expect(last.url.startsWith(blocked.url)).toBe(true);
      expect(last.status, 'no HTTP answer').toBeUndefined();
      expect(last.error).toMatch(/ECONNREFUSED/);
      expect(outcome.exchanges.map((e) => e.step), 'no certification request left the PC').not.toContain('certificate');
      expect(outcome.exchanges.slice(0, answeredBefore.length)).toMatchObject(answeredBefore);
      expect(outcome.message, "the model's message for it").toBe(importTool.networkFailed);
      expect(outcome.store.personal()).toEqual([]);
    });

    expect((await admin.user(user.userId)).application, 'nothing used up').toMatchObject({ state: 'approved', issuedSerial: null });
    const retried = await importToolModel().run(user.userId, user.passwords.issuancePassword);
    expect(retried.exchanges.map((e) => [e.step, e.status]).at(-1)).toEqual(['certificate', 200]);
    expect(retried.store.personal()).toHaveLength(1);
  });
}
