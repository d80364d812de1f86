import type { Kader } from '../../content/schema.ts';
import type { IncidentState } from '../../incidents/domain/incident-state.ts';
import { projectIncident } from '../../incidents/domain/projection.ts';
import { compareEvents, type IncidentEvent } from '../../model/events.ts';
import { sha256Hex } from '../../model/hashing.ts';
import { withNewerContentIds } from '../format/content-ids.ts';
import { SUMMARY_POLICY } from '../format/field-policy.ts';
import type { ExchangeIncident, IncidentSummary, RemovedCount } from '../format/types.ts';
import { coarsenTime, type TimePrecision } from './amsterdam-time.ts';
import { type Anonymiser, copyByPolicy, copyEventByPolicy, freeTextFields } from './apply-policy.ts';
import { knownTerms } from './known-terms.ts';
import { type PersonalDataHit, postcodeArea, redact, scanForPersonalData } from './personal-data.ts';

/**
 * The anonymised variant for the national network (NEIG). Structured fields follow the
 * field policy; every free text is dropped unless the adviser chose to keep it, and a
 * kept text still loses every hit the scanner finds. The file counts what went, never
 * what it was.
 */

export interface ExportInputIncident {
  state: IncidentState;
  events: IncidentEvent[];
}
export interface ExportInput {
  incidents: ExportInputIncident[];
}

/** Drop the text (the default), keep it with what the scanner finds removed, or keep the adviser's edit of it (scanned too). */
export type FreeTextChoice = 'drop' | 'keep' | { edited: string };

export interface AnonymiseChoices {
  /** Per free text, keyed by freeTextKey(eventId, field). A text without a choice is dropped. */
  texts?: Readonly<Record<string, FreeTextChoice>>;
  /** Further names or words the adviser wants removed from kept texts. */
  extraTerms?: readonly string[];
  /**
   * Key for the id pseudonyms (the device's, from settings): the same incident gets the
   * same pseudonym in every export of this device. Without it, a random key per file.
   */
  pseudonymSecret?: string;
  /** How finely the moment of the incident stays in the file; the day when absent. */
  timePrecision?: TimePrecision;
}

export interface FreeTextHit {
  /** The key for AnonymiseChoices.texts. */
  key: string;
  incidentId: string;
  eventId: string;
  /** Path inside the payload, e.g. `text`, `motivation`, `considerations.0.note`. */
  field: string;
  text: string;
  /** May be empty: a text without recognised personal data is still dropped by default. */
  hits: PersonalDataHit[];
}

export const DROPPED_TEXT = '[tekst verwijderd]';

export const freeTextKey = (eventId: string, field: string) => `${eventId}/${field}`;

/** Every non-empty free text of the chosen incidents, with what the scanner found in it. */
export function findFreeTextHits(input: ExportInput, extraTerms: readonly string[] = []): FreeTextHit[] {
  const known = knownTerms(input.incidents, extraTerms);
  return input.incidents.flatMap(({ state, events }) =>
    sorted(events).flatMap((event) =>
      freeTextFields(event)
        .filter(({ text }) => text.trim() !== '')
        .map(({ path, text }) => ({
          key: freeTextKey(event.id, path),
          incidentId: state.id,
          eventId: event.id,
          field: path,
          text,
          hits: scanForPersonalData(text, known),
        })),
    ),
  );
}

/** Dutch labels for RemovedCount.what. */
export const REMOVED_LABEL: Record<string, string> = {
  'actor-name': 'namen van adviseurs (vervangen door Adviseur 1, 2 …)',
  'device-id': 'apparaat-id’s (vervangen door Apparaat 1, 2 …)',
  street: 'straatnamen',
  houseNumber: 'huisnummers',
  'postcode-letters': 'letters van postcodes',
  addressKey: 'adressleutels',
  title: 'titels met adres (vervangen door gemeente en postcodegebied)',
  'free-text-dropped': 'vrije teksten weggelaten',
  'free-text-edited': 'vrije teksten door u aangepast',
  name: 'namen in vrije tekst',
  address: 'adressen in vrije tekst',
  postcode: 'postcodes in vrije tekst (ingekort tot vier cijfers)',
  phone: 'telefoonnummers in vrije tekst',
  email: 'e-mailadressen in vrije tekst',
  'licence-plate': 'kentekens in vrije tekst',
  bsn: 'nummers die op een BSN lijken, in vrije tekst',
  iban: 'rekeningnummers in vrije tekst',
  'device-id-text': 'apparaat-id’s in vrije tekst',
  'ids-pseudonymised': 'kenmerken van incidenten en vastleggingen (vervangen door schuilnamen)',
  'occurredAt-day': 'tijdstip van het incident (alleen de dag blijft)',
  'occurredAt-hour': 'minuten van het tijdstip van het incident (het uur blijft)',
  'occurredAt-month': 'dag en tijdstip van het incident (alleen de maand blijft)',
};

