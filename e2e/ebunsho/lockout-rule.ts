/**
 * The lockout rule as the documents state it — IM12 1: "パスワードを6回続けて間違えますと、ユーザ ID
 * がロックして", TJK 3): "連続6回ログインに失敗するとアカウントがロックされて" — written down here,
 * never read from the mock, so a mock that locks at 5 or 7 fails the spec (and
 * tests/unit/ebunsho-lockout.test.ts proves it does).
 */
export const DOCUMENTED_LOCK_AFTER = 6;

export type AttemptOutcome = 'refused' | 'locked';

/** What the documents promise for the nth consecutive wrong password (1-based). */
export function documentedOutcome(attempt: number): AttemptOutcome {
  return attempt < DOCUMENTED_LOCK_AFTER ? 'refused' : 'locked';
}
