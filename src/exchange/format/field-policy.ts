import type {
  Address,
  ConsiderationWeighed,
  DecisionTerm,
  EventPayloads,
  EventType,
  IncidentDetails,
  IncidentEventOf,
} from '../../model/events.ts';
import type { LocalLayerRef } from '../../model/local-layer.ts';
import type { IncidentSummary } from './types.ts';

/**
 * The one table that says, per field, whether it goes into an exchange file and what
 * happens to it in the anonymised file for the national network. The exporter and the
 * anonymiser copy only the fields listed here, so a field added to the event model is
 * left out of every file until someone decides its policy, and the typed records below
 * make TypeScript fail until they do.
 */

export type AnonymisedHandling =
  /** Not personal: copied as is. */
  | 'keep'
  /** Left out of the anonymised file. */
  | 'drop'
  /** Kept as an empty string, so the shape stays valid (street, house number). */
  | 'blank'
  /** Postcode "1234 AB" becomes its four digits "1234". */
  | 'postcode-area'
  /** The incident title becomes municipality and postcode area. */
  | 'generalise-title'
  /**
   * The moment of the incident, rounded to the day (or the precision the adviser chose):
   * a minute can be matched to a news report, a day much less so.
   */
  | 'coarsen-time'
  /** Replaced by a pseudonym that is stable within the file ("Adviseur 1", "Apparaat 1"). */
  | 'pseudonymise'
  /** An incident or event id (or a list of them): replaced by a keyed hash, stable per device, unlinkable without its key. */
  | 'pseudonymise-id'
  /**
   * A step id: national ids as they are; a local step id made from its title
   * ("direct-na.gm0363-bel-jan-jansen") becomes the same opaque id as in the local layer's shared file.
   */
  | 'opaque-step-id'
  /** Free text: scanned for personal data; the adviser drops it (default) or keeps it with hits redacted. */
  | 'free-text'
  /** An object or list of objects with its own table. */
  | 'nested';

export interface FieldPolicy {
  /** In own (non-anonymised) files: exports and backups. */
  exported: boolean;
  anonymised: AnonymisedHandling;
  /** For 'nested': the table of the object, or of each item when `list`. */
  nested?: PolicyTable;
  list?: boolean;
}

export type PolicyTable = { readonly [field: string]: FieldPolicy };

/** Every key of T, optional ones included: a missing key is a compile error. */
type PolicyFor<T> = { readonly [K in keyof Required<T>]-?: FieldPolicy };

const keep: FieldPolicy = { exported: true, anonymised: 'keep' };
const stepId: FieldPolicy = { exported: true, anonymised: 'opaque-step-id' };
const freeText: FieldPolicy = { exported: true, anonymised: 'free-text' };
const nested = (table: PolicyTable, list = false): FieldPolicy => ({
  exported: true,
  anonymised: 'nested',
  nested: table,
  list,
});

export const ADDRESS_POLICY: PolicyFor<Address> = {
  street: { exported: true, anonymised: 'blank' },
  houseNumber: { exported: true, anonymised: 'blank' },
  postcode: { exported: true, anonymised: 'postcode-area' },
  city: keep,
};

export const DETAILS_POLICY: PolicyFor<IncidentDetails> = {
  kind: keep,
  target: keep,
  address: nested(ADDRESS_POLICY),
  locationDescription: freeText,
  municipality: keep,
  occurredAt: { exported: true, anonymised: 'coarsen-time' },
};

export const CONSIDERATION_POLICY: PolicyFor<ConsiderationWeighed> = {
  considerationId: keep,
  checked: keep,
  note: freeText,
};

export const DECISION_POLICY: PolicyFor<EventPayloads['decision.recorded']> = {
  instrumentId: keep,
  stepId,
  outcome: keep,
  considerations: nested(CONSIDERATION_POLICY, true),
  motivation: freeText,
  decidedAt: keep,
  // Dates of the measure, like the decision's own date: they say when, not who or where.
  term: nested({ start: keep, end: keep } satisfies PolicyFor<DecisionTerm>),
  announcedAt: keep,
  hearingAt: keep,
};

export const PAYLOAD_POLICY: { readonly [T in EventType]: PolicyFor<EventPayloads[T]> } = {
  // The local layer's municipality code and revision say which local steps were in use; no personal data.
  'incident.created': {
    ...DETAILS_POLICY,
    phase: keep,
    contentVersion: keep,
    localLayer: nested({ municipalityCode: keep, revision: keep } satisfies PolicyFor<LocalLayerRef>),
  },
  'incident.details-changed': { ...DETAILS_POLICY, clear: keep },
  'incident.phase-changed': { phase: keep },
  'incident.linked': { otherIncidentId: { exported: true, anonymised: 'pseudonymise-id' }, reason: keep },
  'incident.closed': {},
  'incident.reopened': {},
  'step.status-set': { stepId, status: keep, reason: freeText },
  'step.note-added': { stepId, text: freeText },
  'log.entry-added': { text: freeText, happenedAt: keep },
  'decision.recorded': DECISION_POLICY,
  'entry.edited': {
    entryId: { exported: true, anonymised: 'pseudonymise-id' },
    text: freeText,
    happenedAt: keep,
    decision: nested(DECISION_POLICY),
  },
  'entry.withdrawn': { entryId: { exported: true, anonymised: 'pseudonymise-id' }, reason: freeText },
};

/** The fields every event has; `payload` follows PAYLOAD_POLICY of its type. */
export const EVENT_POLICY: PolicyFor<Omit<IncidentEventOf<'incident.closed'>, 'payload'>> = {
  id: { exported: true, anonymised: 'pseudonymise-id' },
  incidentId: { exported: true, anonymised: 'pseudonymise-id' },
  at: keep,
  actor: { exported: true, anonymised: 'pseudonymise' },
  device: { exported: true, anonymised: 'pseudonymise' },
  type: keep,
};

/** The incident summary beside the events (the list row). */
export const SUMMARY_POLICY: PolicyFor<IncidentSummary> = {
  id: { exported: true, anonymised: 'pseudonymise-id' },
  status: keep,
  kind: keep,
  target: keep,
  municipality: keep,
  title: { exported: true, anonymised: 'generalise-title' },
  // A hash of postcode and house number: few enough values to enumerate, so personal.
  addressKey: { exported: true, anonymised: 'drop' },
  occurredAt: { exported: true, anonymised: 'coarsen-time' },
  createdAt: keep,
  updatedAt: keep,
  closedAt: keep,
  phase: keep,
  progress: keep,
  contentVersion: keep,
  linkedIncidentIds: { exported: true, anonymised: 'pseudonymise-id' },
  // Framework ids, no personal data.
  newerContentIds: keep,
};
