import type { IncidentDetails } from '../../model/events.ts';
import type { Target } from '../../model/vocabulary.ts';
import { FUTURE_TIME_MESSAGE, isInFuture } from './time-rules.ts';

/**
 * The incident's details as typed in a form (new incident, correction), checked all at
 * once so every problem is shown next to its own field in one go.
 */

export interface IncidentFields {
  target: Target;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  locationDescription: string;
  municipality: string;
  /** ISO, or undefined when the field is empty or unreadable. */
  occurredAt: string | undefined;
}

export type IncidentFieldName = 'street' | 'houseNumber' | 'locationDescription' | 'municipality' | 'occurredAt';
export type IncidentFieldErrors = Partial<Record<IncidentFieldName, string>>;

export type CheckedIncidentFields =
  | { ok: true; details: Omit<IncidentDetails, 'kind'> }
  | { ok: false; errors: IncidentFieldErrors };

export function checkIncidentFields(fields: IncidentFields, now: Date): CheckedIncidentFields {
  const errors: IncidentFieldErrors = {};
  const street = fields.street.trim();
  const houseNumber = fields.houseNumber.trim();
  const location = fields.locationDescription.trim();
  const municipality = fields.municipality.trim();

  if (!fields.occurredAt) errors.occurredAt = 'Vul de datum en tijd van het incident in.';
  else if (isInFuture(fields.occurredAt, now)) errors.occurredAt = FUTURE_TIME_MESSAGE;
  if (!municipality) errors.municipality = 'Vul de gemeente in.';
  if (street && !houseNumber) errors.houseNumber = 'Vul het huisnummer in.';
  else if (!street && houseNumber) errors.street = 'Vul de straat in.';
  else if (!street && !location) {
    if (fields.target === 'voertuig')
      errors.locationDescription = 'Beschrijf waar het voertuig staat, of vul een adres in.';
    else errors.street = 'Vul straat en huisnummer in, of beschrijf de locatie.';
  }
  if (Object.keys(errors).length > 0 || !fields.occurredAt) return { ok: false, errors };

  const details: Omit<IncidentDetails, 'kind'> = { target: fields.target, municipality, occurredAt: fields.occurredAt };
  if (street && houseNumber) {
    details.address = {
      street,
      houseNumber,
      postcode: fields.postcode.trim(),
      city: fields.city.trim() || municipality,
    };
  }
  if (location) details.locationDescription = location;
  return { ok: true, details };
}
