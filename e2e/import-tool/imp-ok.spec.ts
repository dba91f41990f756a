/**
 * IMP-OK (EG25 §1, 2025 flow): the import tool fetches the certificate with the user ID and
 * the 認証情報パスワード from webra2 (HTTPS) and the CA certificates from repo1 (HTTP). The
 * user then checks it as EG25 "■インポートされた証明書を確認する手順" and §2-1 8. describe —
 * 個人 tab: the certificate, issuer the CA; 中間証明機関 / 信頼されたルート証明機関: the CA
 * certificates — and signs up and logs in to エコ文書 with it.
 */
import { test, expect, expectedIssuerPath } from '../../fixtures';
import type { ChainName } from '../../certs/issue';
import { SignupPage } from '../../pages/ebunsho/signup-page';
import { LoginPage } from '../../pages/ebunsho/login-page';
import { ServiceTopPage } from '../../pages/ebunsho/service-top-page';
import { CertificateCheckPage } from '../../pages/issuance/check-page';
import { expectLoginCertificate } from '../issuance/certificate-checks';

for (const chain of ['pub-ca1', 'pub-ca8', 'rsa-ca16'] as ChainName[]) {
  test(`${chain}: the tool imports the certificate, which opens エコ文書 @IMP-OK @CERT-CHECK @destructive`, async ({
    provisionUser,
    importToolModel,
    admin,
    openWithCertificate,
    suiteConfig,
  }) => {
    const user = await provisionUser({ chain });
    const tool = importToolModel();
    const outcome = await tool.run(user.userId, user.passwords.issuancePassword);
    expect(outcome.message).toBeNull();
    expect(outcome.exchanges.map((e) => [e.step, new URL(e.url).protocol, e.status])).toEqual([
      ['login', 'https:', 200],
      ...(chain === 'rsa-ca16' ? [] : [['ca-certificate', 'http:', 200]]),
      ['ca-certificate', 'http:', 200],
      ['certificate', 'https:', 200],
    ]);

    const issuers = expectedIssuerPath(chain);
    const personal = await test.step('個人 tab: one certificate, issued by the CA, valid now', async () => {
      const certs = tool.store.personal();
      expect(certs).toHaveLength(1);
      return certs[0];
    });
    await test.step('信頼されたルート証明機関 / 中間証明機関: the CA certificates of the chain', async () => {
      expect(tool.store.roots().map((c) => c.parsed.subject.CN)).toEqual([issuers.at(-1)]);
      expect(tool.store.intermediates().map((c) => c.parsed.subject.CN)).toEqual(issuers.slice(0, -1));
      const at = new Date((await admin.user(user.userId)).clock.now);
      await expectLoginCertificate(personal.pem, tool.store.intermediates().map((c) => c.pem), tool.store.roots()[0].pem, { chain, keyBits: 2048, at });
    });
    expect((await admin.user(user.userId)).application).toMatchObject({ state: 'consumed', chain, issuedSerial: personal.parsed.serialHex });

    const page = await openWithCertificate(tool.store.clientCertificate(personal));
    const check = new CertificateCheckPage(page);
    await check.open(`${suiteConfig.urls.webra1}/scira/doc/pfm20pub/index.html`);
    await check.expectCertificateAccepted(String(personal.parsed.subject.CN), personal.parsed.issuerCN);

    const signup = new SignupPage(page);
    await signup.open(user.registration.signupUrl);
    await signup.signUp(user.userId, user.passwords.loginPassword);
    await signup.expectCompleted();
    await signup.goToLogin();
    const login = new LoginPage(page);
    await login.expectShown();
    await login.logIn(user.userId, user.passwords.loginPassword);
    await new ServiceTopPage(page).expectShown();
  });
}
