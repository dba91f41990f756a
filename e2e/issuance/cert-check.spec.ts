/**
 * CERT-CHECK: the certificate check page (webra1 /scira/doc/pfm20pub/index.html), STEP4 of
 * IM12 / TJK and EG25 §2-1 6. It shows the certificate the browser presented for each chain
 * shape, and it cannot be shown at all without one.
 */
import { test, expect } from '../../fixtures';
import type { ChainName } from '../../certs/issue';
import { CertificateCheckPage } from '../../pages/issuance/check-page';
import { issuance as t } from '../../messages';

const CHECK_PAGE = '/scira/doc/pfm20pub/index.html';

for (const chain of ['pub-ca1', 'pub-ca8', 'rsa-ca16'] as ChainName[]) {
  test(`${chain}: the check page confirms the presented certificate @CERT-CHECK`, async ({ mintCertificate, openWithCertificate, suiteConfig }) => {
    const certificate = await mintCertificate({ chain });
    const check = new CertificateCheckPage(await openWithCertificate(certificate));
    await check.open(`${suiteConfig.urls.webra1}${CHECK_PAGE}`);
    await check.expectCertificateAccepted(certificate.issued.subjectCN, certificate.issued.issuerCN);
    await expect(check.row(t.checkSerial).getByRole('cell')).toHaveText(certificate.issued.serialHex);
  });
}

test('without a client certificate the check page cannot be shown @CERT-CHECK', async ({ page, suiteConfig }) => {
  // Chromium's own answer when the server insists on a certificate it was not given.
  await expect(page.goto(`${suiteConfig.urls.webra1}${CHECK_PAGE}`)).rejects.toThrow(/ERR_BAD_SSL_CLIENT_AUTH_CERT/);
});
