import { describe, expect, it } from 'vitest';
import { checkIncidentFields, type IncidentFields } from '../../../src/incidents/domain/incident-form.ts';

const now = new Date('2026-03-01T22:00:00.000Z');
const empty: IncidentFields = {
  target: 'woning',
  street: '',
  houseNumber: '',
  postcode: '',
  city: '',
  locationDescription: '',
  municipality: '',
  occurredAt: undefined,
};

describe('the incident form check', () => {
  it('reports every problem at once, each on its own field', () => {
    const checked = checkIncidentFields(empty, now);
    expect(checked).toEqual({
      ok: false,
      errors: {
        occurredAt: 'Vul de datum en tijd van het incident in.',
        municipality: 'Vul de gemeente in.',
        street: 'Vul straat en huisnummer in, of beschrijf de locatie.',
      },
    });
  });

  it('refuses an incident time in the future and asks for the missing half of an address', () => {
    const checked = checkIncidentFields(
      { ...empty, street: 'Kerkstraat', municipality: 'Utrecht', occurredAt: '2026-03-01T23:00:00.000Z' },
      now,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['houseNumber', 'occurredAt']);
    expect(checked.errors.occurredAt).toContain('in de toekomst');
  });

  it('asks a vehicle for its location, not for a street', () => {
    const checked = checkIncidentFields(
      { ...empty, target: 'voertuig', municipality: 'Utrecht', occurredAt: '2026-03-01T21:00:00.000Z' },
      now,
    );
    expect(checked).toEqual({
      ok: false,
      errors: { locationDescription: 'Beschrijf waar het voertuig staat, of vul een adres in.' },
    });
  });

  it('gives trimmed details, with the municipality as the city when none is given', () => {
    const checked = checkIncidentFields(
      {
        ...empty,
        street: ' Kerkstraat ',
        houseNumber: '12a',
        postcode: '3512 AB',
        municipality: ' Utrecht ',
        occurredAt: '2026-03-01T21:00:00.000Z',
      },
      now,
    );
    expect(checked).toEqual({
      ok: true,
      details: {
        target: 'woning',
        municipality: 'Utrecht',
        occurredAt: '2026-03-01T21:00:00.000Z',
        address: { street: 'Kerkstraat', houseNumber: '12a', postcode: '3512 AB', city: 'Utrecht' },
      },
    });
  });
});
