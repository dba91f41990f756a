/**
 * Helpers shared by the エコ文書 specs (catalogue C): certificates from the test PKI, the bad
 * inputs every form gets (catalogue F), and checks that nothing typed was reflected as markup.
 */
import crypto from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { loadPkiSync } from '../../certs/store';
import type { VariantName } from '../../certs/definition';
import { expect, type ClientCertificate, type ClientCertificateFixtures } from '../../fixtures';
import { input } from '../../messages';
import { dialogsOf, type Dialogs } from '../../pages/dialogs';
import { SignupPage } from '../../pages/ebunsho/signup-page';
import { expectNoInjectedElement, SHORT_MARKUP_PROBE } from '../injected-markup';

/** A pre-made certificate of the test PKI, presented as a browser does: leaf + intermediate. */
export function variantCertificate(pkiDir: string, name: VariantName): ClientCertificate & { fingerprint256: string; subjectCN: string } {
  const v = loadPkiSync({ dir: pkiDir }).variants[name];
  return { label: name, certPath: v.fullchainPath, keyPath: v.keyPath, fingerprint256: v.fingerprint256, subjectCN: v.subjectCN };
}

export const QUOTES = `' " \``;

export interface BadValue {
  name: string;
  value: string;
  /** The clear message the form must give for a field with this label. */
  message: (label: string) => string | RegExp;
}

/** Catalogue F: what every half-width alphanumeric field of the service gets. */
export const BAD_ALNUM_VALUES: BadValue[] = [
  { name: 'empty', value: '', message: (label) => input.required(label) },
  { name: 'full-width', value: 'ＡＢＣ１２３', message: (label) => input.halfWidthAlnum(label) },
  { name: '10,000 characters', value: 'a1'.repeat(5_000), message: (label) => new RegExp(`^${label}は\\d+文字以内で入力してください。$`) },
  { name: 'markup', value: SHORT_MARKUP_PROBE, message: (label) => input.halfWidthAlnum(label) },
  { name: 'quotes', value: QUOTES, message: (label) => input.halfWidthAlnum(label) },
];

/**
 * Nothing typed came back as markup: no injected script ran (no dialog), and the page holds
 * no element made of it. `field` (when given) shows the typed value back as plain text.
 */
export async function expectNothingInjected(page: Page, dialogs: Dialogs, field?: { locator: Locator; value: string }) {
  await expectNoInjectedElement(page);
  expect(dialogs.seen.map((d) => d.message), 'no script of the input ran').toEqual([]);
  if (field) await expect(field.locator).toHaveValue(field.value);
}

/**
 * Records every dialog a page opens (an injected alert() would be one) through the page's
 * one dialog recorder (pages/dialogs.ts): a second 'dialog' listener would answer the same
 * dialog twice.
 */
export function recordDialogs(page: Page): Dialogs {
  return dialogsOf(page);
}

/** The user's signup URL (TJK ②) in a browser of its own that presents a certificate minted for the test. */
export async function signupWithNewCertificate(certificates: ClientCertificateFixtures, signupUrl: string): Promise<SignupPage> {
  const signup = new SignupPage(await certificates.openWithCertificate(await certificates.mintCertificate()));
  await signup.open(signupUrl);
  return signup;
}

/** A new password that meets TJK's policy: 8+ characters, a lowercase letter, a digit. */
export function policyPassword(length = 10): string {
  const lower = 'abcdefghjkmnpqrstuvwxyz';
  const digits = '23456789';
  const pick = (s: string) => s[crypto.randomInt(s.length)];
  return [pick(lower), pick(digits), ...Array.from({ length: length - 2 }, () => pick(lower + digits + "ABCDEFGHJKLMNPQRSTUVWXYZ"))].join('');
}
