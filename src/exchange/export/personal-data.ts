/**
 * Finds personal data in free text by pattern, plus terms known from the incident
 * (its street, house number, postcode, the advisers' names, device ids). Patterns
 * cannot find every name: a name without a cue ("de heer", "buurvrouw") goes unseen,
 * which is why an anonymised export drops free text unless the adviser keeps it.
 */

export type PersonalDataKind =
  | 'name'
  | 'address'
  | 'postcode'
  | 'phone'
  | 'email'
  | 'licence-plate'
  | 'bsn'
  | 'iban'
  | 'device-id';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  text: string;
  /** Offsets in the scanned text: text.slice(start, end) is the hit. */
  start: number;
  end: number;
}

export interface KnownTerm {
  kind: PersonalDataKind;
  text: string;
}

/** Dutch labels for the screens and the replacement text in kept free text. */
export const PERSONAL_DATA_LABEL: Record<PersonalDataKind, string> = {
  name: 'naam',
  address: 'adres',
  postcode: 'postcode',
  phone: 'telefoonnummer',
  email: 'e-mailadres',
  'licence-plate': 'kenteken',
  bsn: 'BSN',
  iban: 'rekeningnummer',
  'device-id': 'apparaat-id',
};

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
const SEP = '[\\s.\\-]?';

const L = '[A-Za-z]';
const D = '\\d';
/** The Dutch sidecodes of licence plates (RDW), as letter/digit groups. */
const SIDECODES: [string, string, string][] = [
  ['LL', 'DD', 'DD'],
  ['DD', 'DD', 'LL'],
  ['DD', 'LL', 'DD'],
  ['LL', 'DD', 'LL'],
  ['LL', 'LL', 'DD'],
  ['DD', 'LL', 'LL'],
  ['DD', 'LLL', 'D'],
  ['D', 'LLL', 'DD'],
  ['LL', 'DDD', 'L'],
  ['L', 'DDD', 'LL'],
  ['LLL', 'DD', 'L'],
  ['L', 'DD', 'LLL'],
  ['D', 'LL', 'DDD'],
  ['DDD', 'LL', 'D'],
];
const group = (shape: string, letter: string) => shape.replace(/L/g, letter).replace(/D/g, D);
const plateWith = (separator: string, letter: string) =>
  SIDECODES.map((groups) => groups.map((shape) => group(shape, letter)).join(separator)).join('|');

const NAME_CUES = [
  'dhr\\.?',
  'de heer',
  'heer',
  'mevr\\.?',
  'mevrouw',
  'mw\\.?',
  'mr\\.?',
  'meneer',
  'familie',
  'fam\\.?',
  'bewoner',
  'bewoonster',
  'bewoners',
  'eigenaar',
  'eigenaresse',
  'buurman',
  'buurvrouw',
  'getuige',
  'melder',
  'verdachte',
  'contactpersoon',
  'slachtoffer',
  'zoon',
  'dochter',
  'vader',
  'moeder',
];
const PARTICLES = ['van', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', "'t", 'in', 'op', 'la', 'le', 'el', 'al'];
const capitalise = (cue: string) => `[${cue[0]!.toUpperCase()}${cue[0]}]${cue.slice(1)}`;
const NAME_WORD = "\\p{Lu}[\\p{L}'\\-]+";
const PARTICLE = `(?:(?:${PARTICLES.join('|')})\\s+)`;
const NAME = `${PARTICLE}*${NAME_WORD}(?:\\s+${PARTICLE}*${NAME_WORD}){0,2}`;

const COMMON_TWO_LETTER_WORDS = 'of|en|de|op|in|te|is|om|al|na|ik|je|we|ze|zo|nu|er|uw|bij|ca|nr|u';

const STREET_SUFFIX =
  'straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef|plantsoen|markt|baan|ring|wal|haven|park|erf|veld|burg';

interface Pattern {
  kind: PersonalDataKind;
  regex: RegExp;
  /** The capture group that is the hit; the whole match when absent. */
  group?: number;
}

const PATTERNS: Pattern[] = [
  { kind: 'email', regex: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu },
  {
    kind: 'iban',
    regex: /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:\s?[A-Za-z0-9]{4}){3,7}(?:\s?[A-Za-z0-9]{1,3})?(?![\p{L}\p{N}])/gu,
  },
  {
    kind: 'phone',
    regex: new RegExp(`(?<![\\p{N}+])(?:\\+|00)\\s?31${SEP}(?:\\(0\\)${SEP})?[1-9](?:${SEP}\\d){8}(?!\\p{N})`, 'gu'),
  },
  {
    kind: 'phone',
    // A date such as 01-03-2026 12:30 has ten digits too; it is not a phone number.
    regex: /(?<![\p{N}+])(?!\d\d-\d\d-\d{4})\(?0(?:[\s.\-)]{0,2}\d){9}(?!\p{N})/gu,
  },
  { kind: 'phone', regex: new RegExp(`(?<![\\p{N}])\\+(?!31)\\d{1,3}(?:${SEP}\\d){6,12}(?!\\p{N})`, 'gu') },
  {
    kind: 'bsn',
    regex: /(?<![\p{N}])(?:\d{9}|\d{3}[ .-]\d{3}[ .-]\d{3}|\d{4}[ .-]\d{2}[ .-]\d{3})(?![\p{N}])/gu,
  },
  {
    kind: 'postcode',
    // Letters SA, SD and SS are not issued; "1500 en" is a year and a word, not a postcode.
    regex: new RegExp(
      `${NOT_WORD_BEFORE}[1-9]\\d{3}(?:-?(?![Ss][AaDdSs])${L}{2}|\\s(?!(?:${COMMON_TWO_LETTER_WORDS})${NOT_WORD_AFTER})(?![Ss][AaDdSs])${L}{2})${NOT_WORD_AFTER}`,
      'gu',
    ),
  },
  { kind: 'licence-plate', regex: new RegExp(`${NOT_WORD_BEFORE}(?:${plateWith('-?', L)})${NOT_WORD_AFTER}`, 'gu') },
  {
    kind: 'licence-plate',
    regex: new RegExp(`${NOT_WORD_BEFORE}(?:${plateWith(' ', '[A-Z]')})${NOT_WORD_AFTER}`, 'gu'),
  },
  {
    kind: 'address',
    regex: new RegExp(
      `${NOT_WORD_BEFORE}[\\p{L}'\\-]*(?:${STREET_SUFFIX})\\s+\\d{1,5}(?:[\\s-]?[A-Za-z]${NOT_WORD_AFTER})?(?:[\\s-]\\d{1,4}${NOT_WORD_AFTER})?`,
      'giu',
    ),
  },
  {
    kind: 'name',
    regex: new RegExp(`${NOT_WORD_BEFORE}(?:${NAME_CUES.map(capitalise).join('|')})\\s+(${NAME})`, 'gu'),
    group: 1,
  },
];

