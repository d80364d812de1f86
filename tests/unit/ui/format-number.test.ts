import { describe, expect, it } from 'vitest';
import { countOf, formatMegabytes, formatNumber } from '../../../src/ui/format-number.ts';
import { titleWithMunicipality } from '../../../src/ui/place-label.ts';

describe('numbers in Dutch', () => {
  it('groups thousands with a dot and uses a decimal comma', () => {
    expect(formatMegabytes(10_241.2 * 1024 * 1024)).toBe('10.241,2 MB');
    expect(formatMegabytes(0)).toBe('0,0 MB');
    expect(formatMegabytes(undefined)).toBe('onbekend');
    expect(formatNumber(7200)).toBe('7.200');
  });

  it('says 1 incident and 2 incidenten, never incident(en)', () => {
    expect(countOf(1, 'incident', 'incidenten')).toBe('1 incident');
    expect(countOf(0, 'incident', 'incidenten')).toBe('0 incidenten');
    expect(countOf(1200, 'vastlegging', 'vastleggingen')).toBe('1.200 vastleggingen');
  });
});

describe('a title with its municipality', () => {
  it('names the municipality once', () => {
    expect(titleWithMunicipality('Dorpsstraat 12a, Rotterdam', 'Rotterdam')).toBe('Dorpsstraat 12a, Rotterdam');
    expect(titleWithMunicipality('Dorpsstraat 12a, Hoogvliet', 'Rotterdam')).toBe(
      'Dorpsstraat 12a, Hoogvliet (Rotterdam)',
    );
    expect(titleWithMunicipality('Parkeerplaats bij het station', 'Utrecht')).toBe(
      'Parkeerplaats bij het station (Utrecht)',
    );
  });
});
