import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { committedLog, newerLog, subscribeCommittedLogs } from './committed-log.ts';
import type { IncidentEvent } from './events.ts';
import { foldIncident } from './fold.ts';
import type { IncidentState } from './incident-state.ts';
import { readIncidentEvents } from './queries.ts';

export type IncidentView =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; events: IncidentEvent[]; state: IncidentState };

/**
 * The incident as stored, live: changes from this tab, another tab or an import show
 * up without a reload (Dexie's liveQuery observes IndexedDB across tabs).
 */
export function useIncident(incidentId: string): IncidentView {
  const stored = useLiveQuery(() => readIncidentEvents(incidentId), [incidentId]);
  const subscribe = useCallback((listener: () => void) => subscribeCommittedLogs(listener), []);
  const local = useSyncExternalStore(subscribe, () => committedLog(incidentId));
  const events = newerLog(stored, local as IncidentEvent[] | undefined);
  return useMemo<IncidentView>(() => {
    if (events === undefined) return { status: 'loading' };
    const state = foldIncident(events);
    return state ? { status: 'ready', events, state } : { status: 'missing' };
  }, [events]);
}

/** The current time, refreshed so "time since the incident" stays true while the page is open. */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
