import { liveQuery } from 'dexie';
import type { AppDatabase } from '../../db/database.ts';
import { logMark, readLogUnlessMarked } from '../../db/event-log.ts';
import { forgetOnLock } from '../../db/forget-on-lock.ts';
import { toStorageError } from '../../db/storage-error.ts';
import { compareEvents, type IncidentEvent } from '../../model/events.ts';
import { foldIncident } from '../domain/fold.ts';
import type { IncidentState } from '../domain/incident-state.ts';

/**
 * The one owner of the logs this tab holds in memory: the newest log of each open
 * incident, with its fold. Written by the writer after a commit (`publish`) and by the
 * live query of a screen that shows the incident (another tab's or an import's change);
 * read by screens (`openIncidentLog`) and by a step tap's fast path (`known`), which
 * appends to a known log without reading it again (the writer checks the stored log's
 * mark in the same round trip as its write). Because a log only grows until the
 * incident is deleted, the longer of two copies is the newer one.
 */

interface KnownLog {
  events: readonly IncidentEvent[];
  /** How many of the events are stored as appended rows rather than in the log row. */
  appended: number;
}

const logs = new Map<string, KnownLog>();
const listeners = new Set<() => void>();
/** The fold of each log array seen here, so neither the screen nor the next tap folds the same events again. */
const folds = new WeakMap<readonly IncidentEvent[], IncidentState>();

const notify = () => {
  for (const listener of listeners) listener();
};

// Decrypted logs do not outlive the key: a lock empties this tab's memory of them.
forgetOnLock(() => {
  if (logs.size === 0) return;
  logs.clear();
  notify();
});

export const liveLog = {
  /** After a commit: this tab's newest log of the incident, with the writer's fold of it. */
  publish(incidentId: string, events: readonly IncidentEvent[], state: IncidentState, appended = 0): void {
    logs.set(incidentId, { events, appended });
    folds.set(events, state);
    notify();
  },

  /** After a deletion: nothing of the incident stays in memory. */
  forget(incidentId: string): void {
    if (logs.delete(incidentId)) notify();
  },

  /** The newest log this tab knows, with how it is stored; the writer checks it before relying on it. */
  known(incidentId: string): KnownLog | undefined {
    return logs.get(incidentId);
  },

  /** The fold of exactly this array, folding it once if nobody has. Undefined without a start event. */
  stateOf(events: readonly IncidentEvent[]): IncidentState | undefined {
    let state = folds.get(events);
    if (!state) {
      state = foldIncident(events);
      if (state) folds.set(events, state);
    }
    return state;
  },
};

/** Records a log read from the database if it is newer than what this tab knows. */
function remember(incidentId: string, events: readonly IncidentEvent[], appended: number): void {
  if (events.length === 0) {
    logs.delete(incidentId);
    return;
  }
  const known = logs.get(incidentId);
  if (!known || events.length > known.events.length || !holdsAll(known.events, events)) {
    logs.set(incidentId, { events, appended });
  }
}

/**
 * Whether the copy in memory holds every stored event. A longer copy is newer only if
 * it does: another tab may have deleted the incident and restored a shorter backup.
 */
function holdsAll(memory: readonly IncidentEvent[], stored: readonly IncidentEvent[]): boolean {
  if (memory === stored) return true;
  const ids = new Set(memory.map((event) => event.id));
  return stored.every((event) => ids.has(event.id));
}

/**
 * The newer of the stored log and this tab's committed copy. An empty stored log
 * means the incident was deleted (the only way a log shrinks), perhaps in another tab.
 */
export function newerLog<T extends readonly IncidentEvent[]>(
  stored: T | undefined,
  local: T | undefined,
): T | undefined {
  if (stored && stored.length === 0) return stored;
  if (!stored) return local;
  if (!local) return stored;
  // On a tie keep this tab's copy: the same array means no second fold and render
  // when the live query echoes a write this tab already shows.
  return local.length >= stored.length ? local : stored;
}

export interface IncidentLogSource {
  subscribe(onChange: () => void): () => void;
  /** Stable between changes, as useSyncExternalStore requires; undefined while loading. A failed read throws. */
  snapshot(): readonly IncidentEvent[] | undefined;
}

/**
 * One incident's log, live: changes from this tab, another tab or an import show up
 * without a reload (Dexie's liveQuery observes IndexedDB across tabs). One source over
 * both, so a screen re-renders only when the log it shows changes: the live query's
 * echo of a write this tab already shows yields the same array.
 */
export function openIncidentLog(db: AppDatabase, incidentId: string): IncidentLogSource {
  let stored: readonly IncidentEvent[] | undefined;
  let failure: { error: unknown } | undefined;
  return {
    subscribe(onChange) {
      const live = liveQuery(async () => {
        // After this tab's own write (a tap) the list row carries the mark of the copy in memory:
        // the log is not read again, and with the lock on not opened again either.
        let known: readonly IncidentEvent[] | undefined;
        const mark = () => {
          known = logs.get(incidentId)?.events;
          return known && logMark(known);
        };
        try {
          const read = await readLogUnlessMarked(db, incidentId, mark);
          // 'unchanged' only when mark() found a copy in memory.
          return read === 'unchanged' ? { unchanged: known as readonly IncidentEvent[] } : read;
        } catch (error) {
          throw toStorageError(error);
        }
      }).subscribe({
        next(read) {
          if ('unchanged' in read) {
            if (stored === read.unchanged) return;
            stored = read.unchanged;
            onChange();
            return;
          }
          const { events, appendedKeys } = read;
          stored = events.sort(compareEvents);
          // The next step tap can then append without reading the log again (the writer checks it is current).
          remember(incidentId, stored, appendedKeys.length);
          onChange();
        },
        error(error: unknown) {
          failure = { error };
          onChange();
        },
      });
      listeners.add(onChange);
      // The screen unmounts on a lock anyway; its copy goes at once, not at the next collection.
      const unforget = forgetOnLock(() => {
        stored = undefined;
      });
      return () => {
        live.unsubscribe();
        listeners.delete(onChange);
        unforget();
      };
    },
    snapshot() {
      if (failure) throw failure.error;
      // remember() has replaced a memory copy that lacks stored events, so the longer copy is the newer.
      return newerLog<readonly IncidentEvent[]>(stored, logs.get(incidentId)?.events);
    },
  };
}
