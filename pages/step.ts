/**
 * Page-object actions run as boxed `test.step`s titled like the manual's steps, so the
 * HTML and Allure reports read as the manual and a failure points at the spec line.
 */
import { test } from '@playwright/test';

export function manualStep<T>(title: string, body: () => Promise<T>): Promise<T> {
  return test.step(title, body, { box: true });
}
