/**
 * Deliberate mock defects, switched on only by MOCK_FAULTS (comma-separated) for the
 * meta tests that prove the journey spec notices a broken step (tests/meta/). A normal
 * run has none; an unknown name fails fast so a typo cannot pass silently.
 */
export const FAULTS = {
  /** The password mail carries a wrong 認証情報パスワード: STEP1 must refuse it. */
  'wrong-issuance-password': 'the password mail carries a wrong 認証情報パスワード',
  /** The CA signs with another chain's issuer than the user's. */
  'wrong-issuer': 'the issuance CA signs with the PUB CA1 issuer instead of the user\'s chain',
  /** Signup answers "done" without binding the certificate. */
  'signup-not-bound': 'signup reports success without binding the certificate',
  /** サービスTOP loses its contract disk table. */
  'top-without-disk-table': 'サービスTOP renders without the contract disk table',
} as const;

export type FaultName = keyof typeof FAULTS;

export function parseFaults(value: string | undefined): Set<FaultName> {
  const names = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!(n in FAULTS)) throw new Error(`MOCK_FAULTS: unknown fault "${n}" (known: ${Object.keys(FAULTS).join(', ')})`);
  return new Set(names as FaultName[]);
}