/** Hits of the same span: the more specific kind wins (a postcode without space also fits a plate). */
const PRIORITY: PersonalDataKind[] = [
  'device-id',
  'name',
  'address',
  'email',
  'iban',
  'phone',
  'postcode',
  'bsn',
  'licence-plate',
];

export function scanForPersonalData(text: string, known: readonly KnownTerm[] = []): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const pattern of PATTERNS) {
    const regex = new RegExp(pattern.regex.source, `${pattern.regex.flags.replace('d', '')}d`);
    for (const match of text.matchAll(regex)) {
      const indices = match.indices?.[pattern.group ?? 0];
      if (!indices) continue;
      hits.push({ kind: pattern.kind, text: text.slice(indices[0], indices[1]), start: indices[0], end: indices[1] });
    }
  }
  for (const term of known) {
    const regex = knownTermRegex(term.text);
    if (!regex) continue;
    for (const match of text.matchAll(regex)) {
      hits.push({ kind: term.kind, text: match[0], start: match.index, end: match.index + match[0].length });
    }
  }
  return mergeOverlapping(hits, text);
}

/** Case-insensitive, and spaces or dashes between the parts of a term may differ or be absent. */
function knownTermRegex(term: string): RegExp | undefined {
  const parts = term.split(/[\s\-.]+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  const escaped = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`${NOT_WORD_BEFORE}${escaped.join('[\\s\\-.]*')}${NOT_WORD_AFTER}`, 'giu');
}

function mergeOverlapping(hits: PersonalDataHit[], text: string): PersonalDataHit[] {
  const sorted = [...hits].sort(
    (a, b) => a.start - b.start || b.end - a.end || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind),
  );
  const merged: PersonalDataHit[] = [];
  for (const hit of sorted) {
    const last = merged[merged.length - 1];
    if (last && hit.start < last.end) {
      if (hit.end > last.end) {
        last.end = hit.end;
        last.text = text.slice(last.start, last.end);
      }
      continue;
    }
    merged.push({ ...hit });
  }
  return merged;
}

/** Replaces each hit by a label such as `[telefoonnummer verwijderd]`; a postcode keeps its four digits. */
export function redact(text: string, hits: readonly PersonalDataHit[]): string {
  let result = '';
  let cursor = 0;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (hit.start < cursor) continue;
    result += text.slice(cursor, hit.start) + replacement(hit);
    cursor = hit.end;
  }
  return result + text.slice(cursor);
}

function replacement(hit: PersonalDataHit): string {
  if (hit.kind === 'postcode') {
    const digits = hit.text.match(/^\d{4}/)?.[0];
    if (digits) return digits;
  }
  return `[${PERSONAL_DATA_LABEL[hit.kind]} verwijderd]`;
}

/** The BSN check: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11. */
export function passesElfproef(digits: string): boolean {
  const clean = digits.replace(/\D/g, '');
  if (clean.length !== 9) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(clean[i]) * (9 - i);
  sum -= Number(clean[8]);
  return sum % 11 === 0 && sum !== 0;
}

/** Postcode "1234 AB" → "1234"; anything else that does not start with four digits → "". */
export function postcodeArea(postcode: string): string {
  return postcode.trim().match(/^[1-9]\d{3}/)?.[0] ?? '';
}
