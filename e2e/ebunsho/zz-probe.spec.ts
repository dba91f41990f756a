import { test } from '../../fixtures';
import { loadPkiSync } from '../../certs/store';
const names = ['expired','not-yet-valid','revoked','unknown-ca','self-signed','server-auth-only','missing-intermediate','rsa-1024','valid-pub-ca1'] as const;
for (const n of names) {
  test(`probe ${n}`, async ({ openWithCertificate, suiteConfig }) => {
    const pki = loadPkiSync({ dir: suiteConfig.pkiDir });
    const v = pki.variants[n];
    const page = await openWithCertificate({ label: n, certPath: v.fullchainPath, keyPath: v.keyPath });
    const r = await page.goto(suiteConfig.urls.ds + '/ebunsho/UrlExclusive.do');
    console.log(n, r?.status(), JSON.stringify((await page.locator('body').innerText()).slice(0, 300)));
  });
}
test('probe none', async ({ page, suiteConfig }) => {
  try { await page.goto(suiteConfig.urls.ds + '/ebunsho/UrlExclusive.do'); } catch (e) { console.log('none', String(e).split('\n')[0]); }
});
