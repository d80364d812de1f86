import { type KnownTerm, scanForPersonalData } from '../../exchange/export/personal-data.ts';

/**
 * Which of an organisation contact's numbers and addresses point at a person, for the export
 * "voor andere gemeenten". An organisation's line or function mailbox is what another municipality
 * copies the layer for, so the exchange's scanner alone (which flags every number and address)
 * is too broad here; on top of its finding, a mobile number (06) or a mailbox whose name part
 * reads as a person's ("j.jansen@", "jan.de.vries@") counts as personal, as does anything that
 * matches a name, number or address of a contact left out.
 */

/** Words of function mailboxes: "crisis.team@", "piket-oov@" are not a person's. */
const FUNCTION_WORDS = new Set(
  'info algemeen piket team crisis crisisteam calamiteiten calamiteit meldkamer secretariaat bestuur kabinet oov veiligheid openbare orde communicatie pers woordvoering nazorg wijk gemeente contact service klantenservice noodlijn storing beheer support post mail receptie balie loket directie coordinatie coördinatie'.split(
    ' ',
  ),
);

export function isMobileNumber(number: string): boolean {
  const digits = number.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  return /^(?:\+31|0031|0)6\d{8}$/.test(digits);
}

export function isPersonalMailbox(email: string): boolean {
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  const parts = local.split(/[._-]+/).filter(Boolean);
  if (parts.length < 2 || !parts.every((p) => /^\p{L}+$/u.test(p))) return false;
  return !parts.some((p) => FUNCTION_WORDS.has(p));
}

const digits = (number: string) => number.replace(/\D/g, '');

export const personalNumber = (number: string, known: readonly KnownTerm[]) =>
  isMobileNumber(number) || known.some((k) => k.kind === 'phone' && digits(k.text) === digits(number));

export const personalMailbox = (email: string, known: readonly KnownTerm[]) =>
  known.some((k) => k.kind === 'email' && k.text.toLowerCase() === email.toLowerCase()) ||
  (isPersonalMailbox(email) && scanForPersonalData(email).some((hit) => hit.kind === 'email'));

/** A source's address with personal data in it (an e-mail address, a phone number, a known name). */
export const personalUrl = (url: string, known: readonly KnownTerm[]) =>
  scanForPersonalData(url, known).some((hit) => ['email', 'phone', 'name'].includes(hit.kind));
