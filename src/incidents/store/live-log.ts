import type { IncidentEvent } from '../../model/events.ts';
import type { IncidentState } from '../domain/incident-state.ts';

/**
 * The newest log of each incident this tab knows: the one it last committed, or a
 * longer one a read brought in (another tab's or an import's change). Screens show a
 * committed change straight from here instead of waiting for the database round trip
 * of a live query, and a step tap appends to it without reading the log again (the
 * writer checks the stored log's mark in the same round trip as its write).
 * Because a log only grows, the longer of two copies is the newer one.
 */
interface KnownLog {
  events: readonly IncidentEvent[];
  /** How many of the events are stored as appended rows rather than in the log row. */
  appended: number;
}

const logs = new Map<string, KnownLog>();
const listeners = new Set<() => void>();

/** The writer's fold of each published log, so the screen does not fold the same events again. */
const folds = new WeakMap<readonly IncidentEvent[], IncidentState>();

export function publishCommittedLog(
  incidentId: string,
  events: readonly IncidentEvent[],
  state?: IncidentState,
  appended = 0,
): void {
  logs.set(incidentId, { events, appended });
  if (state) folds.set(events, state);
  for (const listener of listeners) listener();
}

/**
 * Records a log read from the database if it is newer than what this tab knows. Does
 * not notify: the reader that got it re-renders by itself.
 */
export function rememberStoredLog(incidentId: string, events: readonly IncidentEvent[], appended: number): void {
  if (events.length === 0) {
    logs.delete(incidentId);
    return;
  }
  const known = logs.get(incidentId);
  if (!known || events.length > known.events.length) logs.set(incidentId, { events, appended });
}

export function forgetCommittedLog(incidentId: string): void {
  if (logs.delete(incidentId)) for (const listener of listeners) listener();
}

export function committedLog(incidentId: string): readonly IncidentEvent[] | undefined {
  return logs.get(incidentId)?.events;
}

/** The newest log this tab knows, with how it is stored; the writer checks it before relying on it. */
export function knownLog(incidentId: string): KnownLog | undefined {
  return logs.get(incidentId);
}

export function subscribeCommittedLogs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The newer of the stored log and this tab's committed copy. An empty stored log
 * means the incident was deleted (the only way a log shrinks), perhaps in another tab.
 */
export function newerLog<T extends readonly IncidentEvent[]>(
  stored: T | undefined,
  local: T | undefined,
): T | undefined {
  const a = stored;
  const b = local;
  if (a && a.length === 0) return a;
  if (!a) return b;
  if (!b) return a;
  // On a tie keep this tab's copy: the same array means no second fold and render
  // when the live query echoes a write this tab already shows.
  return b.length >= a.length ? b : a;
}

/** The state the writer folded from exactly this array, if it published it. */
export function committedFold(events: readonly IncidentEvent[]): IncidentState | undefined {
  return folds.get(events);
}

/** Lets a reader's fold be reused by the writer's next tap on the same log. */
export function rememberFold(events: readonly IncidentEvent[], state: IncidentState): void {
  folds.set(events, state);
}
