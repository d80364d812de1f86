import type { LocalLayerRef } from './local-layer.ts';
import type { PhaseId, Target } from './vocabulary.ts';

/**
 * The incident event log: the source of truth for everything an adviser records.
 * Events are only ever appended. Their shape is part of the exchange format, so a
 * field may be added but never renamed or given another meaning.
 */

export const INCIDENT_KINDS = ['explosie', 'poging', 'aangetroffen-explosief', 'dreiging'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const STEP_STATUSES = ['open', 'gedaan', 'nvt', 'later'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const DECISION_OUTCOMES = ['genomen', 'niet-genomen'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export interface Address {
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
}

export interface IncidentDetails {
  kind: IncidentKind;
  target: Target;
  /** For homes and businesses. */
  address?: Address;
  /** For vehicles, or where no address fits. */
  locationDescription?: string;
  municipality: string;
  /** When the incident happened (ISO 8601), as entered by the adviser. */
  occurredAt: string;
}

/** Optional details that a correction may remove, e.g. when a vehicle was first entered as a home. */
export type ClearableDetail = 'address' | 'locationDescription';

export interface ConsiderationWeighed {
  considerationId: string;
  checked: boolean;
  note: string;
}

/** Added in issue 15; optional, so files written before it stay valid. */
export interface DecisionTerm {
  start?: string;
  end?: string;
}

export interface EventPayloads {
  'incident.created': IncidentDetails & {
    phase: Extract<PhaseId, 'dreiging' | 'direct-na'>;
    contentVersion: string;
    /** The municipality's local layer the incident started with (issue 14); absent without one. */
    localLayer?: LocalLayerRef;
  };
  /** Fields present are set; `clear` removes optional fields (JSON cannot carry undefined). */
  'incident.details-changed': Partial<IncidentDetails> & { clear?: ClearableDetail[] };
  'incident.phase-changed': { phase: PhaseId };
  'incident.linked': { otherIncidentId: string; reason: 'zelfde-adres' | 'handmatig' };
  'incident.closed': Record<string, never>;
  'incident.reopened': Record<string, never>;
  'step.status-set': { stepId: string; status: StepStatus; reason?: string };
  'step.note-added': { stepId: string; text: string };
  'log.entry-added': { text: string; happenedAt?: string };
  'decision.recorded': {
    instrumentId: string;
    stepId?: string;
    outcome: DecisionOutcome;
    considerations: ConsiderationWeighed[];
    motivation: string;
    decidedAt: string;
    /** The measure's term, where the instrument has one (a closure must have a fixed term): calendar dates. */
    term?: DecisionTerm;
    /** When the decision was made known to those concerned (calendar date). */
    announcedAt?: string;
    /** A hearing (zienswijze) planned or held, where relevant (ISO 8601). */
    hearingAt?: string;
  };
  /** Corrects a note, log entry or decision; the original event stays in the log. */
  'entry.edited': {
    entryId: string;
    text?: string;
    happenedAt?: string;
    decision?: Partial<EventPayloads['decision.recorded']>;
  };
  'entry.withdrawn': { entryId: string; reason: string };
}

export type EventType = keyof EventPayloads;
export const EVENT_TYPES = [
  'incident.created',
  'incident.details-changed',
  'incident.phase-changed',
  'incident.linked',
  'incident.closed',
  'incident.reopened',
  'step.status-set',
  'step.note-added',
  'log.entry-added',
  'decision.recorded',
  'entry.edited',
  'entry.withdrawn',
] as const satisfies readonly EventType[];

export interface IncidentEventOf<T extends EventType> {
  /** ULID: globally unique and sortable by creation time. */
  id: string;
  incidentId: string;
  /** When the event was written (ISO 8601, UTC). */
  at: string;
  /** Name or initials of the adviser. */
  actor: string;
  /** Installation that wrote the event. */
  device: string;
  type: T;
  payload: EventPayloads[T];
}

export type IncidentEvent = { [T in EventType]: IncidentEventOf<T> }[EventType];

/**
 * The one total order over events used everywhere (fold, merge, timeline): by time
 * written, then device, then id. Two phones that set the same step differently end
 * with the same winner whichever file they import first.
 */
export function compareEvents(
  a: Pick<IncidentEvent, 'at' | 'device' | 'id'>,
  b: Pick<IncidentEvent, 'at' | 'device' | 'id'>,
): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** Events per incident, each list in the order given. */
export function groupByIncident(events: readonly IncidentEvent[]): Map<string, IncidentEvent[]> {
  const byIncident = new Map<string, IncidentEvent[]>();
  for (const event of events) {
    const list = byIncident.get(event.incidentId);
    if (list) list.push(event);
    else byIncident.set(event.incidentId, [event]);
  }
  return byIncident;
}
