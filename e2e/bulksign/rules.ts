/**
 * The bulk e-signature rules the specs assert, written here from BS10 — never read from the
 * mock, so a mock (or a service) that drifts from them fails the specs (tests/meta proves it).
 *
 * BS10 states some rules; where it is silent the value is a named project DECISION, kept
 * in step with the mock by the meta tests, not by an import.
 */

/**
 * BS10 1-2: 「ユーザID・パスワードを一定回数間違えると、アカウントがロックされます。」
 * DECISION: BS10 says only 一定回数. 5 wrong passwords in a row lock; a correct one resets the count.
 * (Deliberately not エコ文書's 6 of IM12/TJK: BS10 is another system with its own rule.)
 */
export const PASSWORD_FAILURES_TO_LOCK = 5;

/** DECISION (BS10 1-2, same sentence): 3 wrong one-time passwords in a row lock the account. */
export const OTP_FAILURES_TO_LOCK = 3;

/**
 * DECISION: BS10 1-2 d-e show the OTP mail but name no lifetime; an OTP is valid for
 * 10 minutes on the user's clock, once, for its own login attempt only.
 */
export const OTP_TTL_MS = 10 * 60_000;

/** BS10 1-2 d: the mail's 「ワンタイムパスワード：<ワンタイムパスワード>」; DECISION: 6 half-width digits. */
export const OTP_DIGITS = 6;

/** BS10 2-d: 「※暗証コードは、半角英数字6文字以上20文字以下で入力してください。」 */
export const PIN_LENGTH = { min: 6, max: 20 } as const;

/**
 * BS10 1-2: 「エラー画面が表示された場合はエラーコードとともに管理者へご連絡ください。」 — BS10 lists
 * no codes. DECISION: 46 for a lock (the code エコ文書 uses for パスワードを複数回間違えたため
 * アカウントロック, EG 2-2), 47 for a login after ログイン有効期限 (BS10 1-1; no document shows it).
 */
export const BULK_SIGN_ERROR = { locked: 46, expired: 47 } as const;
