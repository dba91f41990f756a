/**
 * Page-object actions run as boxed `test.step`s titled like the manual's steps, so the
 * HTML and Allure reports read as the manual and a failure points at the spec line.
 * The evidence recorder (evidence/recorder.ts) sees every step: with EVIDENCE=1 it takes
 * the step's screenshot with `target` framed in red, as the manuals do.
 */
import { test, type Locator } from '@playwright/test';
import { currentEvidence } from '../evidence/recorder';

export interface StepOptions {
  /** The element the step acts on (outlined in red in evidence screenshots, as the manuals do). */
  target?: Locator;
}

export function manualStep<T>(title: string, body: () => Promise<T>, options: StepOptions = {}): Promise<T> {
  return test.step(
    title,
    async () => {
      const evidence = currentEvidence();
      return evidence ? evidence.step(title, body, options.target) : body();
    },
    { box: true },
  );
}

/**
 * A page object's check as a boxed step titled by what it verifies (「…」の表示を確認): a
 * failure points at the spec line and the reports name the check that failed — which the
 * meta tests (tests/meta/) read from the JSON report to prove each mock fault is caught by
 * the very check that guards it. No evidence screenshot: checks do not act on the page.
 */
export function checkStep<T>(title: string, body: () => Promise<T>): Promise<T> {
  return test.step(title, body, { box: true });
}
