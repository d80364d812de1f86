/**
 * The patterns that find personal data in Dutch free text, and which kind wins when two
 * find the same span. Kept apart from the scanner (personal-data.ts) so each stays readable.
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

export interface Pattern {
  kind: PersonalDataKind;
  regex: RegExp;
  /** The capture group that is the hit; the whole match when absent. */
  group?: number;
}

export const PATTERNS: Pattern[] = [
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
export const PRIORITY: PersonalDataKind[] = [
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
