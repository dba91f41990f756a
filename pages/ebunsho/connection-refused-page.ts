/**
 * EG-2-1 as a test sees it: the host refuses the client certificate in the TLS handshake, so no
 * page of the service is shown ("このページは表示できません。" in a browser). Through Playwright's
 * client-certificate proxy the refusal becomes a 503 page whose body is
 * "Playwright client-certificate error: " + OpenSSL's message, and OpenSSL names the TLS alert
 * the server sent ("sslv3 alert certificate expired … SSL alert number 45"): the precise reason.
 */
import { expect, type Locator, type Page, type Response } from '@playwright/test';

export class ConnectionRefusedPage {
  readonly body: Locator;

  constructor(readonly page: Page) {
    // The proxy's plain-text page: found by what it says, not by its markup.
    this.body = page.getByText(/^Playwright client-certificate error: /);
  }

  /** `alert` as OpenSSL names it after "alert " (e.g. "certificate expired"), `number` its code. */
  async expectHandshakeAlert(response: Response | null, alert: string, number: number) {
    expect(response?.status(), 'the proxy answers a refused handshake with 503').toBe(503);
    const escaped = alert.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(this.body).toHaveText(
      new RegExp(`^Playwright client-certificate error: .*:(?:sslv3|tlsv1) alert ${escaped}:.*SSL alert number ${number}\\b`),
    );
  }
}
