import { LIMITS } from '../../model/limits.ts';

/**
 * The rules a local layer's fields follow, shared by the file schema (schema.ts, the import)
 * and the editor's input checks (local/domain/validate-input.ts), so what the editor saves can
 * always be exported and imported again.
 */

/** Digits with the separators people write: "+31 20 123 45 67", "(020) 123-4567", "112". */
export const PHONE_PATTERN = /^\+?[0-9()][0-9 ()\-.]{1,28}[0-9]$/;
/** Deliberately loose: one @, something on both sides, a dot in the domain, no spaces. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A local contact id: the municipality code, then a name (`gm0363-contact-01j…`). */
export const CONTACT_ID_PATTERN = /^gm\d{4}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const HTTP_URL_PATTERN = /^https?:\/\/[^\s]+$/;

export const LOCAL_LIMITS = {
  name: LIMITS.name,
  shortText: LIMITS.shortText,
  /** A step's what and why, an annotation's note. */
  text: 10_000,
  phones: 10,
  phoneNumber: 30,
  sources: 20,
  references: 50,
  contacts: 2_000,
  steps: 500,
  annotations: 2_000,
  notApplicable: 500,
  origins: 100,
} as const;
