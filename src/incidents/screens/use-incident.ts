import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { getAppDatabase } from '../../db/database.ts';
import type { IncidentEvent } from '../../model/events.ts';
import type { IncidentState } from '../domain/incident-state.ts';
import { liveLog, openIncidentLog } from '../store/live-log.ts';

export type IncidentView =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; events: readonly IncidentEvent[]; state: IncidentState };

/** The incident as stored, live (see live-log.ts): renders only when the log it shows changes. */
export function useIncident(incidentId: string): IncidentView {
  const source = useMemo(() => openIncidentLog(getAppDatabase(), incidentId), [incidentId]);
  const events = useSyncExternalStore(source.subscribe, source.snapshot);
  return useMemo<IncidentView>(() => {
    if (events === undefined) return { status: 'loading' };
    // The writer's fold when it published this log; else folded once and kept for the next tap.
    const state = liveLog.stateOf(events);
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
