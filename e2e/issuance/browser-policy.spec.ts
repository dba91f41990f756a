/**
 * EG18-1-1 `未対応のブラウザです。`: the 2018 site served Internet Explorer only (browser
 * policy "legacy"). Another browser is turned away at the URL and at STEP1, and nothing is
 * used up; IE 11 is served.
 */
import { test, expect } from '../../fixtures';
import { issuance as t } from '../../messages';
import { IssuanceMessagePage } from '../../pages/issuance/message-page';
import { IssuanceStep1Page } from '../../pages/issuance/step1-page';
import { walkToStep2 } from '../../pages/issuance/walk';
import { postStep1 } from './step1-post';

const IE11 = 'Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko';

test.describe('legacy site (IE only)', () => {
  test('Chrome is told the browser is not supported, at the URL and at STEP1 @EG18-1-1', async ({ page, provisionUser, admin, suiteConfig }) => {
    const user = await provisionUser({ browserPolicy: 'legacy' });
    await new IssuanceStep1Page(page).open(user.registration.issuanceUrl);
    await new IssuanceMessagePage(page).expectMessage(t.unsupportedBrowser);
    await expect(page.getByLabel(t.passwordLabel)).toHaveCount(0);

    // A browser that posts STEP1 anyway (a bookmarked form) gets the same answer.
    const res = await postStep1(page.request, suiteConfig.urls.webra2, user.registration.issuanceUrl, user.passwords.issuancePassword);
    expect(res.status()).toBeLessThan(500);
    expect(await res.text()).toContain(t.unsupportedBrowser);
    expect(await res.text()).not.toContain(t.step2Title);

    expect((await admin.user(user.userId)).application).toMatchObject({ state: 'approved', browserPolicy: 'legacy', issuedSerial: null });
  });

  test.describe('with Internet Explorer 11', () => {
    test.use({ userAgent: IE11 });

    test('IE 11 is served STEP1 and STEP2 @EG18-1-1', async ({ page, provisionUser }) => {
      const user = await provisionUser({ browserPolicy: 'legacy' });
      await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
    });
  });

  test('when the policy allows every browser, Chrome is served @EG18-1-1', async ({ page, provisionUser, admin }) => {
    const user = await provisionUser({ browserPolicy: 'legacy' });
    await new IssuanceStep1Page(page).open(user.registration.issuanceUrl);
    await new IssuanceMessagePage(page).expectMessage(t.unsupportedBrowser);
    await admin.update(user.userId, { browserPolicy: 'any' });
    await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
  });
});
