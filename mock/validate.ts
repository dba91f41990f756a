/**
 * Field checks shared by every form of the mock (catalogue F). Each returns the clear
 * Japanese message for the first problem, or null when the value is acceptable.
 */
import { input } from './texts';

export const HALF_WIDTH_ALNUM = /^[A-Za-z0-9]+$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

export interface FieldRule {
  label: string;
  max: number;
  /** Half-width alphanumerics only (半角英数字). */
  alnum?: boolean;
}

export function checkField(value: unknown, rule: FieldRule): string | null {
  const v = typeof value === 'string' ? value : '';
  if (v.length === 0) return input.required(rule.label);
  if (v.length > rule.max) return input.tooLong(rule.label, rule.max);
  if (rule.alnum && !HALF_WIDTH_ALNUM.test(v)) return input.halfWidthAlnum(rule.label);
  if (CONTROL.test(v)) return input.halfWidthAlnum(rule.label);
  return null;
}

/** A mail address that cannot carry a header injection (no CR/LF, one @, sane length). */
export function checkMail(value: unknown, label: string): string | null {
  const v = typeof value === 'string' ? value : '';
  if (v.length === 0) return input.required(label);
  if (v.length > 254) return input.tooLong(label, 254);
  if (CONTROL.test(v) || !/^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(v)) return input.invalidMail;
  return null;
}

/** Query/body values arrive as string | string[] | undefined: take a single string. */
export function one(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}