export function anonymiseIncidents(
  input: ExportInput,
  choices: AnonymiseChoices = {},
  kader?: Kader,
): { incidents: ExchangeIncident[]; removed: RemovedCount[] } {
  const known = knownTerms(input.incidents, choices.extraTerms ?? []);
  const precision = choices.timePrecision ?? 'day';
  const counts = new Map<string, number>();
  const count = (what: string, n = 1) => counts.set(what, (counts.get(what) ?? 0) + n);

  const allEvents = input.incidents.flatMap(({ events }) => sorted(events));
  const actors = new Map<string, string>();
  for (const event of allEvents) {
    if (event.actor.trim() && !actors.has(event.actor)) actors.set(event.actor, `Adviseur ${actors.size + 1}`);
  }
  // Pseudonyms sort like the ids they replace, so the (at, device, id) order survives.
  const devices = [...new Set(allEvents.map((event) => event.device))].sort();
  const width = String(devices.length).length;
  const devicePseudonyms = new Map(
    devices.map((device, i) => [device, `Apparaat ${String(i + 1).padStart(width, '0')}`]),
  );
  if (actors.size) count('actor-name', actors.size);
  if (devices.length) count('device-id', devices.length);

  // Ids are random, but whoever holds the full export could match them: they are replaced too.
  const secret = choices.pseudonymSecret ?? randomSecret();
  const idPseudonyms = new Map<string, string>();
  count('ids-pseudonymised', new Set(allEvents.flatMap((event) => [event.id, event.incidentId])).size);

  let currentTitle = '';
  const anonymiser: Anonymiser = {
    freeText(eventId, path, text) {
      if (text.trim() === '') return text;
      const choice = choices.texts?.[freeTextKey(eventId, path)];
      if (choice === undefined || choice === 'drop') {
        count('free-text-dropped');
        return DROPPED_TEXT;
      }
      const kept = choice === 'keep' ? text : choice.edited;
      if (kept !== text) count('free-text-edited');
      const hits = scanForPersonalData(kept, known);
      for (const hit of hits) count(hit.kind === 'device-id' ? 'device-id-text' : hit.kind);
      return redact(kept, hits);
    },
    pseudonymId(id) {
      let pseudonym = idPseudonyms.get(id);
      if (!pseudonym) {
        pseudonym = `a${sha256Hex(`${secret}:${id}`).slice(0, 32)}`;
        idPseudonyms.set(id, pseudonym);
      }
      return pseudonym;
    },
    pseudonym(field, value) {
      if (field === 'device') return devicePseudonyms.get(value) ?? 'Apparaat';
      return value.trim() ? (actors.get(value) ?? 'Adviseur') : '';
    },
    postcodeArea(postcode) {
      const area = postcodeArea(postcode);
      if (area !== postcode.trim()) count('postcode-letters');
      return area;
    },
    coarsenTime(iso) {
      count(`occurredAt-${precision}`);
      return coarsenTime(iso, precision);
    },
    generaliseTitle() {
      count('title');
      return currentTitle;
    },
    dropped(field) {
      count(field);
    },
  };

  const incidents = input.incidents.map(({ state, events }) => {
    const summary = projectIncident(state, kader);
    currentTitle = generalTitle(state);
    return {
      incident: withNewerContentIds(
        copyByPolicy(summary, SUMMARY_POLICY, anonymiser, {
          eventId: state.id,
          path: '',
        }) as unknown as IncidentSummary,
        events,
        kader,
      ),
      events: sorted(events).map((event) => copyEventByPolicy(event, anonymiser)),
    };
  });
  const removed = [...counts].map(([what, n]) => ({ what, count: n })).sort((a, b) => a.what.localeCompare(b.what));
  return { incidents, removed };
}

function randomSecret(): string {
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** "Utrecht (3512)": the municipality and the area of the latest address, nothing finer. */
function generalTitle(state: IncidentState): string {
  const area = postcodeArea(state.details.address?.postcode ?? '');
  return area ? `${state.details.municipality} (${area})` : state.details.municipality;
}

function sorted(events: readonly IncidentEvent[]): IncidentEvent[] {
  return [...events].sort(compareEvents);
}
