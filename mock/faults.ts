/**
 * Deliberate mock defects, switched on only by MOCK_FAULTS (comma-separated) for the
 * meta tests that prove the spec guarding each rule notices a broken mock, at the very
 * check that guards it (tests/meta/journey-detects-faults.test.ts). A normal run has
 * none; an unknown name fails fast so a typo cannot pass silently.
 *
 * One fault per rule the suite writes down itself (e2e/bulksign/rules.ts,
 * e2e/ebunsho/lockout-rule.ts, the password policy, the PIN length, the one-time URL), per
 * identity the service ties together (certificate ↔ user, OTP ↔ login attempt), and one
 * changed character in a text the mock shows.
 */
import texts from './texts';

export const FAULTS = {
  /** The password mail carries a wrong 認証情報パスワード: STEP1 must refuse it. */
  'wrong-issuance-password': 'the password mail carries a wrong 認証情報パスワード',
  /** The CA signs with another chain's issuer than the user's. */
  'wrong-issuer': 'the issuance CA signs with the PUB CA1 issuer instead of the user\'s chain',
  /** Signup answers "done" without binding the certificate. */
  'signup-not-bound': 'signup reports success without binding the certificate',
  /** サービスTOP loses its contract disk table. */
  'top-without-disk-table': 'サービスTOP renders without the contract disk table',
  /** One character of a text the mock shows: サインアップが完了しました。 → …しましだ。 */
  'text-one-character': 'the signup completion message differs by one character',
  /** エコ文書 locks on the 7th wrong password instead of the documented 6th (IM12 1, TJK 3)). */
  'ebunsho-lock-late': 'エコ文書 locks one wrong password too late',
  /** TJK password policy: 最小文字数 8文字 — the mock accepts 7. */
  'password-policy-7': 'パスワード変更 accepts a 7-character password',
  /** IM12 §1 一回のみ有効: the issuance URL keeps working after the certificate was issued. */
  'issuance-url-reusable': 'the issuance URL is not one-time',
  /** エコ文書 login accepts any valid certificate for any user (binding one way only). */
  'login-ignores-binding': 'the エコ文書 login opens a user with another user\'s certificate',
  /** BS10 一定回数 (suite decision 5): the 6th wrong password locks instead of the 5th. */
  'bulksign-password-lock-late': 'the bulk-sign login locks one wrong password too late',
  /** BS10 一定回数 (suite decision 3): the 4th wrong OTP locks instead of the 3rd. */
  'bulksign-otp-lock-late': 'the bulk-sign OTP locks one wrong answer too late',
  /** Suite decision: an OTP lives 10 minutes — the mock takes it a minute longer. */
  'bulksign-otp-lives-longer': 'an OTP is still accepted after 10 minutes',
  /** An OTP is single-use — the mock takes it again. */
  'bulksign-otp-reusable': 'a used OTP is accepted again',
  /** An OTP belongs to its own login attempt — the mock takes any attempt's (an earlier one, another user's). */
  'bulksign-otp-any-attempt': 'an OTP of another login attempt (earlier, or another user\'s) is accepted',
  /** Suite decision: a lock shows エラーコード 46 — the mock shows 45. */
  'bulksign-lock-code': 'the bulk-sign lock screen shows another error code',
  /** BS10 2-d 半角英数字6文字以上 — the mock accepts a 5-character PIN. */
  'pin-min-5': 'a 5-character 暗証コード is accepted',
} as const;

export type FaultName = keyof typeof FAULTS;

export function parseFaults(value: string | undefined): Set<FaultName> {
  const names = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!(n in FAULTS)) throw new Error(`MOCK_FAULTS: unknown fault "${n}" (known: ${Object.keys(FAULTS).join(', ')})`);
  return new Set(names as FaultName[]);
}

/**
 * The faults of the running mock, for the rule sites that have no MockContext at hand
 * (a PIN check, the OTP store). Set once by buildMock; empty unless MOCK_FAULTS is set.
 */
let active: ReadonlySet<FaultName> = new Set();

const SIGNUP_DONE = texts.ebunsho.signupDone;

export function activateFaults(faults: ReadonlySet<FaultName>): void {
  active = faults;
  // The mock's own transcription (mock/texts.ts), changed at run time (and put back for the
  // next mock of the same process): the suite checks its traced copy, so the one character
  // must show as a failure at the completion check.
  (texts.ebunsho as { signupDone: string }).signupDone = faults.has('text-one-character') ? SIGNUP_DONE.replace(/た。$/, 'だ。') : SIGNUP_DONE;
}

export function faulty(name: FaultName): boolean {
  return active.has(name);
}
