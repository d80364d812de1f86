import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import {
  type AppendedKey,
  appendEvent,
  logMark,
  logTables,
  MAX_APPENDED,
  readStoredLog,
  writeLog,
} from '../../db/event-log.ts';
import type { StoredIncidentRow } from '../../db/rows.ts';
import { ensureDeviceId } from '../../db/settings.ts';
import { toStorageError } from '../../db/storage-error.ts';
import { ensurePersistentStorage } from '../../db/storage-persistence.ts';
import type { EventPayloads, EventType, IncidentEvent, IncidentEventOf } from '../../model/events.ts';
import { foldIncident } from '../domain/fold.ts';
import { IncidentCommandError } from '../domain/incident-command-error.ts';
import type { IncidentState } from '../domain/incident-state.ts';
import { MergeRefusedError } from '../domain/merge-events.ts';
import { projectIncident } from '../domain/projection.ts';
import { liveLog } from './live-log.ts';

/**
 * The one way events get written: inside a single read-write transaction over events,
 * incidents and settings, so an event and the list row it changes are stored together
 * or not at all. Resolves only after IndexedDB reports the transaction complete.
 */

export interface WriterDependencies {
  db: AppDatabase;
  kader: () => Kader | undefined;
  now: () => Date;
  nextId: (seedTime: number) => string;
  /** The installation's id never changes once created; read it once. */
  deviceId?: string;
  /** The adviser's name as the last transaction read it; a tap checks it is still current. */
  actor?: string;
}

export interface WriteScope {
  /** A fresh ULID for this transaction's moment, e.g. a new incident's id. */
  newId(): string;
  /** Builds an event stamped with this device, actor and time; does not store it. */
  event<T extends EventType>(incidentId: string, type: T, payload: EventPayloads[T]): IncidentEventOf<T>;
  /** The incident's stored events, unsorted. */
  readEvents(incidentId: string): Promise<IncidentEvent[]>;
  /**
   * Stores new events of one incident and rewrites its row from all its events.
   * Folding the whole log on every write is O(events of that incident); an incident
   * has hundreds at most, and a fold is far cheaper than the disk write beside it.
   */
  append(incidentId: string, stored: IncidentEvent[], added: IncidentEvent[]): Promise<IncidentState>;
}

export async function writeInTransaction<T>(
  deps: WriterDependencies,
  body: (scope: WriteScope) => Promise<T>,
  /** The incident the body will read first: its log is requested together with the actor's name. */
  prefetch?: string,
): Promise<T> {
  const { db } = deps;
  try {
    const committed = new Map<string, { events: IncidentEvent[]; state: IncidentState }>();
    let committedDevice: string | undefined;
    let committedActor: string | undefined;
    const result = await db.transaction('rw', [...logTables(db), db.incidents, db.settings], async () => {
      // Cached only after the commit: a rolled-back first write must not keep an id that was never stored.
      const device = deps.deviceId ?? (await ensureDeviceId(db));
      committedDevice = device;
      // Issued together so a step tap waits for one round trip, not two.
      const [actorRow, prefetched] = await Promise.all([
        db.settings.get('actorName'),
        prefetch ? readStoredLog(db, prefetch) : undefined,
      ]);
      const actor = String(actorRow?.value ?? '');
      committedActor = actor;
      let unused = prefetched;
      const appendedBefore = new Map<string, AppendedKey[]>();
      const at = deps.now();
      const scope: WriteScope = {
        newId: () => deps.nextId(at.getTime()),
        event: (incidentId, type, payload) => makeEvent(deps, at, actor, device, incidentId, type, payload),
        readEvents: async (incidentId) => {
          const log = unused && incidentId === prefetch ? unused : await readStoredLog(db, incidentId);
          if (log === unused) unused = undefined;
          appendedBefore.set(incidentId, log.appendedKeys);
          return log.events;
        },
        append: async (incidentId, stored, added) => {
          const events = [...stored, ...added];
          const state = foldIncident(events);
          // Cannot happen for a well-formed call; guards against a bug writing a headless log.
          if (!state) throw new Error(`No incident.created event for incident ${incidentId}`);
          // Both requests go out at once: one round trip instead of two. Awaited, so a write that fails on
          // its own (some browsers report a full disk per request) rejects the body and rolls back both.
          await Promise.all([
            // An incident never read here is being created: it has no appended rows.
            writeLog(db, incidentId, events, appendedBefore.get(incidentId) ?? []),
            db.incidents.put(listRowOf(state, events, deps.kader())),
          ]);
          committed.set(incidentId, { events, state });
          return state;
        },
      };
      return body(scope);
    });
    // Only after the commit: an aborted transaction must not leave its events in the cache.
    deps.deviceId ??= committedDevice;
    deps.actor = committedActor;
    for (const [incidentId, { events, state }] of committed) liveLog.publish(incidentId, events, state, 0);
    // Asked once, after the first stored write (see storage-persistence.ts).
    void ensurePersistentStorage();
    return result;
  } catch (error) {
    // No catch inside the transaction: a throw there is what rolls it back.
    if (error instanceof IncidentCommandError || error instanceof MergeRefusedError) throw error;
    throw toStorageError(error);
  }
}

