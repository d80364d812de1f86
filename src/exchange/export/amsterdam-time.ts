/**
 * Wall-clock time in the Netherlands, whatever the device's zone: the CSV and the
 * anonymised file speak of Dutch days and hours, and a phone abroad (or a test machine
 * in UTC) must not shift an incident at 00:30 to the day before.
 */

export const TIME_ZONE = 'Europe/Amsterdam';

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

export interface AmsterdamParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  /** "+01:00" in winter, "+02:00" in summer. */
  offset: string;
}

export function amsterdamParts(date: Date): AmsterdamParts {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    partsFormat.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  const zone = part('timeZoneName').replace('GMT', '');
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    offset: zone === '' ? '+00:00' : zone,
  };
}

/** "01-03-2026 22:30" in Dutch time, as Dutch Excel reads a date and time; '' for no or an unreadable date. */
export function amsterdamDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = amsterdamParts(date);
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
}

/** "2026-03-01", the Dutch calendar day of a moment. */
export function amsterdamDate(date: Date): string {
  const p = amsterdamParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** How finely an anonymised file keeps the moment of an incident. */
export type TimePrecision = 'hour' | 'day' | 'month';
export const TIME_PRECISIONS: readonly TimePrecision[] = ['day', 'hour', 'month'];

/**
 * The moment rounded down in Dutch time: "2026-03-01" (day), "2026-03-01T22:00+01:00"
 * (hour) or "2026-03-01" for the whole month of March (month). Each is a valid DateText.
 */
export function coarsenTime(value: string, precision: TimePrecision): string {
  const date = new Date(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) {
    const day = value.slice(0, 10);
    return precision === 'month' ? `${day.slice(0, 7)}-01` : day;
  }
  const p = amsterdamParts(date);
  if (precision === 'hour') return `${p.year}-${p.month}-${p.day}T${p.hour}:00${p.offset}`;
  return `${p.year}-${p.month}-${precision === 'month' ? '01' : p.day}`;
}
