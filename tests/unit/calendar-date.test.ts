import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/model/calendar-date.ts';

describe('a calendar date', () => {
  it('accepts the forms the app and its files write', () => {
    for (const text of [
      '2026-03-01',
      '2026-03-01T22:05',
      '2026-03-01 22:05',
      '2026-03-01T22:05:09',
      '2026-03-01T22:05:09.123Z',
      '2026-03-01T22:05:09.123456789+01:00',
      '2026-03-01T22:05-0130',
      '2028-02-29T00:00',
      '2000-02-29',
      '2026-12-31T23:59:59Z',
    ]) {
      expect(isCalendarDate(text), text).toBe(true);
    }
  });

  it('refuses days, months and times that do not exist, and other shapes', () => {
    for (const text of [
      '2026-02-31',
      '2026-04-31T10:00',
      '2025-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-06-10T24:00',
      '2026-06-10T10:60',
      '2026-06-10T10:00:60',
      '2026-06-10T10:00+24:00',
      '2026-06-10T10:00Zx',
      '2026-06-10T10:00:00.',
      '2026-06-10T10:00:00.1234567890',
      '2026-6-10',
      '26-06-10',
      '2026/06/10',
      '2026-06-10X10:00',
      '',
      'gisteren',
    ]) {
      expect(isCalendarDate(text), text).toBe(false);
    }
  });

  it('agrees with Date.parse on every day of four years, where Date.parse does not roll over', () => {
    let checked = 0;
    for (const year of [2023, 2024, 2100, 2400]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T12:00:00.000Z`;
          const parsed = new Date(Date.parse(text));
          const real = parsed.getUTCMonth() + 1 === month && parsed.getUTCDate() === day;
          expect(isCalendarDate(text), text).toBe(real);
          checked++;
        }
      }
    }
    expect(checked).toBe(4 * 12 * 31);
  });
});
