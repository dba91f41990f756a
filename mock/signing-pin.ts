/**
 * The signing PIN (暗証コード) rule of both systems. BS10 2-d: 「半角英数字6文字以上20文字以下」;
 * TJK prints no rule for the same kind of certificate, so エコ文書 applies BS10's.
 * Each check answers with the first problem, in the order a user fixes them.
 */
import { input, signing as t } from './texts';
import { HALF_WIDTH_ALNUM as ALNUM } from './input-schema';
import { faulty } from './faults';

const HALF_WIDTH_ALNUM = new RegExp(ALNUM);

export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 20;

export interface PinLabels {
  /** The label of the PIN field, e.g. 新しい暗証コード / 新しい署名用暗証コード. */
  pin: string;
  /** The label of the confirmation field. */
  confirm: string;
}

export function checkPin(pin: string, confirm: string, labels: PinLabels): string | null {
  if (pin.length === 0) return input.required(labels.pin);
  if (!HALF_WIDTH_ALNUM.test(pin)) return input.halfWidthAlnum(labels.pin);
  if (pin.length < PIN_MIN_LENGTH - (faulty('pin-min-5') ? 1 : 0) || pin.length > PIN_MAX_LENGTH) return t.pinLength(labels.pin, PIN_MIN_LENGTH, PIN_MAX_LENGTH);
  if (confirm.length === 0) return input.required(labels.confirm);
  if (confirm !== pin) return t.pinMismatch(labels.pin);
  return null;
}
