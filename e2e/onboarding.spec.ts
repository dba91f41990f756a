/**
 * The happy onboarding journey, end to end: the two mails → issuance STEP1-4 → the issued
 * certificate checked like a user would → signup with that certificate → login →
 * サービスTOP. Sources: TJK 1)-3), IM12 §2-4.
 */
import { test, expect, certificateFileToPem, readPkcs12 } from '../fixtures';
import { expectLoginCertificate } from './issuance/certificate-checks';
import { mail as mailTexts } from '../messages';
import { EBUNSHO_SENDER } from './mail-rules';
import { walkToStep2 } from '../pages/issuance/walk';
import { IssuanceStep3Page } from '../pages/issuance/step3-page';
import { CertificateCheckPage, IssuanceStep4Page } from '../pages/issuance/step4-page';
import { SignupPage } from '../pages/ebunsho/signup-page';
import { LoginPage } from '../pages/ebunsho/login-page';
import { ServiceTopPage } from '../pages/ebunsho/service-top-page';

/** TJK メール①'s first line: TJK's name on the mock (which plays TJK); on a real environment, whoever issues. */
const issuingOrganisation = (target: string) => (target === 'mock' ? mailTexts.tjkOrganisation : expect.any(String));

test.describe('onboarding journey', () => {
  test('a new user reads the two mails, installs the certificate, signs up and logs in @MAIL-REG @MAIL-PW @ISS-OK @SIGNUP-OK @LOGIN-OK @destructive', async ({
    page,
    onboardingUser: user,
    openWithCertificate,
    suiteConfig,
  }, testInfo) => {
    await test.step('the two mails carry the user ID, the URLs and the passwords', async () => {
      // The subjects and the recipient are how the fixture found the two mails; asserted here is
      // what that query does not imply: sender, body values, the URLs' parts.
      for (const mail of [user.mails.registration, user.mails.password]) expect(mail.from).toMatch(EBUNSHO_SENDER);
      expect(user.registration.passwordsInOtherMail).toBe(true);
      const issuance = new URL(user.registration.issuanceUrl);
      expect(issuance.pathname).toBe('/scira/Entrance.jsp');
      // TJK メール① / IM12 2-3 ①: Entrance.jsp?p1=…&p2=…&p3=… — three non-empty parts.
      expect([...issuance.searchParams.keys()].sort()).toEqual(['p1', 'p2', 'p3']);
      for (const part of ['p1', 'p2', 'p3']) expect(issuance.searchParams.get(part), part).toMatch(/^[0-9A-Za-z]+$/);
      const signup = new URL(user.registration.signupUrl);
      expect(signup.pathname).toBe('/ebunsho/SignUp.do');
      expect(signup.searchParams.get('cd'), 'the signup code (TJK メール① SignUp.do?cd=…)').toMatch(/^\d+$/);
      expect(new URL(user.registration.loginUrl).pathname).toBe('/ebunsho/UrlExclusive.do');
      // TJK メール①: the first line is the issuing organisation (the mock plays TJK's), not the recipient's company.
      expect(user.registration.sender).toEqual(issuingOrganisation(suiteConfig.target));
      expect(user.passwords.userId).toBe(user.registration.userId);
    });

    const step2 = await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
    await step2.chooseKeyLength(2048);
    await step2.issue();

    const step3 = new IssuanceStep3Page(page);
    await step3.expectShown();
    const rootDownload = await step3.downloadRootCa();
    const rootPath = testInfo.outputPath('root-ca.cer');
    await rootDownload.saveAs(rootPath);
    const p12Download = await step3.installClientCertificate();
    const p12Path = testInfo.outputPath('client.p12');
    await p12Download.saveAs(p12Path);

    const issued = await test.step('the issued certificate: subject, issuer, chain, key length, purpose, validity', async () => {
      const content = readPkcs12(p12Path, user.passwords.issuancePassword);
      expect(content.keyMatchesLeaf).toBe(true);
      await expectLoginCertificate(content.leafPem, content.chainPem, certificateFileToPem(rootPath), { chain: 'pub-ca8', keyBits: 2048 });
      return content;
    });

    await step3.confirm();
    const step4 = new IssuanceStep4Page(page);
    await step4.expectShown();
    const checkUrl = await step4.checkPageUrl();

    const certPage = await openWithCertificate({ label: 'issued', pfxPath: p12Path, passphrase: user.passwords.issuancePassword });
    const check = new CertificateCheckPage(certPage);
    await check.open(checkUrl);
    await check.expectCertificateAccepted(String(issued.leaf.subject.CN));

    const signup = new SignupPage(certPage);
    await signup.open(user.registration.signupUrl);
    await signup.expectShown();
    await signup.signUp(user.userId, user.passwords.loginPassword);
    await signup.expectCompleted();
    await signup.goToLogin();

    const login = new LoginPage(certPage);
    await login.expectShown();
    await login.logIn(user.userId, user.passwords.loginPassword);
    await new ServiceTopPage(certPage).expectShown();
  });
});
