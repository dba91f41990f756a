/**
 * What changes from one run to the next on the screens and in the mails — user IDs,
 * certificate CNs and serials, dates and times, one-time URL tokens — and what must never
 * be shown — passwords, 認証情報パスワード, OTPs, PINs. Evidence screenshots mask the
 * first (so two runs of one commit give identical images) and hide the second.
 */
import { mail as m } from '../messages';
import { MASK } from '../fixtures/secret';

/** Elements the evidence screenshots always mask: marked ones, and known dynamic fields. */
export const MASK_SELECTORS = [
  '[data-evidence="mask"]',
  '[data-testid="last-login"]',
  'input[type="password"]',
];

/**
 * Text that differs between runs. A screen element whose text matches is masked; card
 * texts (dialogs, downloads, mails) get the match replaced by a placeholder.
 */
export const DYNAMIC_TEXT_PATTERNS: readonly RegExp[] = [
  /S47\d+P/, // client certificate CN (S4700010P)
  /\d{4}[/-]\d{1,2}[/-]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?/, // 2024/05/08 15:47, ISO dates
  /(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/, // times
  /\d{4}年\d{1,2}月\d{1,2}日/, // Japanese dates
  /(?<![\dA-Za-z])\d{5,}(?![\dA-Za-z])/, // user IDs, serials in decimal
  /(?<![0-9A-Fa-f])[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){7,}/, // serials / fingerprints as hex pairs
  /(?<![0-9A-Za-z])[0-9A-Fa-f]{16,}(?![0-9A-Za-z])/, // serials / tokens as long hex
];

/** One regular expression for Playwright's getByText: any dynamic value. */
export const DYNAMIC_TEXT = new RegExp(DYNAMIC_TEXT_PATTERNS.map((r) => r.source).join('|'));

/** Query parameters that carry per-user one-time values in the mails' URLs. */
const URL_TOKENS = /([?&](?:p1|p2|p3|cd|token|otp)=)[^&\s]+/g;

const PLACEHOLDER = '■■■■';

/** Replaces run-specific values in a card text with a fixed placeholder. */
export function maskDynamicText(text: string): string {
  let out = text.replace(URL_TOKENS, `$1${PLACEHOLDER}`);
  for (const pattern of DYNAMIC_TEXT_PATTERNS) out = out.replace(new RegExp(pattern.source, 'g'), PLACEHOLDER);
  // A user ID line keeps its label; the value (any format) is per user.
  out = out.replace(new RegExp(`^(\\s*${escape(m.labels.userId)}\\s*[：:]\\s*)(?!${escape(m.askAdministrator)}).+$`, 'gm'), `$1${PLACEHOLDER}`);
  return out;
}

/** Labels after which a mail carries a secret (MAIL-PW, MAIL-OTP, MAIL-BS-ADMIN, MAIL-REISSUE). */
export const SECRET_LABELS: readonly string[] = [
  m.labels.issuancePassword,
  m.labels.loginPassword,
  m.labels.bsLoginPassword,
  m.labels.otp,
  'パスワード',
  '暗証コード',
  'PIN',
];

/** Lines that name a secret without carrying one (MAIL-REG, MAIL-BS-USER). */
const NOT_A_SECRET = [m.passwordInOtherMail, '別のメールで記載しました。', m.askAdministrator];

/**
 * A mail body with every secret value replaced by the mask: `label：value` lines of the
 * secret labels, whatever the value looks like. Used before a mail is shown as evidence.
 */
export function redactMailText(text: string): string {
  const labels = [...SECRET_LABELS].sort((a, b) => b.length - a.length).map(escape).join('|');
  const line = new RegExp(`^(\\s*[^\\n：:]*(?:${labels})\\s*[：:]\\s*)(.+?)\\s*$`, 'gm');
  return text.replace(line, (whole, head: string, value: string) =>
    NOT_A_SECRET.some((s) => value.startsWith(s)) ? whole : `${head}${MASK}`,
  );
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
