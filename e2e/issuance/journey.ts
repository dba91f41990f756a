/** Short ways through the issuance site for specs whose subject is another step. */
import type { Page } from '@playwright/test';
import type { Secret } from '../../fixtures/secret';
import { IssuanceStep1Page } from '../../pages/issuance/step1-page';
import { IssuanceStep2Page } from '../../pages/issuance/step2-page';
import { IssuanceStep3Page } from '../../pages/issuance/step3-page';

/** STEP1 with the password, confirmation はい: STEP2 with CSP and Key長 offered (the application is usable). */
export async function reachStep2(page: Page, issuanceUrl: string, password: Secret): Promise<IssuanceStep2Page> {
  const step1 = new IssuanceStep1Page(page);
  await step1.open(issuanceUrl);
  await step1.submitPassword(password);
  const step2 = new IssuanceStep2Page(page);
  await step2.expectShown();
  await step2.expectCspOffered();
  return step2;
}

/** STEP1 → 発行 → STEP3 shown: the certificate has been issued to this page. */
export async function reachStep3(page: Page, issuanceUrl: string, password: Secret): Promise<IssuanceStep3Page> {
  const step2 = await reachStep2(page, issuanceUrl, password);
  await step2.issue();
  const step3 = new IssuanceStep3Page(page);
  await step3.expectShown();
  return step3;
}
