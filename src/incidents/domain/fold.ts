import {
  compareEvents,
  EVENT_TYPES,
  type EventType,
  type IncidentDetails,
  type IncidentEvent,
  type IncidentEventOf,
  STEP_STATUSES,
} from '../../model/events.ts';
import { PHASE_IDS, type PhaseId } from '../../model/vocabulary.ts';
import { applyEntryChange, type EntryChangeEvent, entryFromEvent } from './fold-entries.ts';
import type { Entry, IncidentState, StepStatusChange } from './incident-state.ts';

/**
 * Derives an incident's state from its events. Pure: sorts by the one total order
 * first, because events arrive in storage, import or merge order.
 *
 * Events of unknown types, malformed events and events that refer to unknown entries
 * are skipped rather than thrown: files written by other app versions must still open.
 * Returns undefined when there is no incident.created event.
 */
export function foldIncident(events: readonly IncidentEvent[]): IncidentState | undefined {
  const sorted = events.filter(isWellFormed).sort(compareEvents);
  const created = sorted.find(
    (event): event is IncidentEventOf<'incident.created'> => event.type === 'incident.created',
  );
  if (!created) return undefined;

  const state = initialState(created);
  const entries = new Map<string, Entry>();
  // Edits and withdrawals are applied after all entries exist: with clock skew between
  // phones an edit can sort before the entry it corrects, and must not be lost.
  const entryChanges: EntryChangeEvent[] = [];
  let updatedAt = created.at;

  for (const event of sorted) {
    if (event.incidentId !== state.id || event.type === 'incident.created') continue;
    if (event.at > updatedAt) updatedAt = event.at;
    if (event.type === 'entry.edited' || event.type === 'entry.withdrawn') {
      entryChanges.push(event);
      continue;
    }
    const entry = entryFromEvent(event);
    if (entry) {
      entries.set(entry.id, entry);
      if (entry.kind === 'note') state.notes.push(entry);
      else if (entry.kind === 'log') state.log.push(entry);
      else state.decisions.push(entry);
      continue;
    }
    applyIncidentEvent(state, event);
  }
  for (const change of entryChanges) {
    const entry = entries.get(change.payload.entryId);
    if (entry) applyEntryChange(entry, change);
  }
  state.updatedAt = updatedAt;
  return state;
}

const KNOWN_TYPES = new Set<string>(EVENT_TYPES);

function isWellFormed(event: IncidentEvent): boolean {
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof event.id === 'string' &&
    typeof event.incidentId === 'string' &&
    typeof event.at === 'string' &&
    typeof event.device === 'string' &&
    KNOWN_TYPES.has(event.type as EventType) &&
    typeof event.payload === 'object' &&
    event.payload !== null
  );
}

function initialState(created: IncidentEventOf<'incident.created'>): IncidentState {
  const { phase, contentVersion, localLayer, ...details } = created.payload;
  return {
    id: created.incidentId,
    details: copyDetails(details),
    contentVersion,
    ...(localLayer
      ? { localLayer: { municipalityCode: localLayer.municipalityCode, revision: localLayer.revision } }
      : {}),
    phase,
    status: 'open',
    createdAt: created.at,
    createdBy: created.actor,
    updatedAt: created.at,
    // No prototype: a step id from an imported file such as "__proto__" stays an ordinary key.
    steps: Object.create(null) as IncidentState['steps'],
    notes: [],
    log: [],
    decisions: [],
    links: [],
  };
}

const DETAIL_KEYS = ['kind', 'target', 'address', 'locationDescription', 'municipality', 'occurredAt'] as const;

function copyDetails(source: Partial<IncidentDetails>): IncidentDetails {
  const copy: Partial<IncidentDetails> = {};
  for (const key of DETAIL_KEYS) {
    const value = source[key];
    if (value === undefined) continue;
    (copy as Record<string, unknown>)[key] = key === 'address' && typeof value === 'object' ? { ...value } : value;
  }
  return copy as IncidentDetails;
}

function applyIncidentEvent(state: IncidentState, event: IncidentEvent): void {
  switch (event.type) {
    case 'incident.details-changed': {
      const { clear, ...changes } = event.payload;
      const details = { ...state.details, ...copyDetails(changes) };
      for (const field of Array.isArray(clear) ? clear : []) {
        if (field === 'address' || field === 'locationDescription') delete details[field];
      }
      state.details = details;
      return;
    }
    case 'incident.phase-changed':
      if ((PHASE_IDS as readonly string[]).includes(event.payload.phase)) state.phase = event.payload.phase as PhaseId;
      return;
    case 'incident.linked': {
      const other = event.payload.otherIncidentId;
      if (typeof other !== 'string' || other === state.id) return;
      if (state.links.some((link) => link.incidentId === other)) return;
      state.links.push({ incidentId: other, reason: event.payload.reason, at: event.at });
      return;
    }
    case 'incident.closed':
      // Two phones closing independently: the incident closed at the first close.
      if (state.status === 'open') {
        state.status = 'gesloten';
        state.closedAt = event.at;
      }
      return;
    case 'incident.reopened':
      state.status = 'open';
      delete state.closedAt;
      return;
    case 'step.status-set': {
      const { stepId, status, reason } = event.payload;
      if (typeof stepId !== 'string' || !(STEP_STATUSES as readonly string[]).includes(status)) return;
      // Literals, not spreads or a copy without undefined keys: this runs for most events of every fold.
      const { at, actor, device, id: eventId } = event;
      const change: StepStatusChange =
        reason === undefined ? { status, at, actor, device, eventId } : { status, reason, at, actor, device, eventId };
      // Events are sorted, so the last change is the winner by (at, device, id). The
      // history array moves on to the step's new state; the old state is dropped, so
      // sharing it is safe and saves a copy per change.
      const history = state.steps[stepId]?.history ?? [];
      history.push(change);
      state.steps[stepId] =
        reason === undefined
          ? { status, at, actor, device, eventId, history }
          : { status, reason, at, actor, device, eventId, history };
      return;
    }
    default:
      return;
  }
}
