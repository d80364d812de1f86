import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { IncidentEvent } from '../../model/events.ts';
import { foldIncident } from '../domain/fold.ts';
import type { IncidentState } from '../domain/incident-state.ts';
import { committedFold, committedLog, newerLog, rememberFold, subscribeCommittedLogs } from '../store/live-log.ts';
import { readIncidentEvents } from '../store/queries.ts';

export type IncidentView =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; events: readonly IncidentEvent[]; state: IncidentState };

/**
 * The incident as stored, live: changes from this tab, another tab or an import show
 * up without a reload (Dexie's liveQuery observes IndexedDB across tabs).
 *
 * One external store over both sources, so a render happens only when the log the
 * screen shows changes: the live query's echo of a write this tab already shows
 * yields the same array, and React skips the render instead of redoing the page in
 * the frame that should paint the tap.
 */
export function useIncident(incidentId: string): IncidentView {
  const source = useMemo(() => incidentLogSource(incidentId), [incidentId]);
  const events = useSyncExternalStore(source.subscribe, source.snapshot);
  return useMemo<IncidentView>(() => {
    if (events === undefined) return { status: 'loading' };
    let state = committedFold(events);
    if (!state) {
      state = foldIncident(events);
      // The next tap on this log then checks it is open without folding it again.
      if (state) rememberFold(events, state);
    }
    return state ? { status: 'ready', events, state } : { status: 'missing' };
  }, [events]);
}

function incidentLogSource(incidentId: string) {
  let stored: IncidentEvent[] | undefined;
  let failure: { error: unknown } | undefined;
  return {
    subscribe(onChange: () => void): () => void {
      const live = liveQuery(() => readIncidentEvents(incidentId)).subscribe({
        next(events) {
          stored = events;
          onChange();
        },
        error(error: unknown) {
          failure = { error };
          onChange();
        },
      });
      const unsubscribeLocal = subscribeCommittedLogs(onChange);
      return () => {
        live.unsubscribe();
        unsubscribeLocal();
      };
    },
    /** Stable between changes, as useSyncExternalStore requires. A failed read surfaces as useLiveQuery's did. */
    snapshot(): readonly IncidentEvent[] | undefined {
      if (failure) throw failure.error;
      return newerLog(stored, committedLog(incidentId) as IncidentEvent[] | undefined);
    },
  };
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
