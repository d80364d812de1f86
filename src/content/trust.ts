/** After this many months without a check, the app says so: law and case law change, and readers must know. */
export const STALE_AFTER_MONTHS = 12;

/** Today's date as YYYY-MM-DD in the device's time zone (an adviser reads the date on their own calendar). */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** True when `checkedOn` (YYYY-MM-DD) lies 12 months or more before `today`. */
export function isStale(checkedOn: string, today: string): boolean {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const limit = new Date(Date.UTC(y, m - 1 - STALE_AFTER_MONTHS, d));
  // A 29 February minus a year rolls over into March; clamp to the last day of the month instead.
  if (limit.getUTCDate() !== d) limit.setUTCDate(0);
  return checkedOn <= limit.toISOString().slice(0, 10);
}

const longDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "24 november 2026"; an unreadable value is shown as it is. */
export function formatLongDate(iso: string): string {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) ? iso : longDate.format(t);
}
