/**
 * EG-2-1 「このページは表示できません。」/「このページに安全に接続できません。」 (EG25/EG18 2-1): the
 * certificate host refuses the connection in the TLS handshake when the certificate is
 * missing or not acceptable. Each case asserts the precise reason twice: as the client sees
 * it (the TLS alert, in OpenSSL's words) and as the server recorded it (its verify error).
 */
import { test, expect, clientCertificatePem, type MockAdmin } from '../../fixtures';
import type { VariantName } from '../../certs/definition';
import { loadPkiSync } from '../../certs/store';
import { ConnectionRefusedPage } from '../../pages/ebunsho/connection-refused-page';
import { LoginPage } from '../../pages/ebunsho/login-page';
import { variantCertificate } from './support';
import { sessionCookie, tlsRequest } from './tls-client';

interface Refusal {
  variant: VariantName;
  what: string;
  /** The alert as OpenSSL names it on the client, and its number (RFC 5246 7.2). */
  alert: string;
  alertNumber: number;
  /** The server's verify error behind it. */
  verifyError: string;
}

/** The alerts are those an OpenSSL server sends for these verify errors (ssl_x509err2alert). */
const REFUSALS: Refusal[] = [
  { variant: 'expired', what: 'an expired certificate', alert: 'certificate expired', alertNumber: 45, verifyError: 'CERT_HAS_EXPIRED' },
  { variant: 'not-yet-valid', what: 'a certificate not yet valid', alert: 'bad certificate', alertNumber: 42, verifyError: 'CERT_NOT_YET_VALID' },
  { variant: 'revoked', what: 'a certificate on the CA\'s CRL', alert: 'certificate revoked', alertNumber: 44, verifyError: 'CERT_REVOKED' },
  { variant: 'unknown-ca', what: 'a certificate of an untrusted CA', alert: 'unknown ca', alertNumber: 48, verifyError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
  { variant: 'self-signed', what: 'a self-signed certificate', alert: 'unknown ca', alertNumber: 48, verifyError: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
  { variant: 'server-auth-only', what: 'a certificate for server authentication only (wrong purpose)', alert: 'unsupported certificate', alertNumber: 43, verifyError: 'INVALID_PURPOSE' },
  { variant: 'missing-intermediate', what: 'a PUB CA8 certificate without its intermediate', alert: 'unknown ca', alertNumber: 48, verifyError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
  { variant: 'rsa-1024', what: 'a certificate with an RSA 1024-bit key', alert: 'bad certificate', alertNumber: 42, verifyError: 'EE_KEY_TOO_SMALL' },
];

/** The newest refusal number, to ask only for the refusals a step causes. */
async function lastRefusal(admin: MockAdmin): Promise<number> {
  return (await admin.tlsRefusals()).reduce((max, r) => Math.max(max, r.seq), 0);
}

test.describe('証明書のエラー (EG-2-1)', () => {
  test('without a certificate the browser cannot open the login page: ERR_BAD_SSL_CLIENT_AUTH_CERT @EG-2-1', async ({ onboardingUser: user, page, admin }) => {
    const before = await lastRefusal(admin);
    const login = new LoginPage(page);
    await expect(login.open(user.registration.loginUrl)).rejects.toThrow(/net::ERR_BAD_SSL_CLIENT_AUTH_CERT/);
    const refusals = await admin.tlsRefusals({ fingerprint: 'none', after: before });
    expect(refusals.length, 'the server refused a handshake without a certificate').toBeGreaterThan(0);
    expect(refusals.every((r) => r.verifyError === 'NO_CLIENT_CERTIFICATE' && r.alertName === 'handshake failure')).toBe(true);
  });

  for (const refusal of REFUSALS) {
    test(`${refusal.what} is refused in the handshake: "${refusal.alert}" @EG-2-1`, async ({ onboardingUser: user, openWithCertificate, suiteConfig, admin }) => {
      const certificate = variantCertificate(suiteConfig.pkiDir, refusal.variant);
      const before = await lastRefusal(admin);
      const page = await openWithCertificate(certificate);
      const response = await page.goto(user.registration.loginUrl);
      await new ConnectionRefusedPage(page).expectHandshakeAlert(response, refusal.alert, refusal.alertNumber);
      await expect(new LoginPage(page).heading).toHaveCount(0);

      const seen = await admin.tlsRefusals({ fingerprint: certificate.fingerprint256, after: before });
      expect(seen.map((r) => [r.verifyError, r.alert])).toContainEqual([refusal.verifyError, refusal.alertNumber]);
    });
  }

  test('the signup URL is behind the same check @EG-2-1 @SIGNUP-OK', async ({ onboardingUser: user, openWithCertificate, suiteConfig }) => {
    test.skip(suiteConfig.target !== 'mock', 'needs the test PKI (a revoked certificate of the mock\'s own CA)');
    const page = await openWithCertificate(variantCertificate(suiteConfig.pkiDir, 'revoked'));
    const response = await page.goto(user.registration.signupUrl);
    await new ConnectionRefusedPage(page).expectHandshakeAlert(response, 'certificate revoked', 44);
  });

  test('a resumed TLS session still identifies its certificate, and the certificate is checked on every request @EG-2-1', async ({
    signedUpUser: { user, certificate },
    mintCertificate,
    suiteConfig,
  }) => {
    // The mock's own server CA and a minted second certificate: the test PKI.
    test.skip(suiteConfig.target !== 'mock', 'minting certificates needs the test PKI (TARGET=mock)');
    const ca = loadPkiSync({ dir: suiteConfig.pkiDir }).serverCa.certPem;
    const own = clientCertificatePem(certificate);
    const loginUrl = user.registration.loginUrl;
    const at = (path: string) => new URL(path, loginUrl).href;

    const login = await test.step('log in over a full handshake', async () => {
      const answer = await tlsRequest(loginUrl, {
        ca,
        ...own,
        method: 'POST',
        form: { userId: user.userId, password: user.passwords.loginPassword.reveal() },
      });
      expect(answer).toMatchObject({ status: 303, resumed: false, protocol: 'TLSv1.2' });
      expect(answer.session, 'the server offers a session to resume').toBeDefined();
      return answer;
    });
    const cookie = sessionCookie(login);

    await test.step('resume that session without sending any certificate: the server still knows it', async () => {
      const answer = await tlsRequest(at('/ebunsho/LoginCert.do'), { ca, session: login.session, cookie });
      expect(answer.resumed).toBe(true);
      expect(answer.status).toBe(200);
      expect(answer.body).toContain(certificate.issued.fingerprint256);
    });

    await test.step("another certificate's resumed session with this user's cookie opens nothing", async () => {
      const other = await mintCertificate();
      const first = await tlsRequest(loginUrl, { ca, ...clientCertificatePem(other) });
      const answer = await tlsRequest(at('/ebunsho/ServiceTop.do'), { ca, session: first.session, cookie });
      expect(answer.resumed).toBe(true);
      expect(answer.status).toBe(302);
      expect(answer.headers.location).toBe('/ebunsho/UrlExclusive.do');
    });

    await test.step('the rightful certificate on a resumed session still opens サービスTOP', async () => {
      const answer = await tlsRequest(at('/ebunsho/ServiceTop.do'), { ca, ...own, session: login.session, cookie });
      expect(answer.resumed).toBe(true);
      expect(answer.status).toBe(200);
    });

    await test.step('TLS 1.3 is not offered, so no resumption can come without a certificate (nodejs/node#35317)', async () => {
      await expect(tlsRequest(loginUrl, { ca, ...own, minVersion: 'TLSv1.3' })).rejects.toThrow(/alert protocol version/);
    });
  });
});
