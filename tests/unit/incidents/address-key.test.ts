import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addressKeyOf, normaliseHouseNumber } from '../../../src/model/address-key.ts';
import { sha256Hex } from '../../../src/model/hashing.ts';

describe('address key', () => {
  it('is the same whatever the case and spacing of postcode and house number', () => {
    const key = addressKeyOf({ postcode: '3512AB', houseNumber: '12A' });
    for (const [postcode, houseNumber] of [
      ['3512 ab', '12 a'],
      [' 3512ab ', '12a'],
      ['3512  AB', '12-A'],
    ] as const) {
      expect(addressKeyOf({ postcode, houseNumber })).toBe(key);
    }
  });

  it('tells different houses apart', () => {
    const key = (postcode: string, houseNumber: string) => addressKeyOf({ postcode, houseNumber });
    expect(key('3512AB', '12')).not.toBe(key('3512AB', '12A'));
    expect(key('3512AB', '12-2')).not.toBe(key('3512AB', '122'));
    expect(key('3512AB', '12')).not.toBe(key('3512AC', '12'));
    expect(normaliseHouseNumber('12 bis')).toBe('12-bis');
  });

  it('has no key without postcode or house number', () => {
    expect(addressKeyOf(undefined)).toBeUndefined();
    expect(addressKeyOf({ postcode: '', houseNumber: '12' })).toBeUndefined();
    expect(addressKeyOf({ postcode: '3512AB', houseNumber: ' ' })).toBeUndefined();
  });

  it('does not contain the address in readable form', () => {
    expect(addressKeyOf({ postcode: '3512AB', houseNumber: '12' })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes with real SHA-256', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(200), 'Súdwest-Fryslân €']) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });
});
