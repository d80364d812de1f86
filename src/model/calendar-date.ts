/**
 * Whether a date or date-time text names a real moment: `2026-02-31` and
 * `2026-04-31T10:00` do not, though Date.parse rolls them over to March and May. The
 * one check for dates typed in the app, in an imported file and on the server.
 */
export function isCalendarDate(text: string): boolean {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/.exec(
      text,
    );
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = match.slice(1).map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (daysInMonth === undefined || day < 1 || day > daysInMonth) return false;
  // Unmatched parts are NaN, and every comparison with NaN is false.
  if (hour! > 23 || minute! > 59 || second! > 59 || offsetHour! > 23 || offsetMinute! > 59) return false;
  return !Number.isNaN(Date.parse(text));
}
