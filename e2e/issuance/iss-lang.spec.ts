/**
 * ISS-LANG: the `English` link of the issuance site (IM12 / TJK / EG18 screenshots show
 * "Japanese English"): the same STEP1 → STEP4 in English, the documented answers in English,
 * and the way back to Japanese.
 */
import { test, expect, readPkcs12 } from '../../fixtures';
import { issuance, issuanceEn as en } from '../../messages';
import { dialogsOf } from '../../pages/dialogs';
import { IssuanceStep1Page } from '../../pages/issuance/step1-page';
import { IssuanceStep2Page } from '../../pages/issuance/step2-page';
import { IssuanceStep3Page } from '../../pages/issuance/step3-page';
import { IssuanceStep4Page } from '../../pages/issuance/step4-page';
import { CertificateCheckPage } from '../../pages/issuance/check-page';
import { IssuanceMessagePage } from '../../pages/issuance/message-page';

test('the English link runs STEP1 to STEP4 in English @ISS-LANG @ISS-OK @destructive', async ({ page, onboardingUser: user, suiteConfig, openWithCertificate }, testInfo) => {
  const japanese = new IssuanceStep1Page(page);
  await japanese.open(user.registration.issuanceUrl);
  await japanese.expectShown();
  // The page's language is on <html>, whose role is document.
  await expect(page.getByRole('document')).toHaveAttribute('lang', 'ja');

  const step1 = await japanese.switchToEnglish();
  await step1.expectShown();
  await expect(page.getByRole('document')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('listitem')).toHaveText([en.step1Title, en.step2Title, en.step3Title, en.step4Title]);
  // The per-user URL is kept: the switch only changes the language.
  await expect(page).toHaveURL(user.registration.issuanceUrl);

  await step1.submitPassword(user.passwords.loginPassword, 'none');
  await step1.expectError(en.authFailed);

  await step1.submitPassword(user.passwords.issuancePassword);
  const step2 = new IssuanceStep2Page(page, 'en');
  await step2.expectShown();
  await step2.expectCspOffered();
  await expect(step2.helpIntro).toBeVisible();
  await step2.issue();

  const step3 = new IssuanceStep3Page(page, 'en');
  await step3.expectShown();
  const p12Path = testInfo.outputPath('client.p12');
  await (await step3.installClientCertificate()).saveAs(p12Path);
  expect(dialogsOf(page).seen.map((d) => d.message)).toEqual([
    [en.webAccessConfirm, `${suiteConfig.urls.webra2}/scira/Step1.do`, en.webAccessLimit, en.webAccessQuestion].join('\n'),
    [en.requestConfirm, en.requestLimit, en.requestQuestion].join('\n'),
    [en.webAccessConfirm, `${suiteConfig.urls.webra2}/scira/Step1.do`, en.webAccessLimit, en.webAccessQuestion].join('\n'),
    en.installDone,
  ]);
  await step3.confirm();

  const step4 = new IssuanceStep4Page(page, 'en');
  await step4.expectShown();
  const leaf = readPkcs12(p12Path, user.passwords.issuancePassword).leaf;
  const check = new CertificateCheckPage(await openWithCertificate({ label: 'issued-en', pfxPath: p12Path, passphrase: user.passwords.issuancePassword }));
  await check.open(await step4.checkPageUrl());
  await check.expectCertificateAccepted(String(leaf.subject.CN));
});

test('answers follow the chosen language, and the Japanese link switches back @ISS-LANG', async ({ page, onboardingUser: user }) => {
  const ja = new IssuanceStep1Page(page);
  await ja.open(user.registration.issuanceUrl);
  await ja.switchToEnglish();

  // A link that matches no application (one character of p3 changed) answers in English.
  const url = new URL(user.registration.issuanceUrl);
  const p3 = url.searchParams.get('p3')!;
  url.searchParams.set('p3', p3.slice(0, -1) + (p3.endsWith('0') ? '1' : '0'));
  await page.goto(url.toString());
  const englishMessage = new IssuanceMessagePage(page, 'en');
  await englishMessage.expectMessage(en.noValidApplication);

  await page.getByRole('link', { name: en.japanese, exact: true }).click();
  await new IssuanceMessagePage(page).expectMessage(issuance.noValidApplication);
  await expect(page.getByRole('document')).toHaveAttribute('lang', 'ja');

  await ja.open(user.registration.issuanceUrl);
  await ja.expectShown();
  await expect(ja.englishLink).toBeVisible();
});
