import {
  NOT_WORD_AFTER,
  NOT_WORD_BEFORE,
  PATTERNS,
  type PersonalDataKind,
  PRIORITY,
} from './personal-data-patterns.ts';

/**
 * Finds personal data in free text by pattern, plus terms known from the incident
 * (its street, house number, postcode, the advisers' names, device ids). Patterns
 * cannot find every name: a name without a cue ("de heer", "buurvrouw") goes unseen,
 * which is why an anonymised export drops free text unless the adviser keeps it.
 */

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

export function scanForPersonalData(text: string, known: readonly KnownTerm[] = []): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const pattern of PATTERNS) {
    const regex = new RegExp(pattern.regex.source, `${pattern.regex.flags.replace('d', '')}d`);
    for (const match of text.matchAll(regex)) {
      const indices = match.indices?.[pattern.group ?? 0];
      if (!indices) continue;
      let [start, end] = indices;
      // "(06-12345678)": the bracket around the number is punctuation, not part of it;
      // "(020) 1234567" keeps its bracket, which closes inside the number.
      if (pattern.kind === 'phone' && text[start] === '(' && !text.slice(start, end).includes(')')) start += 1;
      hits.push({ kind: pattern.kind, text: text.slice(start, end), start, end });
    }
  }
  const matcher = knownMatcher(known);
  if (matcher) {
    for (const match of text.matchAll(matcher.regex)) {
      const kind = matcher.kinds.get(normalised(match[0]));
      if (kind) hits.push({ kind, text: match[0], start: match.index, end: match.index + match[0].length });
    }
  }
  return mergeOverlapping(hits, text);
}

/**
 * All known terms as one regex, compiled once per list: a kept text is scanned for every
 * name and number found anywhere in the export, which can be thousands of terms.
 * Case-insensitive, and spaces, dots or dashes between the parts of a term may differ or be absent.
 */
const matchers = new WeakMap<readonly KnownTerm[], { regex: RegExp; kinds: Map<string, PersonalDataKind> } | null>();
function knownMatcher(known: readonly KnownTerm[]) {
  let matcher = matchers.get(known);
  if (matcher !== undefined) return matcher;
  const kinds = new Map<string, PersonalDataKind>();
  const sources: string[] = [];
  for (const term of [...known].sort((a, b) => b.text.length - a.text.length)) {
    const parts = term.text.split(/[\s\-.]+/).filter(Boolean);
    const key = normalised(term.text);
    if (parts.length === 0 || kinds.has(key)) continue;
    kinds.set(key, term.kind);
    sources.push(parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\-.]*'));
  }
  matcher = sources.length
    ? { regex: new RegExp(`${NOT_WORD_BEFORE}(?:${sources.join('|')})${NOT_WORD_AFTER}`, 'giu'), kinds }
    : null;
  matchers.set(known, matcher);
  return matcher;
}

const normalised = (text: string) => text.toLowerCase().replace(/[\s\-.]+/g, '');

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
