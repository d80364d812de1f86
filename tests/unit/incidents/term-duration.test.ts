import { describe, expect, it } from 'vitest';
import { termEndOf } from '../../../src/incidents/domain/term-duration.ts';

describe('termEndOf: the last day of a term given as a duration', () => {
  it('counts days and weeks including the start day', () => {
    expect(termEndOf('2026-03-02', 1, 'dagen')).toBe('2026-03-02');
    expect(termEndOf('2026-03-02', 2, 'weken')).toBe('2026-03-15');
    expect(termEndOf('2026-12-28', 1, 'weken')).toBe('2027-01-03');
  });

  it('ends a term of months the day before the same date in the later month', () => {
    expect(termEndOf('2026-03-01', 3, 'maanden')).toBe('2026-05-31');
    expect(termEndOf('2026-03-15', 3, 'maanden')).toBe('2026-06-14');
    expect(termEndOf('2026-11-10', 3, 'maanden')).toBe('2027-02-09');
  });

  it('runs to the end of the month when the later month has no such date', () => {
    expect(termEndOf('2026-01-31', 1, 'maanden')).toBe('2026-02-28');
    expect(termEndOf('2028-01-30', 1, 'maanden')).toBe('2028-02-29');
    expect(termEndOf('2026-08-31', 1, 'maanden')).toBe('2026-09-30');
  });

  it('gives nothing for an unusable start or count', () => {
    expect(termEndOf('', 2, 'weken')).toBeUndefined();
    expect(termEndOf('2026-02-30', 2, 'weken')).toBeUndefined();
    expect(termEndOf('2026-03-01T10:00', 2, 'weken')).toBeUndefined();
    expect(termEndOf('2026-03-01', 0, 'weken')).toBeUndefined();
    expect(termEndOf('2026-03-01', 1.5, 'weken')).toBeUndefined();
    expect(termEndOf('2026-03-01', 5000, 'dagen')).toBeUndefined();
  });
});
