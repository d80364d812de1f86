import type { IncidentEvent } from './events.ts';
import type { IncidentState } from './incident-state.ts';

/**
 * The log of each incident as this tab last committed it. Screens show a committed
 * change straight from here instead of waiting for the database round trip of a live
 * query; other tabs' and imports' changes still arrive through the live query.
 * Because a log only grows, the longer of the two copies is the newer one.
 */
const logs = new Map<string, readonly IncidentEvent[]>();
const listeners = new Set<() => void>();

/** The writer's fold of each published log, so the screen does not fold the same events again. */
const folds = new WeakMap<readonly IncidentEvent[], IncidentState>();

export function publishCommittedLog(incidentId: string, events: readonly IncidentEvent[], state?: IncidentState): void {
  logs.set(incidentId, events);
  if (state) folds.set(events, state);
  for (const listener of listeners) listener();
}

export function forgetCommittedLog(incidentId: string): void {
  if (logs.delete(incidentId)) for (const listener of listeners) listener();
}

export function committedLog(incidentId: string): readonly IncidentEvent[] | undefined {
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
