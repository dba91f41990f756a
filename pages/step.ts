/**
 * Page-object actions run as boxed `test.step`s titled like the manual's steps, so the
 * HTML and Allure reports read as the manual and a failure points at the spec line.
 */
import { test, type Locator } from '@playwright/test';

export interface StepOptions {
  /** The element the step acts on (outlined in red in evidence screenshots, as the manuals do). */
  target?: Locator;
}

export function manualStep<T>(title: string, body: () => Promise<T>, _options: StepOptions = {}): Promise<T> {
  return test.step(title, body, { box: true });
}