/**
 * The one way a list row is made: the incident's overview plus the mark of the log it
 * was projected from, which a step tap checks before it relies on a log in memory.
 * `state` must be the fold of `events`.
 */
export function listRowOf(state: IncidentState, events: readonly IncidentEvent[], kader?: Kader): StoredIncidentRow {
  return { ...projectIncident(state, kader), logMark: logMark(events) };
}

function makeEvent<T extends EventType>(
  deps: WriterDependencies,
  at: Date,
  actor: string,
  device: string,
  incidentId: string,
  type: T,
  payload: EventPayloads[T],
): IncidentEventOf<T> {
  return { id: deps.nextId(at.getTime()), incidentId, at: at.toISOString(), actor, device, type, payload };
}

/** Thrown inside the fast path's transaction to roll it back: the log it relied on has changed. */
class StaleLog extends Error {}

/**
 * A step tap's fast path: appends one event to a log this tab already holds in memory,
 * as a small row of its own, without reading or rewriting the log. The list row's mark
 * is read in the same round trip as the writes; requests of a transaction run in
 * order, so the read sees the log as it was before them. If another tab or an import
 * added to the log meanwhile, or the adviser's name changed, the transaction is rolled
 * back and undefined returned: the caller then takes the ordinary path.
 * Also undefined when there is nothing to rely on yet (first write of this tab).
 */
export async function appendToKnownLog<T extends EventType>(
  deps: WriterDependencies,
  incidentId: string,
  type: T,
  payload: EventPayloads[T],
  check: (state: IncidentState) => void,
): Promise<string | undefined> {
  const known = liveLog.known(incidentId);
  const { db, deviceId: device, actor } = deps;
  if (!known || known.appended >= MAX_APPENDED || device === undefined || actor === undefined) return undefined;
  const before = liveLog.stateOf(known.events);
  if (!before) return undefined;
  try {
    check(before);
  } catch {
    // A refusal must be decided on the stored state, which the ordinary path reads.
    return undefined;
  }
  try {
    let written: { events: IncidentEvent[]; state: IncidentState } | undefined;
    const id = await db.transaction('rw', [db.appendedEvents, db.incidents, db.settings], async () => {
      const event = makeEvent(deps, deps.now(), actor, device, incidentId, type, payload) as IncidentEvent;
      const events = [...known.events, event];
      const state = foldIncident(events);
      if (!state) throw new StaleLog();
      // The reads must be issued first, and nothing that takes a Dexie lock (a range
      // delete or modify) may come before them: then they see the state before the writes.
      const [row, actorRow] = await Promise.all([
        db.incidents.get(incidentId),
        db.settings.get('actorName'),
        appendEvent(db, event),
        db.incidents.put(listRowOf(state, events, deps.kader())),
      ]);
      if (row?.logMark !== logMark(known.events) || String(actorRow?.value ?? '') !== actor) throw new StaleLog();
      written = { events, state };
      return event.id;
    });
    if (written) liveLog.publish(incidentId, written.events, written.state, known.appended + 1);
    return id;
  } catch (error) {
    if (error instanceof StaleLog) return undefined;
    throw toStorageError(error);
  }
}
