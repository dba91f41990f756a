/**
 * Typing a Secret (password, 認証情報パスワード, OTP, PIN) into a field. The value is revealed
 * here, inside the page object's step, and nowhere else: a step title, a parameter or a log
 * line only ever sees the Secret, which prints as a mask. A secret field takes a Secret only;
 * bad input for one is wrapped with Secret.typed.
 */
import type { Locator } from '@playwright/test';
import type { Secret } from '../fixtures/secret';

export async function fillSecret(field: Locator, value: Secret): Promise<void> {
  await field.fill(value.reveal());
}
