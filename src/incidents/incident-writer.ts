import type { Kader } from '../content/schema.ts';
import type { AppDatabase } from '../db/database.ts';
import { readLog } from '../db/event-log.ts';
import { ensureDeviceId } from '../db/settings.ts';
import { toStorageError } from '../db/storage-error.ts';
import { publishCommittedLog } from './committed-log.ts';
import type { EventPayloads, EventType, IncidentEvent, IncidentEventOf } from './events.ts';
import { foldIncident } from './fold.ts';
import { IncidentCommandError } from './incident-command-error.ts';
import type { IncidentState } from './incident-state.ts';
import { projectIncident } from './projection.ts';

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
    const result = await db.transaction('rw', [db.logs, db.incidents, db.settings], async () => {
      // Cached only after the commit: a rolled-back first write must not keep an id that was never stored.
      const device = deps.deviceId ?? (await ensureDeviceId(db));
      committedDevice = device;
      // Issued together so a step tap waits for one round trip, not two.
      const [actorRow, prefetched] = await Promise.all([
        db.settings.get('actorName'),
        prefetch ? readLog(db, prefetch) : undefined,
      ]);
      const actor = String(actorRow?.value ?? '');
      let unused = prefetched;
      const at = deps.now();
      const scope: WriteScope = {
        newId: () => deps.nextId(at.getTime()),
        event: (incidentId, type, payload) => ({
          id: deps.nextId(at.getTime()),
          incidentId,
          at: at.toISOString(),
          actor,
          device,
          type,
          payload,
        }),
        readEvents: async (incidentId) => {
          if (unused && incidentId === prefetch) {
            const events = unused;
            unused = undefined;
            return events;
          }
          return readLog(db, incidentId);
        },
        append: async (incidentId, stored, added) => {
          const events = [...stored, ...added];
          const state = foldIncident(events);
          // Cannot happen for a well-formed call; guards against a bug writing a headless log.
          if (!state) throw new Error(`No incident.created event for incident ${incidentId}`);
          // Both requests go out at once: one round trip instead of two. Awaited, so a write that fails on
          // its own (some browsers report a full disk per request) rejects the body and rolls back both.
          await Promise.all([
            db.logs.put({ incidentId, events }),
            db.incidents.put(projectIncident(state, deps.kader())),
          ]);
          committed.set(incidentId, { events, state });
          return state;
        },
      };
      return body(scope);
    });
    // Only after the commit: an aborted transaction must not leave its events in the cache.
    deps.deviceId ??= committedDevice;
    for (const [incidentId, { events, state }] of committed) publishCommittedLog(incidentId, events, state);
    return result;
  } catch (error) {
    // No catch inside the transaction: a throw there is what rolls it back.
    if (error instanceof IncidentCommandError) throw error;
    throw toStorageError(error);
  }
}
