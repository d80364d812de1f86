import { isCalendarDate } from '../../model/calendar-date.ts';

/**
 * The duration shortcut of a decision's term: "2 weken" or "3 maanden" from the start
 * date gives the last day of the term (the app shows a term "tot en met" its end).
 */

export const DURATION_UNITS = ['dagen', 'weken', 'maanden'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** Closures run weeks to months; a count beyond this is a typo, not a term. */
export const MAX_DURATION_COUNT = 999;

/**
 * The last day of a term of `count` units starting on `start` (YYYY-MM-DD), or undefined
 * when the start or count is not usable. A month ends the day before the same date in
 * the later month (1 March + 3 months: up to and including 31 May); where that date does
 * not exist (31 January + 1 month), the term runs to the end of that month.
 */
export function termEndOf(start: string, count: number, unit: DurationUnit): string | undefined {
  if (start.length !== 10 || !isCalendarDate(start)) return undefined;
  if (!Number.isInteger(count) || count < 1 || count > MAX_DURATION_COUNT) return undefined;
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  if (unit !== 'maanden') return dateOf(Date.UTC(y, m - 1, d + count * (unit === 'weken' ? 7 : 1) - 1));
  const monthIndex = m - 1 + count;
  const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
  return dateOf(d > lastDay ? Date.UTC(y, monthIndex, lastDay) : Date.UTC(y, monthIndex, d - 1));
}

function dateOf(utc: number): string {
  return new Date(utc).toISOString().slice(0, 10);
}
