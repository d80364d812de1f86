import { PATTERNS, type PersonalDataKind, PRIORITY } from './personal-data-patterns.ts';

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
  hits.push(...matchKnownTerms(text, known));
  return mergeOverlapping(hits, text);
}

/**
 * The known terms in a text, compared word by word: case-insensitive, and spaces, dots,
 * dashes, brackets or an apostrophe between the words of a term may differ or be absent
 * ("06-12345678" finds "0612345678", "1234 AB" finds "1234AB"). A kept text is checked
 * against every name and number found anywhere in the export, which can be thousands of
 * terms; one regex of them all took seconds per thousand texts, this takes milliseconds.
 */
function matchKnownTerms(text: string, known: readonly KnownTerm[]): PersonalDataHit[] {
  const index = knownIndex(known);
  if (index.kinds.size === 0) return [];
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    lower: m[0].toLowerCase(),
  }));
  const hits: PersonalDataHit[] = [];
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    let last = -1;
    for (let j = i; j < words.length; j++) {
      if (j > i && !JOIN.test(text.slice(words[j - 1]!.end, words[j]!.start))) break;
      joined += words[j]!.lower;
      if (!index.prefixes.has(joined)) break;
      if (index.kinds.has(joined)) last = j;
    }
    if (last < 0) continue;
    const start = words[i]!.start;
    const end = words[last]!.end;
    hits.push({ kind: index.kinds.get(squeezed(text.slice(start, end)))!, text: text.slice(start, end), start, end });
    i = last;
  }
  return hits;
}

/** What may stand between the words of one term. */
const JOIN = /^[\s\-.'’@+()/]{0,3}$/u;
const squeezed = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const indexes = new WeakMap<readonly KnownTerm[], { kinds: Map<string, PersonalDataKind>; prefixes: Set<string> }>();
function knownIndex(known: readonly KnownTerm[]) {
  let index = indexes.get(known);
  if (!index) {
    index = { kinds: new Map(), prefixes: new Set() };
    // Longest first: for the same letters, the kind of the longer (more specific) term wins.
    for (const term of [...known].sort((a, b) => b.text.length - a.text.length)) {
      const key = squeezed(term.text);
      // One letter or digit would hit every such word; no name or number is that short.
      if (key.length < 2 || index.kinds.has(key)) continue;
      index.kinds.set(key, term.kind);
      for (let n = 1; n <= key.length; n++) index.prefixes.add(key.slice(0, n));
    }
    indexes.set(known, index);
  }
  return index;
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
