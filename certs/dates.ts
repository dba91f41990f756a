/** Validity arithmetic and the Japanese UI's date format. */

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

export function daysFrom(base: Date, days: number): Date {
  return new Date(base.getTime() + days * DAY_MS);
}

export function minutesFrom(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * MINUTE_MS);
}

/** Format a date in Japan time (UTC+9, no DST) as the Japanese UI does. */
export function formatJst(d: Date, withTime = true): string {
  const j = new Date(d.getTime() + 9 * 60 * 60 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${j.getUTCFullYear()}/${p(j.getUTCMonth() + 1)}/${p(j.getUTCDate())}`;
  return withTime ? `${date} ${p(j.getUTCHours())}:${p(j.getUTCMinutes())}:${p(j.getUTCSeconds())}` : date;
}
