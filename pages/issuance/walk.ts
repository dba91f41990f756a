/**
 * The browser issuance walked as the manual describes it (IM12 2-3 ②-⑤, TJK 【STEP1】-【STEP3】),
 * for specs and fixtures whose subject is another step: the journey specs that test every
 * screen, and the staging fixture that obtains a real certificate the way a user does.
 * No step of its own: each page object's action is already a boxed step titled like the manual.
 */
import type { Page } from '@playwright/test';
import type { Secret } from '../../fixtures/secret';
import { IssuanceStep1Page } from './step1-page';
import { IssuanceStep2Page } from './step2-page';
import { IssuanceStep3Page } from './step3-page';

/** STEP1 with the 認証情報パスワード, confirmation はい: STEP2 with CSP and Key長 offered (the application is usable). */
export async function walkToStep2(page: Page, issuanceUrl: string, password: Secret): Promise<IssuanceStep2Page> {
  const step1 = new IssuanceStep1Page(page);
  await step1.open(issuanceUrl);
  await step1.expectShown();
  await step1.submitPassword(password);
  const step2 = new IssuanceStep2Page(page);
  await step2.expectShown();
  await step2.expectCspOffered();
  return step2;
}

/** STEP1 → 発行 (default Key長) → STEP3 shown: the certificate has been issued to this page. */
export async function walkToStep3(page: Page, issuanceUrl: string, password: Secret): Promise<IssuanceStep3Page> {
  const step2 = await walkToStep2(page, issuanceUrl, password);
  await step2.issue();
  const step3 = new IssuanceStep3Page(page);
  await step3.expectShown();
  return step3;
}
