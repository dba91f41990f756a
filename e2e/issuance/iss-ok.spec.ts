/**
 * ISS-OK: the browser issuance STEP1 → STEP4 for each chain shape the service has used
 * (PUB CA1 under RootCA1 in 2018, PUB CA8 under RootCA2 and RSA CA16 as its own root in
 * 2025), with the certificate checked like a user would and then used on the check page.
 * Sources: IM12 2-3, TJK 1), EG25 §2-1 8.
 */
import { test, expect, certificateFileToPem, readPkcs12 } from '../../fixtures';
import type { ChainName } from '../../certs/issue';
import { dialogsOf } from '../../pages/dialogs';
import { walkToStep2 } from '../../pages/issuance/walk';
import { IssuanceStep3Page } from '../../pages/issuance/step3-page';
import { IssuanceStep4Page } from '../../pages/issuance/step4-page';
import { CertificateCheckPage } from '../../pages/issuance/check-page';
import { issuance as t } from '../../messages';
import { expectLoginCertificate } from './certificate-checks';

const SHAPES: { chain: ChainName; keyBits: 1024 | 2048 }[] = [
  { chain: 'pub-ca1', keyBits: 2048 },
  { chain: 'pub-ca8', keyBits: 2048 },
  { chain: 'rsa-ca16', keyBits: 2048 },
];

for (const { chain, keyBits } of SHAPES) {
  test(`${chain}, ${keyBits} bit: STEP1-4, the issued certificate, the check page @ISS-OK @CERT-CHECK @destructive`, async ({
    page,
    provisionUser,
    admin,
    suiteConfig,
    openWithCertificate,
  }, testInfo) => {
    const user = await provisionUser({ chain });

    const step2 = await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
    await step2.chooseKeyLength(keyBits);
    const enrollment = page.waitForRequest((r) => r.url().endsWith('/scira/Step2.do') && r.method() === 'POST');
    await step2.issue();

    await test.step('only a certification request left the browser (the key pair stays on the PC)', async () => {
      const request = await enrollment;
      const body = request.postDataJSON() as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['csp', 'csr', 'keyLength', 'token']);
      expect(body.csp).toBe(t.csp);
      expect(body.keyLength).toBe(keyBits);
      expect(String(body.csr)).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
      expect(request.postData()).not.toMatch(/PRIVATE KEY/);
    });

    await test.step('the confirmations were the documented ones, answered はい', async () => {
      expect(dialogsOf(page).seen.map(({ type, message, answer }) => ({ type, message, answer }))).toEqual([
        { type: 'confirm', message: [t.webAccessConfirm, `${suiteConfig.urls.webra2}/scira/Step1.do`, t.webAccessLimit, t.webAccessQuestion].join('\n'), answer: 'accept' },
        { type: 'confirm', message: [t.requestConfirm, t.requestLimit, t.requestQuestion].join('\n'), answer: 'accept' },
      ]);
    });

    const step3 = new IssuanceStep3Page(page);
    await step3.expectShown();
    await step3.expectDocumentedTexts();
    const rootPath = testInfo.outputPath('root-ca.cer');
    await (await step3.downloadRootCa()).saveAs(rootPath);
    const p12Path = testInfo.outputPath('client.p12');
    await (await step3.installClientCertificate()).saveAs(p12Path);
    // IM12 2-3 ⑦: a completion dialog closed with OK; its wording is not in the documents (issuance.installDone is a decision).
    expect(dialogsOf(page).seen.at(-1)).toMatchObject({ type: 'alert' });

    const leaf = await test.step('the certificate: subject, issuer, chain to the root, key length, clientAuth, validity', async () => {
      const content = readPkcs12(p12Path, user.passwords.issuancePassword);
      expect(content.keyMatchesLeaf).toBe(true);
      // Valid at the user's time on the mock, which is what its servers check against.
      const at = new Date((await admin.user(user.userId)).clock.now);
      return expectLoginCertificate(content.leafPem, content.chainPem, certificateFileToPem(rootPath), { chain, keyBits, at });
    });

    await test.step('the application is used up by this certificate', async () => {
      const state = await admin.user(user.userId);
      expect(state.application).toMatchObject({ state: 'consumed', chain, issuedSerial: leaf.serialHex });
    });

    await step3.confirm();
    const step4 = new IssuanceStep4Page(page);
    await step4.expectShown();
    const checkUrl = await step4.checkPageUrl();
    expect(new URL(checkUrl).origin).toBe(new URL(suiteConfig.urls.webra1).origin);

    const withCertificate = await openWithCertificate({ label: `issued-${chain}`, pfxPath: p12Path, passphrase: user.passwords.issuancePassword });
    const check = new CertificateCheckPage(withCertificate);
    await check.open(checkUrl);
    await check.expectCertificateAccepted(String(leaf.subject.CN), leaf.issuerCN);
  });
}

/*
 * 1024 bit is offered because the documents show it (EG18 1-3, IM12 2-3 ③). The certificate
 * is issued as chosen; STEP4 is not repeated with it, because TLS at SECLEVEL=2 (the mock, as
 * current servers and browsers) refuses RSA-1024 client keys: that refusal is EG-2-1's
 * rsa-1024 case.
 */
test('pub-ca8, 1024 bit (the EG18 screenshot): the certificate is issued with the chosen key length @ISS-OK @destructive', async ({
  page,
  provisionUser,
  admin,
}, testInfo) => {
  const user = await provisionUser({ chain: 'pub-ca8' });
  const step2 = await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
  await step2.chooseKeyLength(1024);
  await step2.issue();
  const step3 = new IssuanceStep3Page(page);
  await step3.expectShown();
  const rootPath = testInfo.outputPath('root-ca.cer');
  await (await step3.downloadRootCa()).saveAs(rootPath);
  const p12Path = testInfo.outputPath('client-1024.p12');
  await (await step3.installClientCertificate()).saveAs(p12Path);
  const content = readPkcs12(p12Path, user.passwords.issuancePassword);
  const at = new Date((await admin.user(user.userId)).clock.now);
  const leaf = await expectLoginCertificate(content.leafPem, content.chainPem, certificateFileToPem(rootPath), { chain: 'pub-ca8', keyBits: 1024, at });
  expect((await admin.user(user.userId)).application.issuedSerial).toBe(leaf.serialHex);
});
