import { isCalendarDate } from '../../model/calendar-date.ts';
import { type EventPayloads, INCIDENT_KINDS, type IncidentDetails } from '../../model/events.ts';
import { LIMITS } from '../../model/limits.ts';
import { TARGETS } from '../../model/vocabulary.ts';
import { closed, invalid } from './incident-command-error.ts';
import type { IncidentState } from './incident-state.ts';
import { FUTURE_TIME_MESSAGE, isInFuture } from './time-rules.ts';

/** Checks a command makes before writing; each throws an IncidentCommandError with a Dutch message. */

export function requireOpen(state: IncidentState): void {
  if (state.status === 'gesloten') throw closed();
}

export function requireLiveEntry(state: IncidentState, entryId: string): void {
  const entry = [...state.notes, ...state.log, ...state.decisions].find((candidate) => candidate.id === entryId);
  if (!entry) throw invalid('Deze aantekening bestaat niet (meer) bij dit incident.');
  if (entry.withdrawn) throw invalid('Deze aantekening is ingetrokken en kan niet meer worden gewijzigd.');
}

export function requireText(text: string): void {
  if (!text.trim()) throw invalid('Schrijf eerst iets op; een lege tekst wordt niet opgeslagen.');
  requireLength(text, LIMITS.freeText, 'Deze tekst');
}

export function requireLength(text: string | undefined, max: number, what: string): void {
  if (text !== undefined && text.length > max)
    throw invalid(`${what} is te lang: maximaal ${max.toLocaleString('nl-NL')} tekens.`);
}

export function requireDate(iso: string): void {
  const time = Date.parse(iso);
  // Exports write years as four digits; a typo like year 20260 would make the file unreadable.
  const year = new Date(time).getUTCFullYear();
  // Date.parse too: a shape the calendar check accepts may still be one an older browser cannot read.
  if (!isCalendarDate(iso) || Number.isNaN(time) || year < 1900 || year > 9999)
    throw invalid('Vul een geldige datum en tijd in.');
}

/** A moment that has not happened yet cannot be on the record (a slip on the date picker at 3 a.m.). */
export function requirePast(iso: string, now: Date): void {
  requireDate(iso);
  if (isInFuture(iso, now)) throw invalid(FUTURE_TIME_MESSAGE);
}

/** A decision's term, announcement and hearing: real dates, an end not before the start, no announcement ahead. */
export function validateDecisionDates(
  decision: Pick<EventPayloads['decision.recorded'], 'term' | 'announcedAt' | 'hearingAt'>,
  now: Date,
): void {
  const { term, announcedAt, hearingAt } = decision;
  if (term?.start !== undefined) requireDate(term.start);
  if (term?.end !== undefined) requireDate(term.end);
  if (term?.start && term.end && term.end < term.start)
    throw invalid('De einddatum van de termijn ligt vóór de ingangsdatum.');
  if (announcedAt !== undefined) requirePast(announcedAt, now);
  if (hearingAt !== undefined) requireDate(hearingAt);
}

export function validateDetails(details: Partial<IncidentDetails>, partial = false, now?: Date): void {
  const has = (key: keyof IncidentDetails) => !partial || details[key] !== undefined;
  if (has('kind') && !INCIDENT_KINDS.includes(details.kind as never)) throw invalid('Kies wat er is gebeurd.');
  if (has('target') && !TARGETS.includes(details.target as never)) throw invalid('Kies het doelwit.');
  if (has('municipality') && !details.municipality?.trim()) throw invalid('Vul de gemeente in.');
  if (has('occurredAt')) {
    if (now) requirePast(details.occurredAt ?? '', now);
    else requireDate(details.occurredAt ?? '');
  }
  requireLength(details.municipality, LIMITS.name, 'De gemeente');
  requireLength(details.locationDescription, LIMITS.freeText, 'De locatiebeschrijving');
  requireLength(details.address?.street, LIMITS.shortText, 'De straat');
  requireLength(details.address?.houseNumber, LIMITS.name, 'Het huisnummer');
  requireLength(details.address?.postcode, LIMITS.name, 'De postcode');
  requireLength(details.address?.city, LIMITS.shortText, 'De plaats');
}

const DETAIL_KEYS = ['kind', 'target', 'address', 'locationDescription', 'municipality', 'occurredAt'] as const;

/** Only the fields of IncidentDetails go into an event: the rest of a form's state must not end up in exports. */
export function pickDetails<T extends Partial<IncidentDetails>>(details: T): T {
  const picked: Partial<IncidentDetails> = {};
  for (const key of DETAIL_KEYS) {
    if (details[key] === undefined) continue;
    if (key === 'address' && details.address) {
      const { street, houseNumber, postcode, city } = details.address;
      picked.address = { street, houseNumber, postcode, city };
    } else (picked as Record<string, unknown>)[key] = details[key];
  }
  return picked as T;
}
